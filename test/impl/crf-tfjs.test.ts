/**
 * Conformance of the TensorFlow.js (float32, wasm backend) CRF against the exact oracle.
 *
 * ## Viterbi slack (tie-aware acceptance)
 * Standard model (Higham §2.2): fl(x + y) = (x + y)(1 + δ), |δ| ≤ u = 2⁻²⁴, exact when the result
 * is subnormal. Inputs are rounded to float32 once: x̃ = x(1 + δ) + η_x, |η_x| ≤ η = 2⁻¹⁵⁰ (only
 * when x falls in the float32 subnormal range).
 *
 * A path y has n = 2T − 1 (+1 with start, +1 with end) terms; let S(y) = Σ|terms| (exact).
 * The DP (see src/impl/tfjs/sequence.ts) evaluates, along any path, the same left-to-right recursive sum
 * ŝ(y) = fl(…fl(fl(x̃₁ + x̃₂) + x̃₃)… + x̃_n), with n − 1 roundings, so (Higham (4.4))
 *   |ŝ(y) − Σx̃| ≤ γ_{n−1} Σ|x̃|,   |Σx̃ − s(y)| ≤ u S(y) + nη,
 * and since γ_{n−1}(1 + u) + u ≤ γ_n:   |ŝ(y) − s(y)| ≤ γ_n S(y) + 2nη.
 * Rounding is monotone (a ≤ b ⇒ fl(a + c) ≤ fl(b + c)) and max is exact, so by induction over t the
 * DP value δ_t[j] is ≥ ŝ of every prefix ending in j; the returned path ŷ is backtracked along the
 * argmax pointers, so its computed score is the DP maximum: ŝ(ŷ) ≥ ŝ(y) for every y. Hence
 *   s(ŷ) ≥ ŝ(ŷ) − γ_n S(ŷ) − 2nη ≥ ŝ(y*) − … ≥ s(y*) − 2(γ_n M + 2nη),   M = max_y S(y).
 * slack = 2·(γ_n·M + 2nη), evaluated exactly in rationals (M from the oracle's exact DP).
 * (The brief's γ_{2T} is the start/end-less case rounded up: n = 2T − 1.)
 * The returned score itself satisfies |score − s(ŷ)| ≤ γ_n S(ŷ) + 2nη.
 *
 * ## Forward-algorithm (log Z) bound b
 * α₀ = start + E₀; α_t = LSE_i(α_{t−1}[i] + A[i][·]) + E_t; log Z = LSE(α_{T−1} + end), where tfjs's
 * LSE(x) = m + log Σ exp(x − m), m = max x. Ingredients:
 *  (a) LSE and + are 1-Lipschitz in the sup norm, so absolute perturbations add up along the chain.
 *  (b) Magnitudes: every α, α + A, α + E, and log Z lies in [−S₀, S₀ + T ln L], S₀ = M; with the
 *      accumulated error (asserted ≤ 1) every computed quantity has |·| ≤ R = S₀ + T ln L + 1.
 *  (c) Input rounding: each path score moves by ≤ u S(y) + nη, so log Z by ≤ u S₀ + nη.
 *  (d) Each elementwise float32 add layer (start + E₀; per step + A and + E_t; + end) errs by ≤ u R.
 *  (e) One LSE over L float32 values (exp, log with relative error ≤ ε = 2·ulps·u, ulps = 4 on
 *      wasm, bounds.ts ELEMENTARY_ULPS — checked empirically below):
 *      d_i = fl(x_i − m) = (x_i − m)(1 + δ); e^{d_i} = e^{x_i − m}e^{(x_i−m)δ} and
 *      e^{−y}(e^{uy} − 1) ≤ u·y·e^{−(1−u)y} ≤ u/(e(1 − u)) for y = m − x_i ≥ 0, so the shifted
 *      exponentials, relative to c* = Σ e^{x_i − m} ≥ 1, err by
 *        η₁ = (L − 1)·u/(e(1 − u))·(1 + ε) + ε(1 + u) + L·2⁻¹⁴⁹   (last: exp underflow);
 *      summation multiplies by (1 + θ), |θ| ≤ γ_{L−1}: c̃ = c*(1 + ρ), ρ = (1 + η₁)(1 + γ_{L−1}) − 1;
 *      |log c̃ − log c*| ≤ ρ/(1 − ρ); log's own error ≤ ε·|log c̃| ≤ ε(ln L + ρ/(1 − ρ));
 *      the final m + log c̃ adds ≤ u R. So ε_LSE = ρ/(1 − ρ) + ε(ln L + ρ/(1 − ρ)) + u R.
 *  b = [u S₀ + nη + (2(T − 1) + [start] + [end])·u R + T·ε_LSE]·SAFETY   (T LSE calls).
 * The check: the float32 result lies in [lo − b, hi + b], [lo, hi] the oracle's rigorous enclosure.
 */

