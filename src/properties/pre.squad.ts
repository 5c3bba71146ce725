/**
 * pre.squad — the predicted answer span (i*, j*) = argmax_{j ≥ i} (S·T_i + E·T_j) (004:1894), optionally
 * with a length limit j − i < L (003:730): computable in O(n) (a running / windowed maximum of the start
 * scores) instead of the O(n²) enumeration of pairs.
 * Seed 004_975819c312b074f9.txt, line 1894: "$$(i^*, j^*) = \arg \max_{j \geq i} (S \cdot T_i + E \cdot T_j)$$"
 */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { bestSpanLinear, bestSpansBrute } from '../oracles/pretraining.js';
import { spanScoreSlack, spanSumsExact } from '../numerics/bounds-span.js';
import { classes, castFloats, type Tagged } from './gen-helpers.js';

const score = fc.oneof(fc.integer({ min: -8, max: 8 }).map((k) => k / 4), fc.double({ min: -20, max: 20, noNaN: true }));
export const spanArb = fc.integer({ min: 1, max: 40 }).chain((n) => fc.record({
  start: fc.array(score, { minLength: n, maxLength: n }),
  end: fc.array(score, { minLength: n, maxLength: n }),
  maxLen: fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: n + 1 })),
}));

export interface SpanArgs { start: number[]; end: number[]; maxLen: number }

