/**
 * ssm.kernel — the SSM x_{k+1} = A x_k + B u_k, y_k = C x_k + D u_k (x_0 = 0) is the causal convolution
 * y_k = Σ_{l=0}^{k} K_l u_{k−l} with K = (D, CB, CAB, CA²B, …); the convolution may be evaluated by FFT
 * (zero-pad to N ≥ 2L so the cyclic convolution equals the linear one).
 * Seed 002_606757b0cdfd2eb0.txt, line 582: "y_k = \sum_{l=0}^L k_l u_{k-l}" … "K = (D, CB, CAB, CA^2B, \dots)"
 * (and line 556, without D: "K = (0, CB, CAB, CA^2B, \dots)").
 */

/** Arguments of `ssm.kernel-conv`. */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { gamma } from '../numerics/float-format.js';
import { precisionOf, type Precision } from '../numerics/bounds.js';
import { ssmStates, ssmRecurrence, ssmKernel, causalConv, cyclicConv, type QSsm } from '../oracles/state-space.js';
import { f32 } from './arbitraries.js';

export interface SsmCase { A: number[][]; B: number[]; C: number[]; D: number; u: number[] }
/** Arguments of `ssm.fft-conv`. */
export interface FftConvCase { k: number[]; u: number[] }

const fr = Math.fround;
const noSub = (x: number): number => (Math.abs(x) < 2 ** -100 ? 0 : x);
const eighth = fc.integer({ min: -5, max: 5 }).map((k) => k / 8);

