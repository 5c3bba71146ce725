/**
 * dec.beam — beam search of width K keeps the K best partial sequences by cumulative probability
 * (004:1131–1138, 003:799–812); when K covers the space (K ≥ V^{T−1}) it equals exhaustive search. It is
 * not monotone in K: a wider beam can return a LESS probable sequence than greedy (K = 1).
 * Seed 004_975819c312b074f9.txt, line 1131: "Beam Search keeps **top K best partial sequences** instead of 1."
 */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { classes, type Tagged } from './gen-helpers.js';
import { precisionOf } from '../numerics/bounds.js';
import { Rational } from '../numerics/rational.js';
import { beamSearch, exhaustiveBest, seqProb, greedyDecode, tableLm, type BeamArgs, beamSearchExact, beamAcceptable, completeSequences, greedyTable, normalisedScore } from '../oracles/decoding.js';
import { lmTableArb, lmOf } from './dec-shared.js';

/** The counterexample of #not-monotone: V = 3, T = 3, greedy beats beam(2). */
export function beamWorseThanGreedy() {
  const r = (a: number, b: number) => Rational.of(a, b);
  const u = [r(1, 3), r(1, 3), r(1, 3)];
  // step 1: a 2/5, b 3/10, c 3/10. After a: (1/3, 1/3, 1/3) (then a sure continuation);
  // after b and c: (1/2, 1/2, 0) (then uniform continuations).
  const sure = [r(1, 1), r(0, 1), r(0, 1)];
  const half = [r(1, 2), r(1, 2), r(0, 1)];
  const step2 = [u, half, half];
  const step3: Rational[][] = [];
  for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) step3.push(a === 0 ? sure : u);
  return tableLm(3, 3, [[[r(2, 5), r(3, 10), r(3, 10)]], step2, step3]);
}

/** A table of N × V log-probabilities for V, T from `el`. */
const beamTable = (V: number, T: number, el: fc.Arbitrary<number>) => {
  let N = 0, p = 1;
  for (let t = 0; t < T; t++) { N += p; p *= V; }
  return fc.array(fc.array(el, { minLength: V, maxLength: V }), { minLength: N, maxLength: N });
};
const eighthsNeg = fc.integer({ min: 0, max: 24 }).map((k) => (k === 0 ? 0 : -k / 8));
const beamCase = (o: { V?: fc.Arbitrary<number>; T?: fc.Arbitrary<number>; el: fc.Arbitrary<number>; width?: (V: number, T: number) => fc.Arbitrary<number>; eos?: (V: number) => fc.Arbitrary<number>; alpha?: fc.Arbitrary<number> }): fc.Arbitrary<BeamArgs> =>
  fc.tuple(o.V ?? fc.integer({ min: 2, max: 4 }), o.T ?? fc.integer({ min: 1, max: 4 })).chain(([V, T]) => fc.record({
    logProbs: beamTable(V, T, o.el),
    T: fc.constant(T),
    width: (o.width ?? (() => fc.integer({ min: 1, max: 5 })))(V, T),
    eos: (o.eos ?? ((V: number) => fc.integer({ min: -1, max: V - 1 })))(V),
    lengthPenalty: o.alpha ?? fc.constantFrom(0, 0, 1, 2),
  }));
/** EOS (token 0) strongly preferred at early steps: rows of short prefixes get log P(eos) = 0. */
const eosEarly = beamCase({ el: eighthsNeg, eos: () => fc.constant(0), T: fc.integer({ min: 2, max: 4 }), width: () => fc.integer({ min: 2, max: 4 }) })
  .chain((a) => fc.array(fc.boolean(), { minLength: a.logProbs.length, maxLength: a.logProbs.length }).map((flags) => ({ ...a, logProbs: a.logProbs.map((r, i) => (flags[i] ? [0, ...r.slice(1)] : r)) })));