const grid = fc.integer({ min: -8, max: 8 }).map((k) => k / 4);
const generic = fc.double({ min: -20, max: 20, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const vecs = (n: number, el: fc.Arbitrary<number>) => fc.tuple(fc.array(el, { minLength: n, maxLength: n }), fc.array(el, { minLength: n, maxLength: n }));
/** Scores of one kind over n ∈ [lo, hi]; maxLen n (no limit) or random. */
const plain = (lo: number, hi: number, el: fc.Arbitrary<number>): fc.Arbitrary<SpanArgs> => fc.integer({ min: lo, max: hi })
  .chain((n) => fc.tuple(vecs(n, el), fc.oneof(fc.constant(n), fc.integer({ min: 1, max: n }))))
  .map(([[start, end], maxLen]) => ({ start, end, maxLen }));
/** A planted best pair (a, b), a < b, excluded by the limit L ≤ b − a. */
const limited: fc.Arbitrary<SpanArgs> = fc.integer({ min: 3, max: 30 }).chain((n) => fc.tuple(vecs(n, grid), fc.integer({ min: 0, max: n - 2 }))
  .chain(([[start, end], a]) => fc.tuple(fc.constant(start), fc.constant(end), fc.constant(a), fc.integer({ min: a + 1, max: n - 1 })))
  .chain(([start, end, a, b]) => fc.integer({ min: 1, max: b - a }).map((L) => {
    const s = start.slice(), e = end.slice();
    s[a] = 6; e[b] = 6;
    return { start: s, end: e, maxLen: L };
  })));
/** The best start after the best end: independent argmaxes would give j < i. */
const reversed: fc.Arbitrary<SpanArgs> = fc.integer({ min: 2, max: 30 }).chain((n) => fc.tuple(vecs(n, grid), fc.integer({ min: 0, max: n - 2 }))
  .chain(([[start, end], a]) => fc.tuple(fc.constant(start), fc.constant(end), fc.constant(a), fc.integer({ min: a + 1, max: n - 1 })))
  .map(([start, end, a, b]) => {
    const s = start.slice(), e = end.slice();
    s[b] = 7; e[a] = 7;
    return { start: s, end: e, maxLen: n };
  }));

/** Input classes of `pre.squad-best-span` (weights /24), declared in src/ops/pretraining.ts. */
export const squadOpArb: fc.Arbitrary<Tagged<SpanArgs>> = classes([
  { name: 'grid', weight: 8, arb: plain(1, 40, grid) },
  { name: 'generic', weight: 6, arb: plain(1, 40, generic) },
  { name: 'limited', weight: 6, arb: limited },
  { name: 'reversed', weight: 3, arb: reversed },
  { name: 'long', weight: 1, arb: plain(128, 384, fc.oneof(grid, generic)) },
]);

/** Judge a returned span: legal, and its exact score within the derived slack of the exact optimum (bounds-span.ts). */
export function checkBestSpan(a: SpanArgs, got: unknown, dtype: 'float32' | 'float64'): Outcome {
  const g = got as { start?: unknown; end?: unknown } | null;
  const i = g?.start, j = g?.end, n = a.start.length;
  if (typeof i !== 'number' || typeof j !== 'number' || !Number.isInteger(i) || !Number.isInteger(j)) return { ok: false, detail: `not a pair of integers: ${JSON.stringify(got)}` };
  if (!(0 <= i && i <= j && j < n && j - i < a.maxLen)) return { ok: false, detail: `illegal span (${i}, ${j}) for n = ${n}, maxLen = ${a.maxLen}` };
  const best = bestSpanLinear(a.start, a.end, a.maxLen)!;
  const sij = Rational.fromFloat64(a.start[i]!).add(Rational.fromFloat64(a.end[j]!));
  const slack = spanScoreSlack(sij, best.score, dtype, spanSumsExact(a.start, a.end, dtype));
  const gap = best.score.sub(sij);
  if (gap.le(slack)) return { ok: true, ratio: slack.isZero() ? 0 : gap.div(slack).toFloat64() };
  return { ok: false, detail: `span (${i}, ${j}) scores ${sij.toDecimal(10)}, the best (${best.i}, ${best.j}) ${best.score.toDecimal(10)}: gap ${gap.toDecimal(6)} > slack ${slack.toDecimal(6)}` };
}

export const claim: ClaimModule = {
  id: 'pre.squad',
  properties: [
    {
      name: 'linear-equals-brute-force',
      kind: 'identity',
      description: 'The O(n) best span (monotone deque of start maxima over the length window) has the exact maximal score S·T_i + E·T_j over all pairs i ≤ j with j − i < L, and is one of the maximising pairs (exact rational sums of the float scores; frequent ties).',
      arbitrary: spanArb,
      runs: 200,
      check: ({ start, end, maxLen }) => {
        const lin = bestSpanLinear(start, end, maxLen), bf = bestSpansBrute(start, end, maxLen);
        if (!lin || !bf.score) return { ok: false, detail: 'no span' };
        if (!lin.score.eq(bf.score)) return { ok: false, detail: `O(n) score ${lin.score}, brute force ${bf.score}` };
        if (!(lin.i <= lin.j && lin.j - lin.i < maxLen)) return { ok: false, detail: `illegal span (${lin.i}, ${lin.j})` };
        return bf.spans.some(([i, j]) => i === lin.i && j === lin.j) ? { ok: true } : { ok: false, detail: `(${lin.i}, ${lin.j}) is not a maximiser` };
      },
    },
    {
      name: 'tfjs-best-span',
      kind: 'conformance',
      description: 'The implementation’s best span (op pre.squad-best-span) is legal (i ≤ j, j − i < L) and its exact score is the optimum within the derived slack u(|s_ij| + |s*|) — zero on grid scores (any exact maximiser passes there: ties are not bugs).',
      arbitrary: squadOpArb,
      ops: ['pre.squad-best-span'],
      runs: 60,
      check: (a0: Tagged<SpanArgs>, impl: Implementation | null) => {
        const { cls: _c, ...a } = castFloats(a0, impl!.dtype);
        return checkBestSpan(a, impl!.ops['pre.squad-best-span']!(a), impl!.dtype);
      },
    },
  ],
  audit: () => {
    // 004:1829–1836: the passage "Barack Obama was born in Hawaii ." with start/end scores peaking at "Hawaii".
    const start = [0.5, 0.25, -1, -1, -0.5, 3, -2], end = [-1, 0.5, -1, -1, -1, 2.5, 1];
    const lin = bestSpanLinear(start, end)!, lim = bestSpanLinear([4, -3, 0, 0], [-3, 0, 0, 4], 2)!, full = bestSpanLinear([4, -3, 0, 0], [-3, 0, 0, 4])!;
    return [
      {
        id: 'pre.squad',
        verdict: 'confirmed',
        evidence: `argmax over j ≥ i of S·T_i + E·T_j needs no O(n²) search: max_{i ≤ j} s_i is a running maximum (O(n)), and with a length limit a monotone deque (O(n)); equal to brute force (property linear-equals-brute-force). ` +
          `Instance: start scores ${JSON.stringify(start)}, end scores ${JSON.stringify(end)} → (${lin.i}, ${lin.j}) = "Hawaii", score ${lin.score}. ` +
          `The limit matters: start (4, −3, 0, 0), end (−3, 0, 0, 4) → (${full.i}, ${full.j}) unlimited but (${lim.i}, ${lim.j}) with j − i < 2.`,
      },
      {
        id: 'pre.squad#003-dimension',
        verdict: 'refuted',
        evidence: `003:724 introduces "a start vector S ∈ ℝ^n and end vector E ∈ ℝ^n" and scores S·T_i; in 003 n is the number of input tokens (003:705 x_1 … x_n, z_1 … z_n), while S·T_i needs S in the hidden dimension of the output vectors T_i: S, E ∈ ℝ^H (004:1857–1858; Devlin et al. 2019 §4.2, H = 768 for BERT-base). For a 384-token input, ℝ^n = ℝ^384 ≠ ℝ^768.`,
      },
    ];
  },
};
