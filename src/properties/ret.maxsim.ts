/**
 * ret.maxsim — the ColBERT MaxSim score S(q, d) = Σ_i max_j (q_i · d_j).
 * Seed 004_975819c312b074f9.txt, line 2901: "$$S_{q,d} = \sum_{i \in q} \max_{j \in d} (v_i \cdot u_j)$$".
 */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { maxSimExact, similarityMatrix } from '../oracles/retrieval.js';
import { maxSimBound, maxSimExactOnGrid } from '../numerics/bounds-retrieval.js';
import { precisionOf, SAFETY } from '../numerics/bounds.js';
import { f32Mixed, f32Scaled } from './arbitraries.js';
import { classes, sizeUpTo, f64Full, castFloats, type Tagged } from './gen-helpers.js';
import { seededValues } from './seeded-values.js';

export interface MaxSimArgs { Q: number[][]; D: number[][] }
export type MaxSimCase = Tagged<MaxSimArgs>;

const fr = (v: number) => { const r = Math.fround(v); return Object.is(r, -0) ? 0 : r; };
const mat = (rows: number, cols: number, el: fc.Arbitrary<number>) => fc.array(fc.array(el, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
/** Rows scaled to unit L2 norm (then rounded to float32; a zero row stays zero). */
export const normalizeRows = (m: number[][]) => m.map((r) => { const n = Math.hypot(...r); return n === 0 ? r : r.map((v) => fr(v / n)); });
const shape = (maxQ: number, maxD: number, maxDim: number) => fc.tuple(fc.integer({ min: 1, max: maxQ }), fc.integer({ min: 1, max: maxD }), sizeUpTo(1, maxDim));

/** Input classes of `ret.maxsim` (spec/ops.md; test/power/ret.maxsim-generators.test.ts). */
export const MAXSIM_CLASSES = [
  { name: 'mixed', weight: 25, arb: shape(8, 16, 32).chain(([nq, nd, d]) => fc.record({ Q: mat(nq, d, f32Mixed(4)), D: mat(nd, d, f32Mixed(4)) })) },
  { name: 'normalized', weight: 17, arb: shape(8, 16, 32).chain(([nq, nd, d]) => fc.record({ Q: mat(nq, d, f32Mixed(4)), D: mat(nd, d, f32Mixed(4)) })).map(({ Q, D }) => ({ Q: normalizeRows(Q), D: normalizeRows(D) })) },
  {
    // D's rows are negated positive combinations of Q's: every similarity q_i·d_j < 0 when Q's entries are positive
    name: 'negative', weight: 12,
    arb: shape(6, 10, 16).chain(([nq, nd, d]) => fc.record({ Q: mat(nq, d, f32Scaled(-4, 1).map((v) => Math.abs(v) + 0.5)), D: mat(nd, d, f32Scaled(-4, 1).map((v) => -Math.abs(v) - 0.25)) })),
  },
  {
    name: 'ties', weight: 12,
    arb: shape(6, 8, 12).chain(([nq, nd, d]) => fc.record({ Q: mat(nq, d, f32Scaled(-2, 1)), D: mat(nd, d, f32Scaled(-2, 1)), dup: fc.nat() }))
      .map(({ Q, D, dup }) => ({ Q: [...Q, Q[dup % Q.length]!], D: [...D, D[dup % D.length]!, D[(dup + 1) % D.length]!] })),
  },
  { name: 'exact-friendly', weight: 12, arb: shape(8, 12, 16).chain(([nq, nd, d]) => fc.record({ Q: mat(nq, d, fc.integer({ min: -16, max: 16 }).map((k) => k / 8)), D: mat(nd, d, fc.integer({ min: -16, max: 16 }).map((k) => k / 8)) })) },
  { name: 'float64-only', weight: 10, arb: shape(6, 10, 24).chain(([nq, nd, d]) => fc.record({ Q: mat(nq, d, f64Full(-3, 2)), D: mat(nd, d, f64Full(-3, 2)) })) },
  {
    // one document token dominates every query token, and Nq ≠ Nd: a max over the query axis (Σ_j max_i) gives a different sum
    name: 'query-only-asymmetry', weight: 10,
    arb: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 9 }), fc.integer({ min: 2, max: 8 })).chain(([nq, nd, d]) => fc.record({
      Q: mat(nq, d, f32Scaled(-3, 0).map((v) => Math.abs(v) + 0.125)), D: mat(nd, d, f32Scaled(-3, 0)), big: fc.nat(),
    })).map(({ Q, D, big }) => { const E = D.map((r) => [...r]); E[big % E.length] = E[big % E.length]!.map((v) => Math.abs(v) + 4); return { Q, D: E }; }),
  },
  {
    name: 'realistic', weight: 2,
    arb: fc.noShrink(fc.tuple(sizeUpTo(32, 64, 4), fc.integer({ min: 1, max: 0x7fffffff })).map(([nd, seed]) => {
      const vals = seededValues((32 + nd) * 128, seed, { uniform: 1 });
      const rows = Array.from({ length: 32 + nd }, (_, i) => vals.slice(i * 128, (i + 1) * 128));
      return { Q: normalizeRows(rows.slice(0, 32)), D: normalizeRows(rows.slice(32)) };
    })),
  },
] as const;

export const maxSimArb: fc.Arbitrary<MaxSimCase> = classes<MaxSimArgs>(MAXSIM_CLASSES as unknown as readonly { name: string; weight: number; arb: fc.Arbitrary<MaxSimArgs> }[]);

