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
import { gdMatrixStep, contraction, rectDiag, gdScalarStep } from '../oracles/optimisation.js';
import { smallRational, f32 } from './arbitraries.js';
import { gamma } from '../numerics/float-format.js';
import { precisionOf, type Precision } from '../numerics/bounds.js';

export interface GdStepsCase { sigma: number[]; y: number[]; w0: number[]; eta: number; steps: number }

const fr = Math.fround;
/** Inputs below 2⁻¹⁰⁰ in magnitude become 0 (a flush-to-zero backend would flush subnormal inputs). */
const noSub = (x: number): number => (Math.abs(x) < 2 ** -100 ? 0 : x);
/** Inputs of the conformance property: |σ_i| ∈ [1/8, 4], y, w0 ∈ [−10, 10], η = θ/σ_max² (θ ≤ 0.95), ≤ 25 steps. */
export const gdStepsArb: fc.Arbitrary<GdStepsCase> = fc.integer({ min: 1, max: 6 }).chain((k) => fc.record({
  sigma: fc.array(fc.tuple(fc.double({ min: 0.125, max: 4, noNaN: true }), fc.boolean()).map(([m, neg]) => fr(neg ? -m : m)), { minLength: k, maxLength: k }),
  y: fc.array(f32(10).map(noSub), { minLength: k, maxLength: k }),
  w0: fc.array(f32(10).map(noSub), { minLength: k, maxLength: k }),
  theta: fc.double({ min: 0.01, max: 0.95, noNaN: true }),
  steps: fc.integer({ min: 0, max: 25 }),
})).map(({ sigma, y, w0, theta, steps }) => {
  const smax2 = Math.max(...sigma.map((v) => v * v));
  return { sigma, y, w0, eta: fr(theta / smax2), steps };
});

/**
 * Exact iterates (rational, from the float inputs) and a per-coordinate error bound for any IEEE
 * evaluation of w + 2ησ(y − σw) or (1 − 2ησ²)w + 2ησy with at most 6 roundings on any path:
 * one step commits |δ| ≤ γ₆·(|ŵ| + 2|η|σ²|ŵ| + 2|ησy|) + 12·tiny·(3 + 2|ησ|) (sum of the absolute monomials; each
 * of ≤ 6 underflowing intermediates costs ≤ tiny times the factors applied after it), and
 * the error propagates with the exact factor r = 1 − 2ησ²:
 * e_{t+1} ≤ |r|e_t + γ₆((1 + 2|η|σ²)(|w_t| + e_t) + 2|ησy|) + 12·tiny·(3 + 2|ησ|), e_0 = 0.
 * The bound is evaluated in float64 with a relative margin 2⁻⁴⁰ per step.
 */
export function gdStepsExpected(c: GdStepsCase, p: Precision): { exact: Rational[]; bound: number[] } {
  const g6 = gamma(6, p.u);
  const eta = Rational.fromFloat64(c.eta);
  const up = (q: Rational) => Math.abs(q.toFloat64()) * (1 + 2 ** -50);
  const exact: Rational[] = [];
  const bound: number[] = [];
  c.sigma.forEach((sv, i) => {
    const s = Rational.fromFloat64(sv);
    const y = Rational.fromFloat64(c.y[i]!);
    let w = Rational.fromFloat64(c.w0[i]!);
    const r = up(Rational.ONE.sub(TWO.mul(eta).mul(s.pow(2))));
    const a = up(TWO.mul(eta).mul(s.pow(2)));
    const b = up(TWO.mul(eta).mul(s).mul(y));
    const uf = 12 * p.tiny * (3 + up(TWO.mul(eta).mul(s)));
    let e = 0;
    for (let t = 0; t < c.steps; t++) {
      e = (r * e + g6 * ((1 + a) * (up(w) + e) + b) + uf) * (1 + 2 ** -40);
      w = gdScalarStep(w, s, y, eta);
    }
    exact.push(w);
    bound.push(e);
  });
  return { exact, bound };
}

/** Conformance of `opt.gd-steps` for one input. */
export function checkGdSteps(c: GdStepsCase, impl: Implementation): Outcome {
  const got = impl.ops['opt.gd-steps']!(c) as number[];
  const { exact, bound } = gdStepsExpected(c, precisionOf(impl));
  if (!Array.isArray(got) || got.length !== exact.length) return { ok: false, detail: `returned ${JSON.stringify(got)}` };
  let worst = 0;
  let detail = '';
  for (let i = 0; i < exact.length; i++) {
    if (!Number.isFinite(got[i]!)) return { ok: false, detail: `coordinate ${i}: ${got[i]}` };
    const err = Rational.fromFloat64(got[i]!).sub(exact[i]!).abs().toFloat64();
    const ratio = bound[i] === 0 ? (err === 0 ? 0 : Infinity) : err / bound[i]!;
    if (ratio > worst) { worst = ratio; detail = `coordinate ${i}: got ${got[i]}, exact ${exact[i]!.toDecimal(10)}, |error| ${err.toExponential(3)}, bound ${bound[i]!.toExponential(3)}`; }
  }
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
      description: 'opt.gd-steps (in the run’s dtype, up to 25 steps, stable η) is within the propagated rounding bound of the exact rational iterates of the same float inputs.',
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