/** The input classes of dec.beam-search (weights /40), declared in src/ops/decoding.ts. */
export const beamOpArb: fc.Arbitrary<Tagged<BeamArgs>> = classes([
  { name: 'grid', weight: 11, arb: beamCase({ el: eighthsNeg }) },
  { name: 'ties', weight: 7, arb: beamCase({ el: fc.constantFrom(0, -0.5, -1, -2) }) },
  { name: 'eos-early', weight: 7, arb: eosEarly },
  { name: 'length-penalty', weight: 7, arb: beamCase({ el: eighthsNeg, eos: (V) => fc.integer({ min: 0, max: V - 1 }), alpha: fc.constantFrom(1, 2), T: fc.integer({ min: 2, max: 4 }) }) },
  { name: 'greedy', weight: 4, arb: beamCase({ el: fc.oneof(eighthsNeg, fc.constantFrom(0, -1)), width: () => fc.constant(1) }) },
  { name: 'full-width', weight: 4, arb: beamCase({ el: eighthsNeg, V: fc.integer({ min: 2, max: 3 }), T: fc.integer({ min: 1, max: 3 }), width: (V, T) => fc.constant((V ** (T + 1) - 1) / (V - 1)) }) },
]);

/** Judge a returned sequence: the exact beam's choice (α = 0), or a final-beam hypothesis within the division rounding of the best (α > 0). */
export function checkBeam(a: BeamArgs, got: unknown, u: number): Outcome {
  const ok = beamAcceptable(a, u);
  const g = got as number[];
  if (Array.isArray(g) && ok.some((y) => y.length === g.length && y.every((w, i) => w === g[i]))) return { ok: true };
  const { beam, best } = beamSearchExact(a);
  return { ok: false, detail: `returned [${Array.isArray(g) ? g.join(' ') : String(got)}], expected [${best.join(' ')}] (final beam: ${beam.map((h) => `[${h.y.join(' ')}] ${h.s}`).join('; ')}; eos ${a.eos}, α ${a.lengthPenalty})` };
}