/** Exact score and the derived bound of `ret.maxsim` for this implementation. */
export function maxSimExpectation(a: MaxSimArgs, impl: Pick<Implementation, 'dtype' | 'backend' | 'profile'>): { score: Rational; bound: number } {
  const { score, maxima } = maxSimExact(a.Q, a.D);
  const d = a.Q[0]?.length ?? 0;
  const A = a.Q.map((q) => a.D.map((dd) => q.reduce((s, v, k) => s + Math.abs(v * dd[k]!), 0) * SAFETY));
  const p = precisionOf(impl);
  const bound = maxSimExactOnGrid(a.Q, a.D, A, p) ? 0 : maxSimBound(A, maxima.map((m) => Math.abs(m.toFloat64()) * SAFETY), d, p);
  return { score, bound };
}

export function compareMaxSim(a: MaxSimArgs, got: unknown, impl: Implementation): Outcome {
  if (typeof got !== 'number' || !Number.isFinite(got)) return { ok: false, detail: `score ${String(got)}` };
  const { score, bound } = maxSimExpectation(a, impl);
  const err = Math.abs(Rational.fromFloat64(got).sub(score).toFloat64());
  const ratio = err === 0 ? 0 : err / bound;
  return ratio <= 1 ? { ok: true, ratio } : { ok: false, ratio, detail: `score ${got}, exact ${score.toDecimal(17)}, bound ${bound.toExponential(3)} (Nq = ${a.Q.length}, Nd = ${a.D.length}, d = ${a.Q[0]?.length ?? 0})` };
}

export const claim: ClaimModule = {
  id: 'ret.maxsim',
  properties: [
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation’s MaxSim score lies within the derived bound (maxSimBound: dot products, the row maxima, the final sum; 0 on the exact-friendly grid) of the exact score Σ_i max_j q_i·d_j; classes of spec/ops.md (normalised, all-negative, ties, exact grid, float64-only, ColBERT sizes).',
      arbitrary: maxSimArb,
      ops: ['ret.maxsim'],
      runs: 120,
      check: (c, impl) => {
        const a = castFloats({ Q: c.Q, D: c.D }, impl!.dtype);
        return compareMaxSim(a, impl!.ops['ret.maxsim']!(a), impl!);
      },
    },
    {
      name: 'document-monotone-permutation-invariant',
      kind: 'identity',
      description: 'Exactly: permuting the document tokens leaves S unchanged, adding a document token never decreases S, and S ≤ Σ_i |q_i|₁·max_{j,k}|d_jk| (each maximum is a dot product); S(q, d) is not symmetric in general (the notes’ max runs over the document).',
      arbitrary: maxSimArb.filter((c) => c.Q.length * c.D.length * (c.Q[0]?.length ?? 0) <= 4096),
      runs: 100,
      check: (c: MaxSimCase) => {
        const s = maxSimExact(c.Q, c.D).score;
        const rev = maxSimExact(c.Q, [...c.D].reverse()).score;
        if (!rev.eq(s)) return { ok: false, detail: `reversed document: ${rev} ≠ ${s}` };
        const extra = maxSimExact(c.Q, [...c.D, c.Q[0]!.map((v) => -v)]).score;
        if (extra.lt(s)) return { ok: false, detail: `adding a token decreased S: ${extra} < ${s}` };
        const dmax = Math.max(...c.D.flat().map(Math.abs));
        const cap = c.Q.reduce((t, q) => t.add(Rational.sum(q.map((v) => Rational.fromFloat64(Math.abs(v))))), Rational.ZERO).mul(Rational.fromFloat64(dmax));
        if (s.gt(cap)) return { ok: false, detail: `S = ${s} above Σ|q|₁·max|d| = ${cap}` };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    // An instance of the notes' three steps (004:2903–2917): Nq = 2, Nd = 3, unit vectors in R².
    const Q = [[1, 0], [0.6, 0.8]];
    const D = [[0.8, 0.6], [0, 1], [-1, 0]];
    const Sm = similarityMatrix(Q, D);
    const { score, maxima } = maxSimExact(Q, D);
    const rowMax = Sm.map((r) => r.reduce((m, v) => (v.gt(m) ? v : m)));
    const stepsAgree = Rational.sum(rowMax).eq(score) && Sm.length === 2 && Sm.every((r) => r.length === 3);
    const transposed = maxSimExact(D, Q).score;
    // unit vectors: every similarity is a cosine in [−1, 1], so −Nq ≤ S ≤ Nq
    const inRange = score.abs().le(Rational.fromInt(Q.length));
    return [{
      id: 'ret.maxsim',
      verdict: stepsAgree && inRange ? 'confirmed' : 'refuted',
      evidence: `With q = ((1, 0), (0.6, 0.8)) and d = ((0.8, 0.6), (0, 1), (−1, 0)) (unit vectors): the similarity matrix is ${Sm.length}×${Sm[0]!.length} (N_q × N_d, 004:2909), ` +
        `the row maxima are ${maxima.map((m) => m.toDecimal(6)).join(', ')} and their sum S = ${score.toDecimal(6)} (exact, of the float inputs), as the three steps of 004:2903–2917 compute; |S| ≤ N_q for L2-normalised vectors. ` +
        `The maximum runs over the document tokens: the transposed sum Σ_j max_i gives ${transposed.toDecimal(6)}, so the order of the two operators matters (the notes state it consistently at 004:2901 and 004:2973).`,
    }];
  },
};
