/**
 * lstm.cell — the LSTM cell equations of the three notes, and tfjs basicLSTMCell.
 * f_t = σ(W_f[h_{t−1}, x_t] + b_f), i_t = σ(W_i[h_{t−1}, x_t] + b_i), C̃_t = tanh(W_C[h_{t−1}, x_t] + b_C),
 * o_t = σ(W_o[h_{t−1}, x_t] + b_o), C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t, h_t = o_t ⊙ tanh(C_t).
 * Seed 000_1c190711b4cfcedd.txt, line 357: "C_t = f_t \odot C_{t-1} + i_t \odot \tilde{C}_t"; also 003:243–266
 * (v_g h + w_g x, no bias; C_t = j_t + k_t) and 004:722–750 ([x_t, h_{t−1}] order).
 * The three versions define the same cell: identical pre-activations after reordering the weight
 * columns (004) or splitting them (003, with b = 0); tfjs basicLSTMCell computes it with gate
 * blocks (i, j, f, o), [x; h] and an added forgetBias — mapping in src/oracles/recurrent.ts.
 */

import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { precisionOf, type Precision } from '../numerics/bounds.js';
import { distanceToInterval } from '../numerics/enclose.js';
import type { Interval } from '../numerics/interval.js';
import { cellBound, cellEnclosure, GATES, preacts000, preacts003, preacts004, preactsTfjs, toTfjsLayout, type Gate, type LstmQ } from '../oracles/recurrent.js';
import { f32, matrix, smallRational } from './arbitraries.js';
import { classes, sizeUpTo, f64Full, f32Block, castFloats, type Tagged, fixedArray } from './gen-helpers.js';

export interface LstmCase {
  x: number[]; h: number[]; c: number[];
  Wf: number[][]; Wi: number[][]; Wc: number[][]; Wo: number[][];
  bf: number[]; bi: number[]; bc: number[]; bo: number[];
}


/** The largest sizes the generators produce (reached in the realistic class). */
export const LSTM_MAX_M = 128;
export const LSTM_MAX_N = 64;

const cellOf = (n: number, m: number, w: fc.Arbitrary<number>, x: fc.Arbitrary<number>, h: fc.Arbitrary<number>, c: fc.Arbitrary<number>, b: fc.Arbitrary<number>): fc.Arbitrary<LstmCase> => {
  const W = matrix(m, m + n, w);
  return fc.record({ x: fixedArray(n, x), h: fixedArray(m, h), c: fixedArray(m, c), Wf: W, Wi: W, Wc: W, Wo: W, bf: fixedArray(m, b), bi: fixedArray(m, b), bc: fixedArray(m, b), bo: fixedArray(m, b) });
};

/**
 * Input classes of `lstm.cell` (weights /20):
 * - small: n, m 1–4, weights in [−s, s] (s ∈ {0.5, 1, 3}), x ∈ [−2, 2], h ∈ [−1, 1], c ∈ [−3, 3], b ∈ [−2, 2];
 * - realistic: m 16–128, n 8–64 (both maxima reached), Xavier-scale weights ±1/√(m+n), x, h ∈ [−1, 1], c ∈ [−3, 3];
 * - saturated: n, m 1–4, weights up to 8 and biases up to 100 (|pre-activation| beyond 88: exp(−a) overflows in float32);
 * - float64-only: n, m 1–4, every value a double with a full 53-bit significand (rounded in float32 runs);
 * - zero-state: the first step of a sequence, h = c = 0, n, m 1–8.
 */
