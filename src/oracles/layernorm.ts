/**
 * Layer normalisation, exact statistics and enclosed outputs
 * (seed 000_1c190711b4cfcedd.txt, line 473: "LayerNorm(x) = (x − μ)/√(σ² + ε)·γ + β";
 * seed 003_c2e944a0f3874627.txt, line 492: "LayerNorm = γ((x − u)/(σ + ε)) + β").
 * μ and σ² = (1/d)Σ(x_i − μ)² are exact rationals; the square root is enclosed.
 */
import { Rational } from '../numerics/rational.js';
import { Interval, point, sub, mul, div, add, sqrt } from '../numerics/interval.js';
import { encloseRational } from '../numerics/enclose.js';

export interface RowStats { mean: Rational; variance: Rational }

export function rowStats(x: readonly number[]): RowStats {
  const xs = x.map((v) => Rational.fromFloat64(v));
  const n = Rational.fromInt(xs.length);
  const mean = Rational.sum(xs).div(n);
  return { mean, variance: Rational.sum(xs.map((v) => v.sub(mean).pow(2))).div(n) };
}

/** Convention A: γ(x − μ)/√(σ² + ε) + β, each entry enclosed. */
export function layerNormEnclosure(x: readonly number[], gamma: readonly number[], beta: readonly number[], eps: number): Interval[] {
  const { mean, variance } = rowStats(x);
  const denom = sqrt(encloseRational(variance.add(Rational.fromFloat64(eps))));
  return x.map((xi, i) => {
    const dev = encloseRational(Rational.fromFloat64(xi).sub(mean));
    return add(mul(point(gamma[i]!), div(dev, denom)), point(beta[i]!));
  });
}

/** Convention B: γ(x − μ)/(σ + ε) + β, each entry enclosed. */
export function layerNormSigmaPlusEpsEnclosure(x: readonly number[], gamma: readonly number[], beta: readonly number[], eps: number): Interval[] {
  const { mean, variance } = rowStats(x);
  const denom = add(sqrt(encloseRational(variance)), point(eps));
  return x.map((xi, i) => {
    const dev = encloseRational(Rational.fromFloat64(xi).sub(mean));
    return add(mul(point(gamma[i]!), div(dev, denom)), point(beta[i]!));
  });
}

/** The two scale factors 1/√(σ² + ε) and 1/(σ + ε) for a given σ (exact rational), enclosed. */
export function scaleFactors(sigma: Rational, eps: Rational): { inside: Interval; outside: Interval } {
  const one = point(1);
  return {
    inside: div(one, sqrt(encloseRational(sigma.mul(sigma).add(eps)))),
    outside: div(one, encloseRational(sigma.add(eps))),
  };
}
