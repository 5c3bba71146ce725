/**
 * opt.gd-diagonal — GD on L(w) = ‖y − Σw‖² with Σ = diag(σ_1, …, σ_k):
 * w_{t+1} = w_t + 2ηΣᵀ(y − Σw_t) = (I − 2ηΣ²)w_t + 2ηΣy; it converges for every start iff
 * 0 < η < 1/σ_max².
 * Seed 002_606757b0cdfd2eb0.txt, line 32: "\vec{w}_{t+1} = (I - 2\eta \sum) \vec{w}_t + 2\eta \sum \vec{y}"
 */

/** Arguments of `opt.gd-steps`. */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { gdMatrixStep, contraction, rectDiag, gdStepsFloat } from '../oracles/optimisation.js';
import { BINARY32, BINARY64 } from '../numerics/dyadic.js';
import { classes, sizeUpTo, f64Full, castFloats, type Tagged, noSub, fixedArray } from './gen-helpers.js';
import { smallRational, f32 } from './arbitraries.js';
import { gamma } from '../numerics/float-format.js';
import { precisionOf, type Precision } from '../numerics/bounds.js';

export interface GdStepsCase { sigma: number[]; y: number[]; w0: number[]; eta: number; steps: number }

const fr = Math.fround;
/** Inputs below 2⁻¹⁰⁰ in magnitude become 0 (a flush-to-zero backend would flush subnormal inputs). */
const sigmaArb = fc.tuple(fc.double({ min: 0.125, max: 4, noNaN: true }), fc.boolean()).map(([m, neg]) => fr(neg ? -m : m));
/** η = θ/σ_max² (stable for θ < 1). */
const withEta = (r: { sigma: number[]; y: number[]; w0: number[]; theta: number; steps: number }): GdStepsCase => {
  const smax2 = Math.max(...r.sigma.map((v) => v * v));
  return { sigma: r.sigma, y: r.y, w0: r.w0, eta: fr(r.theta / smax2), steps: r.steps };
};

/** The largest k and steps the generators produce (reached in the long class). */
export const GD_MAX_K = 64;
export const GD_MAX_STEPS = 200;

/**
 * Input classes of `opt.gd-steps` (weights /20):
 * - small: k 1–6, |σ_i| ∈ [1/8, 4] (random signs), y, w0 ∈ [−10, 10], η = θ/σ_max² (θ ∈ [0.01, 0.95]), 0–25 steps;
 * - long: k 1–64 and 26–200 steps (both maxima reached), as small otherwise;
 * - float64-only: k 1–6, σ, y, w0, η doubles with full 53-bit significands (rounded in float32 runs), 0–40 steps;
 * - exact-dyadic: σ_i = ±2^{a − j_i}, η = 2^{−2a−1}, so 2ησ_i² = 4^{−j_i} ∈ {1, 1/4, 1/16, 1/64}, y, w0 = (odd ≤ 15)·2^e: every
 *   standard evaluation is exact for the first steps, and the check demands zero error on every input whose
 *   intermediates are all representable (`gdStepsFloat(…).exactIn`); 0–6 steps (¾ of them) or 7–40;
 * - oscillating: θ ∈ [0.9, 0.999] (the factor 1 − 2ησ_max² ∈ [−0.998, −0.8]): slowly decaying sign-alternating iterates.
 */