import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { crfLogPartition, crfViterbi, type CrfArgs } from '../../src/impl/tfjs/sequence.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { isAcceptableViterbi, logPartitionEnclosure, maxPathAbsSum, pathAbsSum, pathScore, termCount, viterbiOracle } from '../../src/oracles/sequence.js';
import { Rational } from '../../src/numerics/rational.js';
import { SAFETY, float32For, type Precision } from '../../src/numerics/bounds.js';
import { gamma } from '../../src/numerics/float-format.js';
import { crfArb } from '../oracles/crf-arbitrary.js';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

const PREC: Precision = float32For('wasm');
const U = Rational.of(1n, 1n << 24n);
const ETA = Rational.of(1n, 1n << 150n);

/** γ_n·S + 2nη, exactly. */
function sumErr(n: number, S: Rational): Rational {
  if (n === 0) return Rational.ZERO;
  const nu = Rational.of(n).mul(U);
  return nu.div(Rational.ONE.sub(nu)).mul(S).add(Rational.of(2 * n).mul(ETA));
}

/** slack = 2(γ_n M + 2nη) — see the header. */
function viterbiSlack(a: CrfArgs): Rational {
  return sumErr(termCount(a), maxPathAbsSum(a)).mul(Rational.of(2));
}

/** The forward-algorithm bound b — see the header. */
function forwardBound(a: CrfArgs, p: Precision = PREC): number {
  const T = a.emissions.length;
  if (T === 0) return 0;
  const L = a.transitions.length;
  const u = p.u;
  const eps = 2 * p.ulps * u;
  const eta = 2 ** -150;
  const n = termCount(a);
  const S0 = maxPathAbsSum(a).toFloat64() * SAFETY;
  const R = S0 + T * Math.log(L) + 1;
  const g = L > 1 ? gamma(L - 1, u) : 0;
  const eta1 = ((L - 1) * u) / (Math.E * (1 - u)) * (1 + eps) + eps * (1 + u) + L * 2 ** -149;
  const rho = (1 + eta1) * (1 + g) - 1;
  const lse = rho / (1 - rho) + eps * (Math.log(L) + rho / (1 - rho)) + u * R;
  const layers = 2 * (T - 1) + (a.start ? 1 : 0) + (a.end ? 1 : 0);
  const b = (u * S0 + n * eta + layers * u * R + T * lse) * SAFETY;
  if (!(b <= 1)) throw new Error(`forwardBound: b = ${b} > 1 violates the magnitude assumption`);
  return b;
}

/** k/8 with small k: exact in float32, and ties between paths are frequent. */
const eighths = fc.integer({ min: -4, max: 4 }).map((k) => k / 8);
/** generic doubles (not float32-representable in general; includes −0 and subnormals). */
const generic = fc.double({ min: -5, max: 5, noNaN: true });
const mixed = fc.oneof(eighths, generic);

function viterbiOk(a: CrfArgs, r: { path: number[]; score: number }): boolean {
  if (!isAcceptableViterbi(a, r.path, viterbiSlack(a))) return false;
  // the returned score is the float32 evaluation of the returned path
  const err = Rational.fromFloat64(r.score).sub(pathScore(a, r.path)).abs();
  return err.le(sumErr(termCount(a), pathAbsSum(a, r.path)));
}

function logZOk(a: CrfArgs, z: number): boolean {
  const enc = logPartitionEnclosure(a);
  const b = forwardBound(a);
  return Number.isFinite(z) && z >= enc.lo - b && z <= enc.hi + b;
}

