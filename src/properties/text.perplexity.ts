/**
 * text.perplexity — PPL = P(W)^{−1/N} = 2^{H(W)} with H in bits (= e^{H} with H in nats).
 * Seed 004_975819c312b074f9.txt, line 249: $$PPL(W) = 2^{H(W)}$$
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { exp as iExp, mul as iMul, log as iLog, point as iPoint } from '../numerics/interval.js';
import { encloseRational } from '../numerics/enclose.js';
import { perplexityEnclose, perplexityIs } from '../oracles/text.js';
import { unitRationalArb, showIv, perplexityArb, type PerplexityArgs } from './text-shared.js';
import { precisionOf } from '../numerics/bounds.js';
import { perplexityBound } from '../numerics/bounds-text.js';
import { castFloats } from './gen-helpers.js';
import type { Implementation, Outcome } from '../registry/types.js';

/** The exact perplexity enclosure of text.perplexity's arguments and its derived bound for `impl`. */
export function perplexityExpected(a: PerplexityArgs, impl: Pick<Implementation, 'dtype' | 'backend' | 'profile'>): { ppl: { lo: number; hi: number }; bound: number } {
  const r = perplexityEnclose(a.probs.map((p) => Rational.fromFloat64(p)));
  return { ppl: r.pplFromNats, bound: perplexityBound(r.pplFromNats.hi, r.hNats.hi, a.probs.length, precisionOf(impl)) };
}

/** Conformance of text.perplexity: the result within the bound of the exact enclosure. */
export function perplexityConformance(a0: PerplexityArgs, impl: Implementation): Outcome {
  const a = castFloats(a0, impl.dtype);
  const got = impl.ops['text.perplexity']!(a) as number;
  const { ppl, bound } = perplexityExpected(a, impl);
  if (typeof got !== 'number' || Number.isNaN(got)) return { ok: false, detail: `result ${got}` };
  const err = got < ppl.lo ? ppl.lo - got : got > ppl.hi ? got - ppl.hi : 0;
  const ratio = err / bound;
  return ratio <= 1 ? { ok: true, ratio } : { ok: false, ratio, detail: `N = ${a.probs.length}, base ${a.base}: got ${got}, exact ${showIv(ppl as never, 10)}, error ${err} > bound ${bound}` };
}

const overlap = (a: { lo: number; hi: number }, b: { lo: number; hi: number }) => a.lo <= b.hi && b.lo <= a.hi;

export const claim: ClaimModule = {
  id: 'text.perplexity',
  properties: [
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation\'s perplexity (asked to use nats or bits) is within the derived bound of the exact enclosure of exp(−(1/N)Σ ln p_i), including uniform models (PPL = K), sequences whose probability product underflows, tiny probabilities and certain predictions.',
      arbitrary: perplexityArb,
      ops: ['text.perplexity'],
      runs: 100,
      check: (a: PerplexityArgs, impl) => perplexityConformance(a, impl!),
    },
    {
      name: 'bits-and-nats',
      kind: 'identity',
      description: 'For random token probabilities, e^{H_nats} and 2^{H_bits} enclose the same number (P^{−1/N}): their enclosures overlap, and raising it to the N-th power gives 1/P within the enclosure.',
      arbitrary: fc.array(unitRationalArb, { minLength: 1, maxLength: 8 }),
      runs: 150,
      check: (ps: Rational[]) => {
        const r = perplexityEnclose(ps);
        if (!overlap(r.pplFromNats, r.pplFromBits)) return { ok: false, detail: `e^H ${r.pplFromNats} vs 2^H ${r.pplFromBits}` };
        const invP = encloseRational(ps.reduce((a, p) => a.mul(p), Rational.ONE).inv());
        const powN = iExp(iMul(iLog(r.pplFromNats), iPoint(ps.length)));
        return overlap(powN, invP) ? { ok: true } : { ok: false, detail: `PPL^N ${powN} vs 1/P ${invP}` };
      },
    },
    {
      name: 'uniform-K',
      kind: 'identity',
      description: 'A model that gives every one of N test tokens probability 1/K has perplexity exactly K (P^{−1} = K^N, exact), whatever N; any other K′ fails.',
      arbitrary: fc.record({ K: fc.integer({ min: 1, max: 50000 }), N: fc.integer({ min: 1, max: 12 }) }),
      runs: 100,
      check: ({ K, N }) => {
        const ps = Array.from({ length: N }, () => Rational.of(1, K));
        if (!perplexityIs(ps, Rational.fromInt(K))) return { ok: false, detail: `PPL ≠ ${K}` };
        if (perplexityIs(ps, Rational.fromInt(K + 1))) return { ok: false, detail: `PPL = ${K + 1} too` };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const ps = Array.from({ length: 5 }, () => Rational.of(1, 10));
    const r = perplexityEnclose(ps);
    const wrong = iExp(iMul(r.hNats, iLog(encloseRational(Rational.fromInt(2)))));
    return [
      {
        id: 'text.perplexity',
        verdict: 'convention-dependent',
        evidence: `PPL = 2^{H} holds when the cross-entropy H is measured in bits (log₂, as in Jurafsky & Martin); the notes do not fix the base, and the ` +
          `cross-entropy loss of deep learning (004:253) is in nats, for which PPL = e^{H}. A model giving each of 5 tokens probability 1/10: H = ${showIv(r.hBits)} bits = ` +
          `${showIv(r.hNats)} nats; 2^{H_bits} = ${showIv(r.pplFromBits)} = e^{H_nats} = ${showIv(r.pplFromNats)} = 10, but 2^{H_nats} = ${showIv(wrong)}.`,
      },
      {
        id: 'text.perplexity#uniform-K',
        verdict: 'confirmed',
        evidence: 'A model uniform over K options at every step has perplexity exactly K: (K^{−N})^{−1/N} = K (exact for every N).',
      },
      {
        id: 'text.perplexity#monotone',
        verdict: 'confirmed',
        evidence: 'PPL = b^{H} is strictly increasing in H for any base b > 1, so minimising the cross-entropy loss and minimising perplexity have the same minimisers (004:253).',
      },
    ];
  },
};