export const gdStepsArb: fc.Arbitrary<Tagged<GdStepsCase>> = classes<GdStepsCase>([
  {
    name: 'small', weight: 8,
    arb: fc.integer({ min: 1, max: 6 }).chain((k) => fc.record({
      sigma: fixedArray(k, sigmaArb), y: fixedArray(k, f32(10).map(noSub)), w0: fixedArray(k, f32(10).map(noSub)),
      theta: fc.double({ min: 0.01, max: 0.95, noNaN: true }), steps: fc.integer({ min: 0, max: 25 }),
    })).map(withEta),
  },
  {
    name: 'long', weight: 3,
    arb: fc.record({ k: sizeUpTo(1, GD_MAX_K, 4), steps: sizeUpTo(26, GD_MAX_STEPS, 4) }).chain(({ k, steps }) => fc.record({
      sigma: fixedArray(k, sigmaArb), y: fixedArray(k, f32(10).map(noSub)), w0: fixedArray(k, f32(10).map(noSub)),
      theta: fc.double({ min: 0.01, max: 0.95, noNaN: true }), steps: fc.constant(steps),
    })).map(withEta),
  },
  {
    name: 'float64-only', weight: 4,
    arb: fc.integer({ min: 1, max: 6 }).chain((k) => fc.record({
      sigma: fixedArray(k, f64Full(-2, 2)), y: fixedArray(k, f64Full(-3, 3)), w0: fixedArray(k, f64Full(-3, 3)),
      theta: fc.double({ min: 0.01, max: 0.95, noNaN: true }), steps: fc.integer({ min: 0, max: 40 }),
    })).map((r) => { const c = withEta(r); return { ...c, eta: (r.theta / Math.max(...r.sigma.map((v) => v * v))) }; }),
  },
  {
    name: 'exact-dyadic', weight: 4,
    arb: fc.integer({ min: 1, max: 6 }).chain((k) => fc.record({
      a0: fc.integer({ min: -2, max: 2 }),
      js: fixedArray(k, fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 1 }) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 3 }) })), signs: fixedArray(k, fc.boolean()),
      y: fixedArray(k, fc.tuple(fc.integer({ min: -7, max: 7 }), fc.integer({ min: -3, max: 2 }))),
      w0: fixedArray(k, fc.tuple(fc.integer({ min: -7, max: 7 }), fc.integer({ min: -3, max: 2 }))),
      steps: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 7, max: 40 }) }),
    })).map(({ a0, js, signs, y, w0, steps }) => {
      // 2ησ_i² = 2^{−j_i}: σ_i = ±2^{a0 − j_i} is not enough (σ² steps by 4); use σ_i = ±2^{a0 − j_i}, η = 2^{−2a0 − 1}·… so that
      // 2ησ_i² = 2^{−2j_i}, j_i ∈ {0, 1, 2, 3} → factors 1 − 2^{−2j}: 0, 3/4, 15/16, 63/64.
      const sigma = js.map((j, i) => (signs[i] ? -1 : 1) * 2 ** (a0 - j));
      const eta = 2 ** (-2 * a0 - 1);
      const d = ([m, e]: [number, number]) => (2 * m + 1) * 2 ** e;
      return { sigma, y: y.map(d), w0: w0.map(d), eta, steps };
    }),
  },
  {
    name: 'oscillating', weight: 1,
    arb: fc.integer({ min: 1, max: 6 }).chain((k) => fc.record({
      sigma: fixedArray(k, sigmaArb), y: fixedArray(k, f32(10).map(noSub)), w0: fixedArray(k, f32(10).map(noSub)),
      theta: fc.double({ min: 0.9, max: 0.999, noNaN: true }), steps: fc.integer({ min: 1, max: 40 }),
    })).map(withEta),
  },
]);

/** The args of a generated case in the run's dtype. */
export const gdArgs = (c: GdStepsCase, dtype: 'float32' | 'float64'): GdStepsCase => castFloats({ sigma: c.sigma, y: c.y, w0: c.w0, eta: c.eta, steps: c.steps }, dtype);

/**
 * Exact iterates (from the float inputs, dyadic arithmetic) and a per-coordinate error bound for any IEEE
 * evaluation of the standard forms — residual w + 2ησ(y − σw), affine (1 − 2ησ²)w + 2ησy (constants hoisted
 * or not), gradient w − η·∇, ∇ = −2σ(y − σw) as autograd computes it; FMA or not; the diagonal as a matrix
 * (matmul with zeros adds nothing: x + 0 is exact) — in each of which every monomial of the step passes through
 * at most 6 roundings: one step commits |δ| ≤ γ₆·(|ŵ| + 2|η|σ²|ŵ| + 2|ησy|) + 12·tiny·(3 + 2|ησ|) (sum of the
 * absolute monomials; each of ≤ 6 underflowing intermediates costs ≤ tiny times the factors applied after it),
 * and the error propagates with the exact factor r = 1 − 2ησ²:
 * e_{t+1} ≤ |r|e_t + γ₆((1 + 2|η|σ²)(|w_t| + e_t) + 2|ησy|) + 12·tiny·(3 + 2|ησ|), e_0 = 0.
 * When every intermediate of every form is 0 or a normal float of the dtype at every step (exact-dyadic inputs,
 * `gdStepsFloat(…).exactIn`), no operation rounds and the bound is 0. Evaluated in float64 with a margin 2⁻⁴⁰ per step.
 */