/** Inputs: n ∈ 1..3, L ∈ 0..12, A entries k/8 (|k| ≤ 5), B, C, D ∈ [−2, 2], u ∈ [−4, 4] (float32). */
export const ssmArb: fc.Arbitrary<SsmCase> = fc.record({ n: fc.integer({ min: 1, max: 3 }), L: fc.integer({ min: 0, max: 12 }) })
  .chain(({ n, L }) => fc.record({
    A: fc.array(fc.array(eighth, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    B: fc.array(f32(2).map(noSub), { minLength: n, maxLength: n }),
    C: fc.array(f32(2).map(noSub), { minLength: n, maxLength: n }),
    D: f32(2).map(noSub),
    u: fc.array(f32(4).map(noSub), { minLength: L, maxLength: L }),
  }));

/** Inputs of `ssm.fft-conv`: L ∈ 1..12, k ∈ [−4, 4]^L, u ∈ [−4, 4]^L (float32). */
export const fftConvArb: fc.Arbitrary<FftConvCase> = fc.integer({ min: 1, max: 12 }).chain((L) => fc.record({
  k: fc.array(f32(4).map(noSub), { minLength: L, maxLength: L }),
  u: fc.array(f32(4).map(noSub), { minLength: L, maxLength: L }),
}));

const Q = (x: number) => Rational.fromFloat64(x);
export const toQ = (c: SsmCase): QSsm => ({ A: QMatrix.from(c.A), B: c.B.map(Q), C: c.C.map(Q), D: Q(c.D) });
const up = (q: Rational): number => Math.abs(q.toFloat64()) * (1 + 2 ** -50);
const M = 1 + 2 ** -40;

/**
 * Exact outputs and componentwise error bounds for any float evaluation of the recurrence in which
 * every state component and every output is one dot product of length n + 1 (any order, FMA or not):
 *   x̂_{k+1} = A x̂_k + B u_k + δ_k,  |δ_k| ≤ γ_{n+1}(|A||x̂_k| + |B||u_k|) + 2(n+1)·tiny,
 *   so e_{k+1} = |A| e_k + γ_{n+1}(|A|(|x_k| + e_k) + |B||u_k|) + 2(n+1)·tiny bounds |x̂_k − x_k|, e_0 = 0;
 *   |ŷ_k − y_k| ≤ |C| e_k + γ_{n+1}(|C|(|x_k| + e_k) + |D u_k|) + 2(n+1)·tiny.
 * The exact x_k come from the rational oracle; the bound is evaluated in float64 with margin 2⁻⁴⁰ per step.
 */
export function ssmExpected(c: SsmCase, p: Precision): { exact: Rational[]; bound: number[] } {
  const s = toQ(c);
  const n = c.B.length;
  const u = c.u.map(Q);
  const xs = ssmStates(s, u);
  const exact = ssmRecurrence(s, u);
  const g = gamma(n + 1, p.u);
  const uf = 2 * (n + 1) * p.tiny;
  const absA = c.A.map((r) => r.map(Math.abs));
  let e = new Array<number>(n).fill(0);
  const bound: number[] = [];
  for (let k = 0; k < c.u.length; k++) {
    const ax = xs[k]!.map((v, i) => up(v) + e[i]!);
    const uk = Math.abs(c.u[k]!);
    let by = Math.abs(c.D) * uk;
    let ce = 0;
    for (let i = 0; i < n; i++) { by += Math.abs(c.C[i]!) * ax[i]!; ce += Math.abs(c.C[i]!) * e[i]!; }
    bound.push((ce + g * by + uf) * M);
    e = absA.map((row, i) => {
      let prop = 0, mag = Math.abs(c.B[i]!) * uk;
      for (let j = 0; j < n; j++) { prop += row[j]! * e[j]!; mag += row[j]! * ax[j]!; }
      return (prop + g * mag + uf) * M;
    });
  }
  return { exact, bound };
}

/**
 * Exact causal convolution of the float inputs and a bound for the fft.js float64 evaluation rounded to
 * the implementation's precision: Higham Thm 24.2 gives a relative 2-norm error ≲ 3·log₂N·(μ + γ₄(√2+μ))
 * for FFT → pointwise product → inverse FFT, i.e. an absolute error ≲ 2⁻⁴⁵‖k‖₂‖u‖₁ for N ≤ 32 with
 * twiddle error μ ≤ 2⁻⁵⁰; we allow 2⁻³⁶·N·‖k‖₁‖u‖₁ (≥ 2⁹× that), then one final rounding u·(|y| + that) + tiny.
 */
export function fftConvExpected(c: FftConvCase, p: Precision): { exact: Rational[]; bound: number[] } {
  const exact = causalConv(c.k.map(Q), c.u.map(Q));
  let N = 2;
  while (N < 2 * c.u.length) N *= 2;
  const l1 = (v: number[]) => v.reduce((s, x) => s + Math.abs(x), 0);
  const e64 = 2 ** -36 * N * l1(c.k) * l1(c.u);
  const bound = exact.map((y) => ((e64 + p.u * (up(y) + e64)) + p.tiny) * M);
  return { exact, bound };
}

function compare(got: unknown, exact: Rational[], bound: number[], what: string): Outcome {
  if (!Array.isArray(got) || got.length !== exact.length) return { ok: false, detail: `${what} returned ${JSON.stringify(got)}` };
  let worst = 0;
  let detail = '';
  for (let i = 0; i < exact.length; i++) {
    const gi = got[i] as number;
    if (!Number.isFinite(gi)) return { ok: false, detail: `${what} y[${i}] = ${gi}` };
    const err = Q(gi).sub(exact[i]!).abs().toFloat64();
    const ratio = bound[i] === 0 ? (err === 0 ? 0 : Infinity) : err / bound[i]!;
    if (ratio > worst) { worst = ratio; detail = `${what} y[${i}]: got ${gi}, exact ${exact[i]!.toDecimal(10)}, |error| ${err.toExponential(3)}, bound ${bound[i]!.toExponential(3)}`; }
  }
  return { ok: worst <= 1, ratio: worst, detail };
}

export function checkSsm(c: SsmCase, impl: Implementation): Outcome {
  const { exact, bound } = ssmExpected(c, precisionOf(impl));
  return compare(impl.ops['ssm.kernel-conv']!(c), exact, bound, 'ssm.kernel-conv');
}

export function checkFftConv(c: FftConvCase, impl: Implementation): Outcome {
  const { exact, bound } = fftConvExpected(c, precisionOf(impl));
  return compare(impl.ops['ssm.fft-conv']!(c), exact, bound, 'ssm.fft-conv');
}

/* exact identity inputs */
const q8 = fc.integer({ min: -6, max: 6 }).map((k) => Rational.of(k, 4));
const qssmArb = fc.record({ n: fc.integer({ min: 1, max: 3 }), L: fc.integer({ min: 1, max: 10 }) }).chain(({ n, L }) => fc.record({
  A: fc.array(fc.array(q8, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
  B: fc.array(q8, { minLength: n, maxLength: n }),
  C: fc.array(q8, { minLength: n, maxLength: n }),
  D: q8,
  u: fc.array(q8, { minLength: L, maxLength: L }),
})).map((r) => ({ s: { A: QMatrix.from(r.A), B: r.B, C: r.C, D: r.D } as QSsm, u: r.u }));

const eqv = (a: Rational[], b: Rational[]) => a.length === b.length && a.every((v, i) => v.eq(b[i]!));

export const claim: ClaimModule = {
  id: 'ssm.kernel',
  properties: [
    {
      name: 'kernel-form',
      kind: 'identity',
      description: 'Exactly: unrolling x_{k+1} = Ax_k + Bu_k, y_k = Cx_k + Du_k from x_0 = 0 gives y = K * u (causal) with K = (D, CB, CAB, CA²B, …).',
      arbitrary: qssmArb,
      runs: 120,
      check: ({ s, u }) => {
        const rec = ssmRecurrence(s, u);
        const conv = causalConv(ssmKernel(s, u.length), u);
        return eqv(rec, conv) ? { ok: true } : { ok: false, detail: `recurrence [${rec.join(', ')}] ≠ convolution [${conv.join(', ')}]` };
      },
    },
    {
      name: 'fft-padding',
      kind: 'identity',
      description: 'Exactly: the cyclic convolution of length N ≥ 2L − 1 of the zero-padded K and u (what irfft(rfft(K)·rfft(u)) computes) agrees with the causal convolution on indices 0..L−1.',
      arbitrary: qssmArb,
      runs: 80,
      check: ({ s, u }) => {
        const K = ssmKernel(s, u.length);
        const lin = causalConv(K, u);
        const cyc = cyclicConv(K, u, 2 * u.length - 1).slice(0, u.length);
        return eqv(lin, cyc) ? { ok: true } : { ok: false, detail: `cyclic [${cyc.join(', ')}] ≠ causal [${lin.join(', ')}]` };
      },
    },
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'ssm.kernel-conv (recurrence in the run’s dtype, n ≤ 3, L ≤ 12) is within the propagated componentwise rounding bound of the exact outputs of the same float inputs.',
      arbitrary: ssmArb,
      ops: ['ssm.kernel-conv'],
      runs: 60,
      check: (c, impl) => checkSsm(c, impl!),
    },
    {
      name: 'fft-conformance',
      kind: 'conformance',
      description: 'ssm.fft-conv (FFT convolution, L ≤ 12) is within its bound of the exact causal convolution of the same float inputs.',
      arbitrary: fftConvArb,
      ops: ['ssm.fft-conv'],
      runs: 60,
      check: (c, impl) => checkFftConv(c, impl!),
    },
    {
      name: 'recurrence-vs-fft',
      kind: 'metamorphic',
      description: 'ssm.kernel-conv(A, B, C, D, u) and ssm.fft-conv(fl32(K), u), K the exact kernel, agree within the sum of both bounds plus u·Σ|K_l||u_{k−l}| (rounding K to float32).',
      arbitrary: ssmArb.filter((c) => c.u.length > 0),
      ops: ['ssm.kernel-conv', 'ssm.fft-conv'],
      runs: 40,
      check: (c, impl) => {
        const p = precisionOf(impl!);
        const Kq = ssmKernel(toQ(c), c.u.length);
        const k = Kq.map((q) => fr(q.toFloat64()));
        const a = impl!.ops['ssm.kernel-conv']!(c) as number[];
        const b = impl!.ops['ssm.fft-conv']!({ k, u: c.u }) as number[];
        const r1 = ssmExpected(c, p).bound;
        const r2 = fftConvExpected({ k, u: c.u }, p).bound;
        let worst = 0;
        for (let j = 0; j < c.u.length; j++) {
          let kr = 0;
          for (let l = 0; l <= j; l++) kr += up(Kq[l]!) * Math.abs(c.u[j - l]!);
          const bnd = (r1[j]! + r2[j]! + p.u * kr + j * p.tiny) * M;
          const r = Math.abs(a[j]! - b[j]!) / bnd;
          if (!(r <= 1)) return { ok: false, ratio: r, detail: `y[${j}]: recurrence ${a[j]} vs FFT ${b[j]} (allowed ${bnd.toExponential(3)})` };
          worst = Math.max(worst, r);
        }
        return { ok: true, ratio: worst };
      },
    },
  ],
  audit: () => {
    const s: QSsm = { A: QMatrix.from([[Rational.of(1, 2), Rational.ONE], [Rational.ZERO, Rational.of(-1, 4)]]), B: [Rational.ONE, Rational.of(2)], C: [Rational.of(3), Rational.of(-1)], D: Rational.of(5) };
    const u = [Rational.ONE, Rational.of(-2), Rational.of(1, 2), Rational.of(3)];
    const K = ssmKernel(s, u.length);
    const rec = ssmRecurrence(s, u);
    const conv = causalConv(K, u);
    const noD = causalConv([Rational.ZERO, ...K.slice(1)], u);
    const recNoD = ssmRecurrence({ ...s, D: Rational.ZERO }, u);
    return [
      {
        id: 'ssm.kernel',
        verdict: eqv(rec, conv) && eqv(noD, recNoD) ? 'confirmed' : 'refuted',
        evidence: `A = [[1/2, 1], [0, −1/4]], B = (1, 2), C = (3, −1), D = 5, u = (1, −2, 1/2, 3): K = (${K.join(', ')}); ` +
          `unrolled recurrence y = (${rec.join(', ')}), K * u = (${conv.join(', ')}); with D = 0 (the 002:556 form K = (0, CB, …)) both give (${recNoD.join(', ')}). ` +
          'The sum bound Σ_{l=0}^{L} at 002:582 is read as Σ_{l=0}^{k} (u_{≤0} = 0 makes the extra terms vanish), states start at x_0 = 0.',
      },
      {
        id: 'ssm.kernel#fft',
        verdict: 'confirmed',
        evidence: `Zero-padding to N ≥ 2L − 1 makes the cyclic convolution computed by FFT equal to the causal one (exact check, here N = ${2 * u.length - 1}: ` +
          `(${cyclicConv(K, u, 2 * u.length - 1).slice(0, u.length).join(', ')})); without padding (N = L) it wraps around: (${cyclicConv(K, u, u.length).join(', ')}).`,
      },
    ];
  },
};
