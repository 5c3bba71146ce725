/**
 * stats.noncentral-power — under H₁ (true mean μ, known or unknown σ) the one-sample statistic
 * T = √n(x̄ − μ₀)/s equals (Z + δ)/√(V/ν) with Z = √n(x̄ − μ)/σ, V = (n − 1)s²/σ², ν = n − 1 and
 * δ = (μ − μ₀)/(σ/√n): a noncentral t(ν, δ). The power P(T > c) increases with n (for μ > μ₀).
 * Checked: the decomposition exactly (rational samples, in squares); for the z-test (σ known) the
 * power Φ(√n·e − c) (one- and two-sided) strictly increases in n, by rigorous erf enclosures; and
 * for the t-test at α = 0.05, e = (μ − μ₀)/σ = 1, the exact noncentral-t powers for n = 2 and n = 3
 * are enclosed rigorously (quadrature with certified bounds) and are strictly increasing.
 * Seed 000_1c190711b4cfcedd.txt, line 195: "Note that as n increases, power increases."
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { zPower, tPowerNu1, tPowerNu2, bracketsT1, bracketsSqrt } from '../oracles/statistics.js';

const R = (a: number, b = 1) => Rational.of(a, b);
const fmt = (b: { lo: Rational; hi: Rational }, d = 6) => `[${b.lo.toDecimal(d)}, ${b.hi.toDecimal(d)}]`;
const small = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 4 })).map(([a, b]) => Rational.of(a, b));

export const claim: ClaimModule = {
  id: 'stats.noncentral-power',
  properties: [
    {
      name: 'noncentral-decomposition',
      kind: 'identity',
      description: 'For rational samples x (not all equal), μ, μ₀ and σ > 0: T² = n(x̄ − μ₀)²/s² equals (Z + δ)²·ν/V with Z = √n(x̄ − μ)/σ, δ = √n(μ − μ₀)/σ, V = (n − 1)s²/σ², exactly (squares keep everything rational).',
      arbitrary: fc.record({ x: fc.array(small, { minLength: 2, maxLength: 6 }), mu: small, mu0: small, sigma: fc.integer({ min: 1, max: 5 }).map((v) => R(v, 2)) })
        .filter(({ x }) => x.some((v) => !v.eq(x[0]!))),
      runs: 100,
      check: ({ x, mu, mu0, sigma }) => {
        const n = x.length, N = R(n), xbar = Rational.sum(x).div(N);
        const s2 = Rational.sum(x.map((v: Rational) => v.sub(xbar).pow(2))).div(R(n - 1));
        const t2 = N.mul(xbar.sub(mu0).pow(2)).div(s2);
        // (Z + δ)² = n((x̄ − μ) + (μ − μ₀))²/σ², V/ν = s²/σ².
        const zd2 = N.mul(xbar.sub(mu).add(mu.sub(mu0)).pow(2)).div(sigma.pow(2));
        const Vnu = R(n - 1).mul(s2).div(sigma.pow(2)).div(R(n - 1));
        return zd2.div(Vnu).eq(t2) ? { ok: true } : { ok: false, detail: `T² = ${t2}, (Z + δ)²ν/V = ${zd2.div(Vnu)}` };
      },
    },
    {
      name: 'z-power-increasing',
      kind: 'identity',
      description: 'z-test with known σ, effect e = (μ − μ₀)/σ > 0, rational critical value c: the power Φ(√n e − c) (one-sided) or Φ(√n e − c) + Φ(−√n e − c) (two-sided) has enclosures with power(n) < power(n + 1) strictly (rigorous erf bounds).',
      arbitrary: fc.record({ e: fc.integer({ min: 1, max: 20 }).map((v) => R(v, 10)), c: fc.integer({ min: 20, max: 60 }).map((v) => R(v, 20)), n: fc.integer({ min: 1, max: 25 }), two: fc.boolean() }),
      runs: 60,
      check: ({ e, c, n, two }) => {
        const a = zPower(n, e, c, two, 128), b = zPower(n + 1, e, c, two, 128);
        return a.hi.lt(b.lo) ? { ok: true } : { ok: false, detail: `n = ${n}: ${fmt(a, 12)}, n + 1: ${fmt(b, 12)}` };
      },
    },
  ],
  audit: () => {
    const c1 = { lo: R(63137, 10000), hi: R(63138, 10000) }; // t_{1, 0.95} = cot(π/20)
    const b2 = { lo: R(20647, 10000), hi: R(20648, 10000) }; // t_{2, 0.95}/√2 = √(81/19)
    const a2 = { lo: R(12247, 10000), hi: R(12248, 10000) }; // δ/√2 = √(3/2) for n = 3, e = 1
    const certified = bracketsT1(c1.lo, c1.hi) && bracketsSqrt(R(81, 19), b2.lo, b2.hi) && bracketsSqrt(R(3, 2), a2.lo, a2.hi);
    const p2 = tPowerNu1(R(1), c1), p3 = tPowerNu2(a2, b2);
    const zs = [1, 2, 3, 4, 5].map((n) => `n = ${n}: ${fmt(zPower(n, R(1, 2), R(329, 200)), 6)}`);
    const neg = [1, 4, 9].map((n) => `n = ${n}: ${fmt(zPower(n, R(-1, 2), R(329, 200)), 6)}`);
    const increasing = certified && p2.hi.lt(p3.lo);
    return [
      {
        id: 'stats.noncentral-power',
        verdict: increasing ? 'confirmed' : 'approximate',
        evidence: `T = √n(x̄ − μ₀)/s = (Z + δ)/√(V/(n − 1)) with δ = (μ − μ₀)/(σ/√n) (000:181–189) holds exactly (checked in squares on rational samples). ` +
          `Power increases with n (000:195), for μ > μ₀: z-test (σ known), e = 1/2, c = 329/200 (α ≈ 0.05): ${zs.join('; ')} (strict increase checked on generated e, c, n ≤ 26, one- and two-sided). ` +
          `Exact one-sided t-test at α = 0.05, e = (μ − μ₀)/σ = 1, certified quadrature of P(T > t_{n−1,0.95}) under noncentral t(n − 1, √n): n = 2 (t₁ = cot(π/20) ∈ [6.3137, 6.3138]): ${fmt(p2, 4)}; ` +
          `n = 3 (t₂ = 9√2/√19): ${fmt(p3, 4)} — strictly larger${certified ? '' : ' (critical-value brackets NOT certified)'}. Larger n is not covered by an exact computation here.`,
      },
      {
        id: 'stats.noncentral-power#direction',
        verdict: 'confirmed',
        evidence: `The notes' tests reject for large values of the statistic (000:129), so the alternative lies on that side, and the assumption is needed: "power increases with n" needs the true mean on the side the test rejects. For the one-sided test (reject for large T) with μ < μ₀, the rejection probability decreases with n: z-test, e = −1/2, c = 329/200: ${neg.join('; ')}. For a two-sided test it increases for every μ ≠ μ₀ (checked for the z-test).`,
      },
    ];
  },
};