export function gdStepsExpected(c: GdStepsCase, p: Precision): { exact: Rational[]; bound: number[]; exactIn: boolean[] } {
  const g6 = gamma(6, p.u);
  const eta = Rational.fromFloat64(c.eta);
  const up = (q: Rational) => Math.abs(q.toFloat64()) * (1 + 2 ** -50);
  const fmt = p.u === 2 ** -24 ? BINARY32 : BINARY64;
  const exact: Rational[] = [];
  const bound: number[] = [];
  const exactIn: boolean[] = [];
  c.sigma.forEach((sv, i) => {
    const s = Rational.fromFloat64(sv);
    const y = Rational.fromFloat64(c.y[i]!);
    const it = gdStepsFloat(sv, c.y[i]!, c.w0[i]!, c.eta, c.steps, fmt);
    const r = up(Rational.ONE.sub(TWO.mul(eta).mul(s.pow(2))));
    const a = up(TWO.mul(eta).mul(s.pow(2)));
    const b = up(TWO.mul(eta).mul(s).mul(y));
    const uf = 12 * p.tiny * (3 + up(TWO.mul(eta).mul(s)));
    let e = 0;
    if (!it.exactIn) for (let t = 0; t < c.steps; t++) e = (r * e + g6 * ((1 + a) * (it.absW[t]! + e) + b) + uf) * (1 + 2 ** -40);
    exact.push(it.w);
    bound.push(e);
    exactIn.push(it.exactIn);
  });
  return { exact, bound, exactIn };
}

/** Conformance of `opt.gd-steps` for one generated input (cast to the run's dtype). */
export function checkGdSteps(c0: GdStepsCase, impl: Implementation): Outcome {
  const c = gdArgs(c0, impl.dtype);
  const got = impl.ops['opt.gd-steps']!(c) as number[];
  const p = precisionOf(impl);
  const { exact, bound, exactIn } = gdStepsExpected(c, p);
  if (!Array.isArray(got) || got.length !== exact.length) return { ok: false, detail: `returned ${JSON.stringify(got)?.slice(0, 200)}` };
  let worst = 0;
  let detail = '';
  for (let i = 0; i < exact.length; i++) {
    if (typeof got[i] !== 'number' || !Number.isFinite(got[i]!)) return { ok: false, detail: `coordinate ${i}: ${got[i]}` };
    const err = Rational.fromFloat64(got[i]!).sub(exact[i]!).abs().toFloat64();
    const ratio = bound[i] === 0 ? (err === 0 ? 0 : Infinity) : err / bound[i]!;
    if (ratio > worst || detail === '') {
      worst = Math.max(worst, ratio);
      detail = `coordinate ${i}: got ${got[i]}, exact ${exact[i]!.toDecimal(10)}, |error| ${err.toExponential(3)}, bound ${bound[i]!.toExponential(3)}${exactIn[i] ? ' (exact-friendly: every standard evaluation is exact)' : ''} (σ = ${c.sigma[i]}, η = ${c.eta}, ${c.steps} steps)`;
    }
  }
  // No probabilistic tier: near the fixed point every step rounds the same way (correlated errors), so a
  // √t-type bound would flag correct implementations (a Higham–Mary model assumes independent errors).
  return { ok: worst <= 1, ratio: worst, detail };
}

const TWO = Rational.of(2);
const nonzero = smallRational(8, 4).filter((q) => !q.isZero());
const posRat = fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 })).map(([p, q]) => Rational.of(p, q));
const caseArb = fc.integer({ min: 1, max: 4 }).chain((k) => fc.record({
  s: fc.array(nonzero, { minLength: k, maxLength: k }),
  w: fc.array(smallRational(8, 4), { minLength: k, maxLength: k }),
  y: fc.array(smallRational(8, 4), { minLength: k, maxLength: k }),
  eta: posRat,
}));

const diag = (s: Rational[]): QMatrix => rectDiag(s.length, s.length, s);
const notesStep = (s: Rational[], w: Rational[], y: Rational[], eta: Rational) =>
  w.map((v, i) => Rational.ONE.sub(TWO.mul(eta).mul(s[i]!)).mul(v).add(TWO.mul(eta).mul(s[i]!).mul(y[i]!)));
