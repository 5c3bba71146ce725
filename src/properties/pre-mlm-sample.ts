/**
 * The statistical property of pre.mlm-mask: generators by input class and the check — exact
 * invariants, replay determinism, and three Chernoff–KL binomial tests (src/statistics/tests.ts, proved
 * critical counts) at α/3 each (combineTests: the check's level is α = ALPHA_PER_CHECK):
 *   S = #selected of the N non-special positions            ~ Binomial(N, 0.15),
 *   M = #[MASK] among the S selected (conditionally on them) ~ Binomial(S, 0.8 + 0.2·0.5/V),
 *   K = #unchanged among the S selected                      ~ Binomial(S, 0.1 + 0.1/V)
 * (a random replacement equals [MASK] or the original with probability 1/V each; originals are never
 * [MASK], a special token). Each probability is allowed MASK_P_SLACK = 2⁻²² for float32 uniforms
 * (a product of three Bernoulli probabilities of float32 thresholds: ≤ 3·2⁻²⁴ < 2⁻²²).
 * Power: at N ≈ 14 000 non-special positions the selection test rejects a rate off by ≈ 0.012 (e.g.
 * 0.2 instead of 0.15); among S ≈ 2 100 selected the masked share is resolved to ≈ 0.04 (80/10/10 swapped
 * to 10/10/80 gives 0.1 + …: rejected).
 */
import fc from 'fast-check';
import type { Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { ALPHA_PER_CHECK } from '../statistics/budget.js';
import { binomialTest, combineTests, MASK_P_SLACK } from '../statistics/tests.js';
import { classes, type Tagged } from './gen-helpers.js';

export interface MlmArgs { tokens: number[]; vocab: number; maskId: number; special: number[]; seed: number }
export const MLM_N = 16384;

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
/** A sequence of MLM_N tokens from one 32-bit seed (xorshift): [CLS] … [SEP], non-special ids in [lo, V), padding of the given share at the end. */
function seq(V: number, specials: { cls: number; sep: number; pad: number }, lo: number, pad: number, s: number): number[] {
  let x = (s | 1) >>> 0;
  const next = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  const nPad = Math.floor(MLM_N * pad);
  const out = new Array<number>(MLM_N);
  out[0] = specials.cls;
  for (let i = 1; i < MLM_N - nPad - 1; i++) out[i] = lo + (next() % (V - lo));
  out[MLM_N - nPad - 1] = specials.sep;
  for (let i = MLM_N - nPad; i < MLM_N; i++) out[i] = specials.pad;
  return out;
}
const bert = fc.tuple(seedArb, seedArb).map(([s, seed]): MlmArgs => ({ tokens: seq(30522, { cls: 101, sep: 102, pad: 0 }, 104, 0, s), vocab: 30522, maskId: 103, special: [0, 100, 101, 102, 103], seed }));
// small vocabularies: ids 0 = [PAD], 1 = [CLS]/[SEP], 2 = [MASK], ordinary ids from 3
const small = fc.tuple(fc.constantFrom(5, 8), seedArb, seedArb).map(([V, s, seed]): MlmArgs => ({ tokens: seq(V, { cls: 1, sep: 1, pad: 0 }, 3, 0, s), vocab: V, maskId: 2, special: [0, 1, 2], seed }));
const padded = fc.tuple(fc.constantFrom(0.3, 0.5), seedArb, seedArb).map(([p, s, seed]): MlmArgs => ({ tokens: seq(30522, { cls: 101, sep: 102, pad: 0 }, 104, p, s), vocab: 30522, maskId: 103, special: [0, 100, 101, 102, 103], seed }));
/** The input classes of pre.mlm-mask, declared in src/ops/pretraining.ts. */
export const mlmSampleArb: fc.Arbitrary<Tagged<MlmArgs>> = classes([
  { name: 'bert-vocab', weight: 2, arb: bert },
  { name: 'small-vocab', weight: 2, arb: small },
  { name: 'padded', weight: 1, arb: padded },
]);

export function checkMlm(a0: Tagged<MlmArgs>, impl: Implementation, alpha = ALPHA_PER_CHECK): Outcome {
  const { cls: _c, ...a } = a0;
  const fn = impl.ops['pre.mlm-mask'] as (x: MlmArgs, replicate?: number) => { input: ArrayLike<number>; labels: ArrayLike<number> };
  const r1 = fn(a), r2 = fn(a, 1);
  const n = a.tokens.length, V = a.vocab, special = new Set(a.special);
  if (!r1 || r1.input?.length !== n || r1.labels?.length !== n) return { ok: false, detail: 'result is not {input, labels} of length n' };
  let N = 0, S = 0, M = 0, K = 0;
  for (let i = 0; i < n; i++) {
    const t = a.tokens[i]!, x = r1.input[i]!, l = r1.labels[i]!;
    if (r2.input[i] !== x || r2.labels[i] !== l) return { ok: false, detail: `not deterministic at position ${i} (seed ${a.seed})` };
    if (!Number.isInteger(x) || x < 0 || x >= V) return { ok: false, detail: `input[${i}] = ${x} is not an id in [0, ${V})` };
    if (special.has(t)) {
      if (x !== t || l !== -100) return { ok: false, detail: `special token ${t} at position ${i} was selected (input ${x}, label ${l})` };
      continue;
    }
    N++;
    if (l === -100) { if (x !== t) return { ok: false, detail: `unselected position ${i} changed ${t} → ${x}` }; continue; }
    if (l !== t) return { ok: false, detail: `label at selected position ${i} is ${l}, the original token is ${t}` };
    S++;
    if (x === a.maskId) M++; else if (x === t) K++;
  }
  const R = (v: number) => Rational.fromFloat64(v);
  const around = (p: Rational) => ({ piLo: Rational.max(Rational.ZERO, p.sub(R(MASK_P_SLACK))), piHi: Rational.min(Rational.ONE, p.add(R(MASK_P_SLACK))) });
  const invV = Rational.of(1, V);
  const tests = [
    binomialTest({ k: S, n: N, ...around(Rational.of(15, 100)), alpha: alpha / 3, what: 'selected among non-special positions (0.15)' }),
    binomialTest({ k: M, n: S, ...around(Rational.of(8, 10).add(Rational.of(1, 10).mul(invV))), alpha: alpha / 3, what: `[MASK] among selected (0.8 + 0.1/${V})` }),
    binomialTest({ k: K, n: S, ...around(Rational.of(1, 10).add(Rational.of(1, 10).mul(invV))), alpha: alpha / 3, what: `unchanged among selected (0.1 + 0.1/${V})` }),
  ];
  const t = combineTests('BERT masking rates', tests, alpha);
  return t.reject ? { ok: false, ratio: t.ratio, detail: t.detail } : { ok: true, ratio: t.ratio };
}