export const claim: ClaimModule = {
  id: 'dec.beam',
  properties: [
    {
      name: 'full-width-is-exhaustive',
      kind: 'identity',
      description: 'On random exact tree LMs, beam search with K = V^{T−1} (the beam holds every prefix) returns a most probable sequence of V^T, with the exhaustive maximum as its probability; the beam’s score is the sum of log conditionals (003:818) — the product of the conditionals.',
      arbitrary: lmTableArb,
      runs: 150,
      check: (t) => {
        const lm = lmOf(t);
        const K = t.V ** (t.T - 1);
        const b = beamSearch(lm, K), ex = exhaustiveBest(lm);
        if (!b.prob.eq(ex.prob)) return { ok: false, detail: `beam(${K}) probability ${b.prob}, exhaustive ${ex.prob}` };
        if (!seqProb(lm, b.best).eq(b.prob)) return { ok: false, detail: 'cumulative score differs from the sequence probability' };
        return ex.argmaxes.some((y) => y.join() === b.best.join()) ? { ok: true } : { ok: false, detail: `beam sequence ${b.best} not a maximiser` };
      },
    },
    {
      name: 'beam-holds-top-k-prefixes',
      kind: 'identity',
      description: 'After the last step the beam holds K sequences whose probabilities are ≥ every candidate it discarded at that step (the final selection is exact over its K·V candidates).',
      arbitrary: fc.tuple(lmTableArb, fc.integer({ min: 1, max: 4 })),
      runs: 150,
      check: ([t, K]) => {
        const lm = lmOf(t);
        const b = beamSearch(lm, K);
        const prev = t.T > 1 ? beamSearch({ ...lm, T: t.T - 1 }, K).beam : [{ y: [] as number[], p: Rational.ONE }];
        const cands = prev.flatMap((h) => lm.next(h.y).map((q, w) => h.p.mul(q)));
        const kept = b.beam.map((h) => h.p);
        const minKept = kept.reduce((a, c) => (c.lt(a) ? c : a));
        const sortedC = cands.slice().sort((a, c) => c.cmp(a));
        if (b.beam.length !== Math.min(K, cands.length)) return { ok: false, detail: `beam size ${b.beam.length}` };
        return sortedC[b.beam.length - 1]!.eq(minKept) ? { ok: true } : { ok: false, detail: `K-th best candidate ${sortedC[b.beam.length - 1]}, smallest kept ${minKept}` };
      },
    },
    {
      name: 'tfjs-beam-search',
      kind: 'conformance',
      description: 'The implementation’s beam search (op dec.beam-search: width K, T steps, EOS freeze, length penalty α on the final choice, ties by the token sequence) returns the exact beam search’s sequence on grid scores (exact sums); with α > 0 any final-beam hypothesis within the rounding of the final division of the best.',
      arbitrary: beamOpArb,
      ops: ['dec.beam-search'],
      runs: 100,
      check: (a0: Tagged<BeamArgs>, impl: Implementation | null) => {
        const { cls: _c, ...a } = a0;
        return checkBeam(a, impl!.ops['dec.beam-search']!(a), precisionOf(impl!).u);
      },
    },
    {
      name: 'eos-beam-limits',
      kind: 'identity',
      description: 'Two independent characterisations of the exact EOS beam search: width 1 is greedy decoding with EOS (argmax, smallest token on ties, stop at EOS), and a width covering every hypothesis returns a maximiser of s/|y|^α over all complete sequences (exhaustive enumeration).',
      arbitrary: beamOpArb,
      runs: 100,
      check: (a0: Tagged<BeamArgs>) => {
        const { cls: _c, ...a } = a0;
        const V = a.logProbs[0]!.length;
        const g = greedyTable(a), b1 = beamSearchExact({ ...a, width: 1 }).best;
        if (g.join() !== b1.join()) return { ok: false, detail: `width 1 [${b1}] ≠ greedy [${g}]` };
        const full = beamSearchExact({ ...a, width: (V ** (a.T + 1) - 1) / (V - 1) });
        const all = completeSequences(a);
        const top = all.map((h) => normalisedScore(h, a.lengthPenalty)).reduce((x, y) => (y.gt(x) ? y : x));
        const got = all.find((h) => h.y.join() === full.best.join());
        if (!got || !normalisedScore(got, a.lengthPenalty).eq(top)) return { ok: false, detail: `full-width beam [${full.best}] is not an exhaustive maximiser (${top})` };
        return full.beam.length === all.length ? { ok: true } : { ok: false, detail: `full-width beam holds ${full.beam.length} of ${all.length} complete sequences` };
      },
    },
  ],
  audit: () => {
    const lm = beamWorseThanGreedy();
    const g = greedyDecode(lm), b2 = beamSearch(lm, 2), ex = exhaustiveBest(lm);
    const name = (y: number[]) => y.map((k) => 'abc'[k]).join('');
    const full = beamSearch(lm, 9);
    return [
      {
        id: 'dec.beam',
        verdict: 'confirmed',
        evidence: `Beam search as described (top K partial sequences, K × V expansions scored by cumulative probability, keep K) equals exhaustive search once K ≥ V^{T−1} (property full-width-is-exhaustive; ` +
          `e.g. V = 3, T = 3, K = 9: ${name(full.best)} with probability ${full.prob} = the maximum ${ex.prob}). The score Σ_i log p(y_i | y_<i, x) (003:818) is log of the product of the conditionals.`,
      },
      {
        id: 'dec.beam#not-monotone',
        verdict: 'refuted',
        evidence: `"This gives: … Higher quality sequence … Avoids greedy mistakes" (004:1142–1146) does not hold as a guarantee, even in model probability: V = 3 {a, b, c}, T = 3, ` +
          `P(a) = 2/5, P(b) = P(c) = 3/10; after a the next token is uniform (1/3 each) and then certain; after b or c it is (1/2, 1/2, 0) and then uniform. ` +
          `Greedy: ${name(g)} with probability ${Rational.of(2, 5).mul(Rational.of(1, 3))} (= ${greedyProb(lm, g)}); beam K = 2 keeps the prefixes with probability 3/20 and returns ${name(b2.best)} with probability ${b2.prob} — worse than greedy. The best sequence is ${ex.argmaxes.map(name).join(', ')} (${ex.prob}).`,
      },
      {
        id: 'dec.beam#score-sum',
        verdict: 'confirmed',
        evidence: `003:819 writes Σ_{i=1}^t log(p(y_1|x)p(y_2|y_1,x)…), a sum of t copies of log p(y|x) read literally (= t·log p(y|x)); the adjacent lines 003:817 (log p(y|x)) and 003:820 (Σ_i log p(y_i | y_1…y_{i−1}, x)) fix the intended log(p(y_1|x)p(y_2|y_1,x)…) = log p(y|x). Typo (duplicated Σ), graded on the intended chain, which the property full-width-is-exhaustive uses.`,
      },
    ];
  },
};

function greedyProb(lm: ReturnType<typeof beamWorseThanGreedy>, y: number[]): string {
  return seqProb(lm, y).toString();
}