const rightStep = (s: Rational[], w: Rational[], y: Rational[], eta: Rational) =>
  w.map((v, i) => Rational.ONE.sub(TWO.mul(eta).mul(s[i]!.pow(2))).mul(v).add(TWO.mul(eta).mul(s[i]!).mul(y[i]!)));

export const claim: ClaimModule = {
  id: 'opt.gd-diagonal',
  properties: [
    {
      name: 'update',
      kind: 'identity',
      description: 'The exact gradient step w + 2ηΣᵀ(y − Σw) (matrix arithmetic) equals (I − 2ηΣ²)w + 2ηΣy coordinate-wise.',
      arbitrary: caseArb,
      runs: 150,
      check: ({ s, w, y, eta }) => {
        const got = gdMatrixStep(diag(s), w, y, eta);
        const want = rightStep(s, w, y, eta);
        return got.every((v, i) => v.eq(want[i]!)) ? { ok: true } : { ok: false, detail: `[${got.join(', ')}] ≠ [${want.join(', ')}]` };
      },
    },
    {
      name: 'stability',
      kind: 'identity',
      description: 'For η > 0: max_i |1 − 2ησ_i²| < 1 ⟺ η < 1/σ_max² (= min_i 1/σ_i²).',
      arbitrary: caseArb,
      runs: 150,
      check: ({ s, eta }) => {
        const smax2 = (s as Rational[]).reduce((m: Rational, v: Rational) => Rational.max(m, v.pow(2)), Rational.ZERO);
        const lhs = contraction(s, eta).lt(Rational.ONE);
        const rhs = eta.lt(Rational.ONE.div(smax2));
        return lhs === rhs ? { ok: true } : { ok: false, detail: `ρ = ${contraction(s, eta)}, η = ${eta}, 1/σ_max² = ${Rational.ONE.div(smax2)}` };
      },
    },
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'opt.gd-steps in the run’s dtype (k ≤ 64, up to 200 steps; small, long, float64-only, exact-dyadic and oscillating classes) is within the propagated rounding bound covering the residual, affine and gradient forms of the step (zero on certified exact-dyadic inputs) of the exact iterates of the same float inputs.',
      arbitrary: gdStepsArb,
      ops: ['opt.gd-steps'],
      runs: 60,
      check: (c, impl) => checkGdSteps(c, impl!),
    },
  ],
  audit: () => {
    const s = [Rational.of(2), Rational.of(1, 2)];
    const w = [Rational.ZERO, Rational.ZERO];
    const y = [Rational.ONE, Rational.ONE];
    const eta = Rational.of(1, 8);
    const exact = gdMatrixStep(diag(s), w, y, eta);
    const w1 = [Rational.ONE, Rational.ONE];
    const exact1 = gdMatrixStep(diag(s), w1, y, eta);
    const notes1 = notesStep(s, w1, y, eta);
    return [
      {
        id: 'opt.gd-diagonal',
        verdict: 'confirmed',
        evidence: `Typo (a missing square; 002:34 uses the factors 1 − 2ησ_i²), graded on the intended meaning, which is exact: 002:32 writes (I − 2ηΣ)w_t + 2ηΣy; the gradient of ‖y − Σw‖² gives (I − 2ηΣᵀΣ)w_t + 2ηΣᵀy, i.e. σ_i² on the diagonal of the first term. ` +
          `Σ = diag(2, 1/2), y = (1, 1), η = 1/8, w_t = (1, 1): exact w_{t+1} = (${exact1.join(', ')}), the notes' formula gives (${notes1.join(', ')}). ` +
          `(From w_t = 0 both give (${exact.join(', ')}): the error is in the w_t term.) The stability analysis at 002:34 uses the correct factors 1 − 2ησ_i².`,
      },
      {
        id: 'opt.gd-diagonal#stability',
        verdict: 'confirmed',
        evidence: 'With σ_1 the largest, max_i |1 − 2ησ_i²| < 1 ⟺ 0 < η < 1/σ_1² = min{1/σ_1², 1/σ_s²} (002:34, 002:40), exactly.',
      },
    ];
  },
};