export const lstmArb: fc.Arbitrary<Tagged<LstmCase>> = classes<LstmCase>([
  {
    name: 'small', weight: 9,
    arb: fc.record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 4 }), scale: fc.constantFrom(0.5, 1, 3) })
      .chain(({ n, m, scale }) => cellOf(n, m, f32(scale), f32(2), f32(1), f32(3), f32(2))),
  },
  {
    name: 'realistic', weight: 1,
    arb: fc.record({ n: sizeUpTo(8, LSTM_MAX_N, 3), m: sizeUpTo(16, LSTM_MAX_M, 3) }).chain(({ n, m }) => {
      // the four weight matrices from seeded blocks (fast-check would generate 10⁵ floats one by one)
      const W = f32Block(m * (m + n), 1 / Math.sqrt(m + n)).map((v) => Array.from({ length: m }, (_, i) => v.slice(i * (m + n), (i + 1) * (m + n))));
      const v = (k: number, s: number) => f32Block(k, s);
      return fc.record({ x: v(n, 1), h: v(m, 1), c: v(m, 3), Wf: W, Wi: W, Wc: W, Wo: W, bf: v(m, 0.5), bi: v(m, 0.5), bc: v(m, 0.5), bo: v(m, 0.5) });
    }),
  },
  {
    name: 'saturated', weight: 3,
    arb: fc.record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 4 }) })
      .chain(({ n, m }) => cellOf(n, m, f32(8), f32(4), f32(1), f32(3), f32(100))),
  },
  {
    name: 'float64-only', weight: 4,
    arb: fc.record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 4 }) })
      .chain(({ n, m }) => cellOf(n, m, f64Full(-3, 1), f64Full(-3, 1), f64Full(-3, 0), f64Full(-3, 2), f64Full(-3, 1))),
  },
  {
    name: 'zero-state', weight: 3,
    arb: fc.record({ n: fc.integer({ min: 1, max: 8 }), m: fc.integer({ min: 1, max: 8 }) })
      .chain(({ n, m }) => cellOf(n, m, f32(1), f32(2), fc.constant(0), fc.constant(0), f32(2))),
  },
]);

/** The args of a generated case in the run's dtype. */
export const lstmArgs = (a: LstmCase, dtype: 'float32' | 'float64'): LstmCase => castFloats({
  x: a.x, h: a.h, c: a.c, Wf: a.Wf, Wi: a.Wi, Wc: a.Wc, Wo: a.Wo, bf: a.bf, bi: a.bi, bc: a.bc, bo: a.bo,
}, dtype);

export function toQ(a: LstmCase): LstmQ {
  const q = (xs: number[]) => xs.map((v) => Rational.fromFloat64(v));
  const Q = (M: number[][]) => M.map(q);
  return { x: q(a.x), h: q(a.h), c: q(a.c), W: { f: Q(a.Wf), i: Q(a.Wi), c: Q(a.Wc), o: Q(a.Wo) }, b: { f: q(a.bf), i: q(a.bi), c: q(a.bc), o: q(a.bo) } };
}

export function lstmExpected(a: LstmCase, p: Precision): { h: Interval[]; c: Interval[]; bh: number[]; bc: number[] } {
  const q = toQ(a);
  const enc = cellEnclosure(preacts000(q), q.c);
  const b = cellBound(q, enc, p);
  return { h: enc.h, c: enc.c, bh: b.h, bc: b.c };
}

/** Conformance of `lstm.cell` on one generated case (cast to the run's dtype). */
export function checkLstmCase(a0: LstmCase, impl: Implementation): Outcome {
  const a = lstmArgs(a0, impl.dtype);
  return checkLstm(a, impl.ops['lstm.cell']!(a), impl);
}

export function checkLstm(a: LstmCase, got: { h: number[]; c: number[] } | undefined, impl: Implementation): Outcome {
  const e = lstmExpected(a, precisionOf(impl));
  let worst = 0;
  for (const key of ['c', 'h'] as const) {
    for (let k = 0; k < a.h.length; k++) {
      const v = got?.[key]?.[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, ratio: Infinity, detail: `${key}[${k}] = ${v}` };
      const iv = e[key][k]!, b = key === 'c' ? e.bc[k]! : e.bh[k]!;
      const d = distanceToInterval(v, iv);
      const ratio = d === 0 ? 0 : d / b;
      if (!(ratio <= 1)) return { ok: false, ratio, detail: `${key}[${k}] = ${v}, exact ∈ [${iv.lo}, ${iv.hi}], distance ${d.toExponential(3)} > bound ${b.toExponential(3)}` };
      worst = Math.max(worst, ratio);
    }
  }
  return { ok: true, ratio: worst };
}