describe('tfjs CRF (wasm, float32)', () => {
  test('hand example and edge cases', () => {
    const hand: CrfArgs = { emissions: [[1, 0], [0, 2]], transitions: [[0, 1], [-1, 0]] };
    expect(crfViterbi(tf, hand)).toEqual({ path: [0, 1], score: 4 });
    expect(crfViterbi(tf, { ...hand, start: [0, 3], end: [1, 0] })).toEqual({ path: [1, 1], score: 5 });
    expect(crfViterbi(tf, { emissions: [], transitions: [[0]] })).toEqual({ path: [], score: 0 });
    expect(crfLogPartition(tf, { emissions: [], transitions: [[0]] })).toBe(0);
    expect(crfViterbi(tf, { emissions: [[0, 2, 1]], transitions: [[0, 0, 0], [0, 0, 0], [0, 0, 0]] }).path).toEqual([1]);
    expect(logZOk(hand, crfLogPartition(tf, hand))).toBe(true);
  });

  test('no tensors leak', () => {
    const a: CrfArgs = { emissions: [[1, 0], [0, 2], [1, 1]], transitions: [[0, 1], [-1, 0]], start: [0, 1], end: [1, 0] };
    crfViterbi(tf, a);
    crfLogPartition(tf, a);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      crfViterbi(tf, a);
      crfLogPartition(tf, a);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  test('assumption behind ε: wasm exp and log are within 4 float32 ulps (relative 2·4·u)', () => {
    const eps = 2 * PREC.ulps * PREC.u;
    const xs: number[] = [];
    for (let i = 0; i <= 4000; i++) xs.push(Math.fround(-87 + (87 * i) / 4000)); // exp arguments ≤ 0 (LSE shifts)
    const ex = tf.tidy(() => Array.from(tf.exp(tf.tensor1d(xs, 'float32')).dataSync()));
    let worst = 0;
    xs.forEach((x, i) => (worst = Math.max(worst, Math.abs(ex[i]! - Math.exp(x)) / Math.exp(x))));
    expect(worst).toBeLessThanOrEqual(eps);
    const ys: number[] = [];
    for (let i = 0; i <= 4000; i++) ys.push(Math.fround(1 + (7 * i) / 4000)); // LSE sums lie in [1, L]
    const lg = tf.tidy(() => Array.from(tf.log(tf.tensor1d(ys, 'float32')).dataSync()));
    let worstL = 0;
    ys.forEach((y, i) => {
      if (y > 1) worstL = Math.max(worstL, Math.abs(lg[i]! - Math.log(y)) / Math.log(y));
      else expect(lg[i]).toBe(0);
    });
    expect(worstL).toBeLessThanOrEqual(eps);
  });

  test('Viterbi: the decoded path is tie-aware acceptable (exact oracle, derived slack)', () => {
    fc.assert(
      fc.property(crfArb(eighths), (a) => viterbiOk(a, crfViterbi(tf, a))),
      { seed: 41, numRuns: 250 },
    );
    fc.assert(
      fc.property(crfArb(mixed), (a) => viterbiOk(a, crfViterbi(tf, a))),
      { seed: 42, numRuns: 250 },
    );
  });

  test('k/8 inputs produce many ties, and tfjs returns one of the optimal paths exactly', () => {
    let tied = 0;
    fc.assert(
      fc.property(crfArb(eighths), (a) => {
        const v = viterbiOracle(a);
        if (v.optimalPaths.length > 1) tied++;
        // k/8 sums of ≤ 13 terms are exact in float32, so the slack is not even needed
        const r = crfViterbi(tf, a);
        expect(v.optimalPaths).toContainEqual(r.path);
        expect(Rational.fromFloat64(r.score).eq(v.best)).toBe(true);
      }),
      { seed: 43, numRuns: 150 },
    );
    console.log('tied inputs:', tied, '/ 150');
    expect(tied).toBeGreaterThan(15);
  });

  test('forward algorithm: log Z lies in the oracle enclosure widened by the derived bound', () => {
    fc.assert(
      fc.property(crfArb(mixed), (a) => logZOk(a, crfLogPartition(tf, a))),
      { seed: 44, numRuns: 150 },
    );
  });

  test('the bound is honest but not vacuous: observed error / b stays well below 1, above 0', () => {
    let worst = 0;
    fc.assert(
      fc.property(crfArb(generic, 6, 4).filter((a) => a.emissions.length >= 2), (a) => {
        const enc = logPartitionEnclosure(a);
        const z = crfLogPartition(tf, a);
        const err = Math.max(0, enc.lo - z, z - enc.hi);
        worst = Math.max(worst, err / forwardBound(a));
      }),
      { seed: 45, numRuns: 60 },
    );
    console.log('forward: worst observed error / b =', worst);
    expect(worst).toBeLessThan(1);
    expect(worst).toBeGreaterThan(0);
  });

  test('power: a Viterbi that ignores transitions is caught', () => {
    const greedy = (a: CrfArgs) => {
      const path = a.emissions.map((row) => row.indexOf(Math.max(...row)));
      return { path, score: path.length ? pathScore(a, path).toFloat32() : 0 };
    };
    const res = fc.check(fc.property(crfArb(eighths), (a) => viterbiOk(a, greedy(a))), { seed: 46, numRuns: 200 });
    expect(res.failed).toBe(true);
  });

  test('power: log Z replaced by the Viterbi score, or computed without the end vector, is caught', () => {
    const maxProduct = fc.check(
      fc.property(crfArb(mixed), (a) => logZOk(a, crfViterbi(tf, a).score)),
      { seed: 47, numRuns: 100 },
    );
    expect(maxProduct.failed).toBe(true);
    const noEnd = fc.check(
      fc.property(crfArb(mixed), (a) => {
        const { end: _end, ...rest } = a;
        return logZOk(a, crfLogPartition(tf, rest));
      }),
      { seed: 48, numRuns: 100 },
    );
    expect(noEnd.failed).toBe(true);
  });
});
