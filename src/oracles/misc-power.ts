/**
 * Rigorous power computations for one-sided tests of a normal mean (area `misc`).
 *
 * - z-test (σ known), reject when √n(x̄ − μ₀)/σ > c: power Φ(√n·e − c), e = (μ − μ₀)/σ;
 *   two-sided (|·| > c): Φ(√n·e − c) + Φ(−√n·e − c).
 * - t-test, reject when T = √n(x̄ − μ₀)/s > c, T ~ noncentral t(ν = n − 1, δ = √n·e):
 *   P(T > c) = E[Φ(δ − c·R)], R = √(V/ν), V ~ χ²_ν. For ν = 1, R = |W| (W standard normal),
 *   P(|W| ≤ √2·u) = erf u; for ν = 2, R² ~ Exp(1), P(R > r) = e^{−r²}. The expectation of the
 *   decreasing function r ↦ Φ(δ − c·r) is enclosed by lower/upper Riemann–Stieltjes sums on a
 *   grid, with the tail mass bounded — every number is a rigorous rational bound.
 * Φ(x) = (1 + erf(x/√2))/2; arguments are passed already divided by √2.
 */
import { Rational } from '../numerics/rational.js';
import { erfR, expR, sqrtR, piR, sinR, cosR, type RBounds } from '../numerics/precise.js';

const BITS = 64;
const ONE = Rational.ONE, HALF = Rational.of(1, 2);
/** Enclosure of Φ(√2·u) for u in [lo, hi] (Φ increasing). */
export function phiScaled(lo: Rational, hi: Rational, bits = BITS): RBounds {
  return { lo: HALF.mul(ONE.add(erfR(lo, bits).lo)), hi: HALF.mul(ONE.add(erfR(hi, bits).hi)) };
}
const mulB = (a: RBounds, b: RBounds): RBounds => {
  const p = [a.lo.mul(b.lo), a.lo.mul(b.hi), a.hi.mul(b.lo), a.hi.mul(b.hi)];
  return { lo: p.reduce((x, y) => Rational.min(x, y)), hi: p.reduce((x, y) => Rational.max(x, y)) };
};

/** Power of the one-sided (or two-sided) z-test: Φ(√n e − c) (+ Φ(−√n e − c)). */
export function zPower(n: number, e: Rational, c: Rational, twoSided = false, bits = BITS): RBounds {
  const sn = sqrtR(Rational.of(n), bits), ir2 = sqrtR(HALF, bits); // √n, 1/√2
  const se = mulB(sn, { lo: e, hi: e });
  const up = mulB({ lo: se.lo.sub(c), hi: se.hi.sub(c) }, ir2);
  let p = phiScaled(up.lo, up.hi, bits);
  if (twoSided) {
    const dn = mulB({ lo: se.hi.neg().sub(c), hi: se.lo.neg().sub(c) }, ir2);
    const q = phiScaled(dn.lo, dn.hi, bits);
    p = { lo: p.lo.add(q.lo), hi: p.hi.add(q.hi) };
  }
  return p;
}

/**
 * E[Φ(√2(a − b·r))] over R with survival function S (enclosed by `surv`), for b ≥ 0 given as an
 * enclosure [bLo, bHi] and a as [aLo, aHi]; grid r_i = i·h, i = 0..N; beyond r_N the integrand
 * is bounded above by its value at r_N and below by 0.
 */
function expectPhi(a: RBounds, b: RBounds, surv: (r: Rational) => RBounds, h: Rational, N: number): RBounds {
  const phiAt = (r: Rational) => phiScaled(a.lo.sub(b.hi.mul(r)), a.hi.sub(b.lo.mul(r)));
  let lo = Rational.ZERO, hi = Rational.ZERO;
  let S0 = surv(Rational.ZERO), P0 = phiAt(Rational.ZERO);
  for (let i = 0; i < N; i++) {
    const r1 = h.mul(Rational.of(i + 1));
    const S1 = surv(r1), P1 = phiAt(r1);
    const mLo = Rational.max(S0.lo.sub(S1.hi), Rational.ZERO), mHi = S0.hi.sub(S1.lo);
    lo = lo.add(mLo.mul(P1.lo));
    hi = hi.add(mHi.mul(P0.hi));
    S0 = S1; P0 = P1;
  }
  hi = hi.add(S0.hi.mul(P0.hi));
  return { lo, hi };
}

/** Noncentral-t power, ν = 1 (n = 2): δ/√2 = e exactly; c ∈ [cLo, cHi]. Grid in u = r/√2. */
export function tPowerNu1(e: Rational, c: RBounds, h = Rational.of(1, 64), N = 384): RBounds {
  // R = |W|, P(|W| > √2u) = 1 − erf(u); integrand Φ(δ − c√2u) = Φ(√2(e − c·u)).
  const surv = (u: Rational): RBounds => { const E = erfR(u, BITS); return { lo: ONE.sub(E.hi), hi: ONE.sub(E.lo) }; };
  return expectPhi({ lo: e, hi: e }, c, surv, h, N);
}

/** Noncentral-t power, ν = 2 (n = 3): a = δ/√2 ∈ aB, b = c/√2 ∈ bB; R² ~ Exp(1). */
export function tPowerNu2(aB: RBounds, bB: RBounds, h = Rational.of(1, 64), N = 448): RBounds {
  const surv = (r: Rational): RBounds => expR(r.mul(r).neg(), BITS);
  return expectPhi(aB, bB, surv, h, N);
}

/** Rigorous check that q ∈ [lo, hi] where q = cot(π/20) = t_{1, 0.95} (upper 5% point of Cauchy). */
export function bracketsT1(lo: Rational, hi: Rational): boolean {
  const pi = piR(BITS), xl = pi.lo.div(Rational.of(20)), xh = pi.hi.div(Rational.of(20));
  const cotLo = cosR(xh, BITS).lo.div(sinR(xh, BITS).hi), cotHi = cosR(xl, BITS).hi.div(sinR(xl, BITS).lo);
  return lo.le(cotLo) && cotHi.le(hi);
}
/** [lo, hi] ∋ √x, checked exactly by squaring. */
export const bracketsSqrt = (x: Rational, lo: Rational, hi: Rational): boolean => lo.mul(lo).le(x) && x.le(hi.mul(hi));