const qArb: fc.Arbitrary<LstmQ & { beta: Rational }> = fc.record({ n: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, m }) => {
    const v = (k: number) => fc.array(smallRational(), { minLength: k, maxLength: k });
    const M = fc.array(v(m + n), { minLength: m, maxLength: m });
    return fc.record({
      x: v(n), h: v(m), c: v(m),
      W: fc.record({ f: M, i: M, c: M, o: M }), b: fc.record({ f: v(m), i: v(m), c: v(m), o: v(m) }),
      beta: fc.constantFrom('0', '1', '-1/2', '3').map((s) => Rational.parse(s)),
    });
  });

const same = (A: Record<Gate, Rational[]>, B: Record<Gate, Rational[]>) => GATES.every((g) => A[g].every((v, k) => v.eq(B[g][k]!)));
const fmtG = (A: Record<Gate, Rational[]>) => GATES.map((g) => `${g}: (${A[g].join(', ')})`).join('; ');

export const claim: ClaimModule = {
  id: 'lstm.cell',
  properties: [
    {
      name: 'three-notes-agree',
      kind: 'identity',
      description: 'The gate pre-activations of 000 (W_g[h; x] + b_g), 004 (W′_g[x; h] + b_g with the column blocks of W_g swapped) and 003 (v_g h + w_g x with v_g, w_g the h- and x-columns of W_g; no bias, so compared at b = 0) are equal as exact rationals.',
      arbitrary: qArb,
      runs: 100,
      check: (q) => {
        const a = preacts000(q), b = preacts004(q);
        if (!same(a, b)) return { ok: false, detail: `000 ${fmtG(a)} vs 004 ${fmtG(b)}` };
        const zero = { f: q.b.f.map(() => Rational.ZERO), i: q.b.i.map(() => Rational.ZERO), c: q.b.c.map(() => Rational.ZERO), o: q.b.o.map(() => Rational.ZERO) };
        const a0 = preacts000({ ...q, b: zero }), c = preacts003(q);
        return same(a0, c) ? { ok: true } : { ok: false, detail: `000 (b = 0) ${fmtG(a0)} vs 003 ${fmtG(c)}` };
      },
    },
    {
      name: 'tfjs-layout-mapping',
      kind: 'identity',
      description: 'The documented mapping to tfjs basicLSTMCell (kernel rows [x; h], column blocks (i, j = c̃, f, o), lstmBias_f = b_f − forgetBias) reproduces the notes’ pre-activations exactly for any forgetBias.',
      arbitrary: qArb,
      runs: 100,
      check: (q) => {
        const { kernel, bias } = toTfjsLayout<Rational>(q.W, q.b, q.x.length, q.h.length, (v) => v.sub(q.beta));
        const t = preactsTfjs(kernel, bias, q.beta, q.x, q.h), a = preacts000(q);
        return same(a, t) ? { ok: true } : { ok: false, detail: `notes ${fmtG(a)} vs tfjs layout ${fmtG(t)}` };
      },
    },
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation’s (c_t, h_t) (n ≤ 64, m ≤ 128; small, realistic, saturated, float64-only and zero-state classes) are within the derived float bound — gate matmul in any concatenation order or fused (γ_{n+m+1}), σ by exp or tanh forms, tanh by the library or exp form, with the elementary ulp allowance and Lipschitz constants 1/4 and 1, products and sums — of the rigorous enclosures of the exact cell.',
      arbitrary: lstmArb,
      ops: ['lstm.cell'],
      runs: 60,
      check: (a, impl) => checkLstmCase(a, impl!),
    },
  ],
  audit: () => {
    const r = (s: string) => Rational.parse(s);
    const q: LstmQ = {
      x: [r('1'), r('-2')], h: [r('1/2')], c: [r('2')],
      W: { f: [[r('1'), r('1/2'), r('0')]], i: [[r('-1'), r('1'), r('1/4')]], c: [[r('2'), r('0'), r('-1')]], o: [[r('1/2'), r('-1'), r('1')]] },
      b: { f: [r('1')], i: [r('0')], c: [r('1/2')], o: [r('-1')] },
    };
    const a = preacts000(q), b = preacts004(q);
    const zero = { f: [Rational.ZERO], i: [Rational.ZERO], c: [Rational.ZERO], o: [Rational.ZERO] };
    const c3 = preacts003(q), a0 = preacts000({ ...q, b: zero });
    const beta = Rational.ONE;
    const L = toTfjsLayout<Rational>(q.W, q.b, 2, 1, (v) => v.sub(beta));
    const t = preactsTfjs(L.kernel, L.bias, beta, q.x, q.h);
    const L0 = toTfjsLayout<Rational>(q.W, q.b, 2, 1, (v) => v);
    const tNaive = preactsTfjs(L0.kernel, L0.bias, beta, q.x, q.h);
    const enc = cellEnclosure(a, q.c);
    const ok = same(a, b) && same(a0, c3) && same(a, t);
    // 000:335 says the forget gate's input is C_{t−1} and x_t; its formula (000:340) uses h_{t−1}: changing C_{t−1} leaves f_t unchanged.
    const fA = preacts000(q).f[0]!, fB = preacts000({ ...q, c: [r('-7')] }).f[0]!;
    const iv = (v: Interval) => `[${v.lo.toPrecision(6)}, ${v.hi.toPrecision(6)}]`;
    return [
      {
        id: 'lstm.cell',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `The three notes define the same cell (000:340–369, 003:245–266, 004:722–750): x = (1, −2), h = (1/2), C = (2), one unit — pre-activations 000 ${fmtG(a)}; 004 ([x, h] order, columns swapped) ${fmtG(b)}; ` +
          `003 (no bias) equals 000 at b = 0: ${fmtG(c3)}. All use σ for f, i, o, tanh for the candidate, C_t = f ⊙ C_{t−1} + i ⊙ C̃ and h_t = o ⊙ tanh(C_t). ` +
          `Enclosed: f ∈ ${iv(enc.f[0]!)}, C_t ∈ ${iv(enc.c[0]!)}, h_t ∈ ${iv(enc.h[0]!)}.`,
      },
      {
        id: 'lstm.cell#tfjs-mapping',
        verdict: 'confirmed',
        evidence: `The notes' cell is exactly tfjs's under a layout mapping (a convention of the implementation, not a reading of the notes): tfjs basicLSTMCell(forgetBias, kernel, bias, data, c, h) multiplies [x; h] (data first) by an (n+m)×4m kernel with column blocks (i, j, f, o) — j is the candidate C̃ — and adds forgetBias inside the forget sigmoid: ` +
          `newC = σ(i)tanh(j) + c σ(f + forgetBias). With forgetBias = 1 (TensorFlow's BasicLSTMCell default) and lstmBias_f = b_f − 1 the pre-activations are the notes' ${fmtG(t)}; ` +
          `copying b_f unchanged shifts the forget pre-activation by +1: f-block ${tNaive.f.join(', ')} instead of ${a.f.join(', ')}.`,
      },
      {
        id: 'lstm.cell#forget-gate-input',
        verdict: 'refuted',
        evidence: `000:335 lists the forget gate's input as "previous cell state C_{t-1} and x_t", but its own formula (000:340) f_t = σ(W_f·[h_{t−1}, x_t] + b_f) takes h_{t−1}, not C_{t−1} (only peephole LSTMs feed C_{t−1} to the gates): ` +
          `with C_{t−1} = 2 or −7 the forget pre-activation is ${fA} and ${fB} — unchanged. 004:722 and 003:245 agree with the formula (h_{t−1}).`,
      },
      {
        id: 'lstm.cell#gate-pattern',
        verdict: 'confirmed',
        evidence: `003:241 "each [gate] consists of a feed forward layer followed by a sigmoid activation function, followed by a pointwise multiplication" holds for the three gates f, i, o (f then c⊙f, i then g⊙i, o then o⊙tanh c); the candidate g_t (003:251) is not a gate and uses tanh, ` +
          `so C̃ ∈ (−1, 1) (here C̃ = tanh(${a.c[0]}) ∈ ${iv(enc.g[0]!)}), not (0, 1); 003 also drops all biases (v_g h + w_g x) and writes C_t and c_t for the same state.`,
      },
    ];
  },
};
