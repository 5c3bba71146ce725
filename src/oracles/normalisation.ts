/**
 * Layer normalisation, exact statistics and enclosed outputs
 * (seed 000_1c190711b4cfcedd.txt, line 473: "LayerNorm(x) = (x − μ)/√(σ² + ε)·γ + β";
 * seed 003_c2e944a0f3874627.txt, line 492: "LayerNorm = γ((x − u)/(σ + ε)) + β").
 * μ and σ² = (1/d)Σ(x_i − μ)² are exact rationals; the square root is enclosed.
 */
import { Rational } from '../numerics/rational.js';
import { Interval, point, sub, mul, div, add, sqrt } from '../numerics/interval.js';
import { encloseRational } from '../numerics/enclose.js';
import { sqrtR, type RBounds } from '../numerics/precise.js';

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

/**
 * Exact oracles for batch-norm gradients (seed 002_606757b0cdfd2eb0.txt, lines 388–394).
 *
 * Simplified BN of the notes: y_i = r(x_i − x̄) + β with r a constant. L = Σ_j dy_j y_j is linear
 * in x, so ∂L/∂x_i = L(x + e_i) − L(x) exactly, and the notes' formula is
 * ∂L/∂x_i = r[dy_i − (1/n)Σ_j dy_j].
 *
 * Full training-mode BN (per feature, over the batch): μ = mean x, c = x − μ, v = mean c²
 * (biased), s = √(v + ε), x̂ = c/s, y = γx̂ + β. Then
 *   ∂L/∂β = Σ dy,   ∂L/∂γ = Σ dy·x̂ = (Σ dy·c)/s,
 *   ∂L/∂x_i = (γ/s)[dy_i − mean(dy) − c_i·mean(dy·c)/(v + ε)]
 * (= (γ/s)[dy_i − mean dy − x̂_i mean(dy·x̂)]). Everything is rational except 1/s = 1/√(v+ε),
 * which is enclosed with `sqrtR`: each output is q·(1/s) or q exactly, q rational.
 */

/** The notes' simplified BN forward: y_i = r(x_i − x̄) + β. */
export function simpleBnForward(x: Rational[], r: Rational, beta: Rational): Rational[] {
  const mean = Rational.sum(x).div(Rational.fromInt(x.length));
  return x.map((xi) => r.mul(xi.sub(mean)).add(beta));
}

/** ∂L/∂x_i by exact unit differences (exact because L is linear in x). */
export function simpleBnGradByDifferences(x: Rational[], r: Rational, beta: Rational, dy: Rational[]): Rational[] {
  const L = (xs: Rational[]) => Rational.sum(simpleBnForward(xs, r, beta).map((y, j) => y.mul(dy[j]!)));
  const L0 = L(x);
  return x.map((_, i) => L(x.map((v, j) => (j === i ? v.add(Rational.ONE) : v))).sub(L0));
}

/** The notes' formula (002:394): r[dy_i − (1/n)Σ_j dy_j]. */
export function simpleBnGradNotes(r: Rational, dy: Rational[]): Rational[] {
  const m = Rational.sum(dy).div(Rational.fromInt(dy.length));
  return dy.map((d) => r.mul(d.sub(m)));
}

export interface BnColumnExact {
  mu: Rational; c: Rational[]; v: Rational; ve: Rational;
  /** Enclosure of √(v + ε). */
  s: RBounds;
  dbeta: Rational;
  /** dγ = P/s with P = Σ dy·c. */
  P: Rational;
  /** dx_i = A_i/s, A_i = γ[dy_i − mean dy − c_i·mean(dy·c)/(v+ε)]. */
  A: Rational[];
}

export function bnColumnExact(x: Rational[], dy: Rational[], gamma: Rational, eps: Rational, bits = 120): BnColumnExact {
  const N = Rational.fromInt(x.length);
  const mu = Rational.sum(x).div(N);
  const c = x.map((v) => v.sub(mu));
  const v = Rational.sum(c.map((ci) => ci.pow(2))).div(N);
  const ve = v.add(eps);
  const s = sqrtR(ve, bits);
  const mdy = Rational.sum(dy).div(N);
  const P = Rational.sum(dy.map((d, i) => d.mul(c[i]!)));
  const k = P.div(N).div(ve);
  const A = dy.map((d, i) => gamma.mul(d.sub(mdy).sub(c[i]!.mul(k))));
  return { mu, c, v, ve, s, dbeta: Rational.sum(dy), P, A };
}

/** Enclosure of q/s for s ∈ [s.lo, s.hi], s.lo > 0. */
export function divByEnclosure(q: Rational, s: RBounds): RBounds {
  const a = q.div(s.hi), b = q.div(s.lo);
  return a.le(b) ? { lo: a, hi: b } : { lo: b, hi: a };
}

/** The notes' formula applied to full BN with r = γ/s (what it misses: the variance path). */
export function bnNotesFormulaA(dy: Rational[], gamma: Rational): Rational[] {
  const m = Rational.sum(dy).div(Rational.fromInt(dy.length));
  return dy.map((d) => gamma.mul(d.sub(m)));
}
