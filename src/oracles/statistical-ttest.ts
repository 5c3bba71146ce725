/**
 * Exact size of the two-sided one-sample t-test for EVEN degrees of freedom ν.
 *
 * With θ = arctan(t/√ν) and s = sin θ = t/√(t² + ν), Student's t with even ν has the closed form
 *   P(|T| ≤ t) = s · Σ_{k=0}^{ν/2−1} c_k (1 − s²)^k,   c_0 = 1, c_k = c_{k−1}(2k − 1)/(2k)
 * (Abramowitz & Stegun 26.7.3). Choosing s RATIONAL makes everything exact: the critical value
 * is c² = ν s²/(1 − s²) (rational; the test rejects when t² > c², no square root needed) and the
 * size is 1 − s·Σ c_k (1 − s²)^k (rational). {@link tDensityCheck} verifies the closed form
 * against the t density exactly: dP/ds = 2 q_ν (1 − s²)^{ν/2 − 1} with
 * q_ν = Γ((ν+1)/2)/(√π Γ(ν/2)) = (ν−1)!!/(2^{ν/2} (ν/2 − 1)!) rational for even ν, and P(0) = 0.
 */
import { Rational } from '../numerics/rational.js';

function coeffs(nu: number): Rational[] {
  if (!(Number.isInteger(nu) && nu >= 2 && nu % 2 === 0)) throw new RangeError('t oracle: ν must be even and ≥ 2');
  const c = [Rational.ONE];
  for (let k = 1; k < nu / 2; k++) c.push(c[k - 1]!.mul(Rational.of(2 * k - 1, 2 * k)));
  return c;
}

/** P(|T_ν| ≤ c) where s = c/√(c² + ν), exactly (0 ≤ s < 1 rational). */
export function tTwoSidedCdf(nu: number, s: Rational): Rational {
  const c = coeffs(nu);
  const u = Rational.ONE.sub(s.mul(s));
  let acc = Rational.ZERO, pw = Rational.ONE;
  for (const ck of c) { acc = acc.add(ck.mul(pw)); pw = pw.mul(u); }
  return s.mul(acc);
}

/** The exact size P(|T_ν| > c) and the squared critical value c² = ν s²/(1 − s²). */
export function tTestSize(nu: number, s: Rational): { size: Rational; c2: Rational } {
  if (s.sign() <= 0 || !s.lt(Rational.ONE)) throw new RangeError('t oracle: s must be in (0, 1)');
  const s2 = s.mul(s);
  return { size: Rational.ONE.sub(tTwoSidedCdf(nu, s)), c2: Rational.fromInt(nu).mul(s2).div(Rational.ONE.sub(s2)) };
}

/** q_ν = Γ((ν+1)/2)/(√π Γ(ν/2)) for even ν: (ν−1)!!/(2^{ν/2}(ν/2−1)!). */
export function tDensityConstant(nu: number): Rational {
  let num = 1n, den = 1n;
  for (let k = nu - 1; k >= 1; k -= 2) num *= BigInt(k);
  for (let k = 2; k < nu / 2; k++) den *= BigInt(k);
  den *= 1n << BigInt(nu / 2);
  return Rational.of(num, den);
}

/**
 * Exact check that the closed form is the t distribution: at s, d/ds P = 2 q_ν (1 − s²)^{ν/2−1}
 * (the density f(t) = (q_ν/√ν)(1 + t²/ν)^{−(ν+1)/2} pulled back by t = √ν s/√(1 − s²)).
 */
export function tDensityCheck(nu: number, s: Rational): { lhs: Rational; rhs: Rational } {
  const c = coeffs(nu);
  const u = Rational.ONE.sub(s.mul(s));
  let lhs = Rational.ZERO;
  c.forEach((ck, k) => {
    // d/ds [s u^k] = u^k − 2k s² u^{k−1}
    const term = u.pow(k).sub(k === 0 ? Rational.ZERO : Rational.fromInt(2 * k).mul(s.mul(s)).mul(u.pow(k - 1)));
    lhs = lhs.add(ck.mul(term));
  });
  const rhs = Rational.fromInt(2).mul(tDensityConstant(nu)).mul(u.pow(nu / 2 - 1));
  return { lhs, rhs };
}

/** Exact t statistic squared of rational samples: t² = n (x̄ − μ0)² / S², S² with 1/(n−1). */
export function tStatisticSquared(xs: readonly Rational[], mu0: Rational): Rational {
  const n = xs.length;
  const mean = Rational.sum(xs).div(Rational.fromInt(n));
  const s2 = Rational.sum(xs.map((x) => x.sub(mean).pow(2))).div(Rational.fromInt(n - 1));
  return Rational.fromInt(n).mul(mean.sub(mu0).pow(2)).div(s2);
}
