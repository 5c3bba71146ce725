/**
 * stats.test-defs — p = P(t(X) ≥ t_obs | H₀); size α = sup_{θ∈Θ₀} P(reject | θ); power function
 * w(θ) = P(reject | θ); type II error β = 1 − w on Θ₁. Checked exactly on one-sided binomial tests
 * H₀: θ ≤ θ₀ rejecting for K ≥ c: w is nondecreasing, so the size is w(θ₀); the test
 * "reject iff p ≤ α" is exactly K ≥ c_α and has size ≤ α.
 * Seed 000_1c190711b4cfcedd.txt, line 158: "$$\alpha = \sup_{\theta \in \Theta_0} P(\text{reject } H_0 \mid \theta)$$"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { upperTail, criticalValue } from '../oracles/statistics.js';

const q = (k: number, d: number) => Rational.of(k, d);

const arb = fc.record({
  n: fc.integer({ min: 1, max: 14 }),
  t0: fc.integer({ min: 1, max: 15 }).map((k) => q(k, 16)),
  alpha: fc.constantFrom(q(1, 100), q(1, 20), q(1, 10), q(1, 4)),
  a: fc.integer({ min: 0, max: 16 }),
  b: fc.integer({ min: 0, max: 16 }),
});

/** First n (1..60) where the exact level-α test's power at θ₁ drops from n to n + 1. */
export function powerDrop(theta0: Rational, theta1: Rational, alpha: Rational): { n: number; p1: Rational; p2: Rational } | null {
  let prev = upperTail(1, theta1, criticalValue(1, theta0, alpha));
  for (let n = 1; n < 60; n++) {
    const next = upperTail(n + 1, theta1, criticalValue(n + 1, theta0, alpha));
    if (next.lt(prev)) return { n, p1: prev, p2: next };
    prev = next;
  }
  return null;
}

export const claim: ClaimModule = {
  id: 'stats.test-defs',
  properties: [
    {
      name: 'size-is-sup',
      kind: 'identity',
      description: 'For H₀: θ ≤ θ₀ and C = {K ≥ c}, the power function is nondecreasing (θ_a ≤ θ_b ⇒ w(θ_a) ≤ w(θ_b)), so the size sup_{θ≤θ₀} w(θ) is w(θ₀); exact.',
      arbitrary: arb,
      runs: 100,
      check: ({ n, t0, alpha, a, b }) => {
        const c = criticalValue(n, t0, alpha);
        const [lo, hi] = [Math.min(a, b), Math.max(a, b)].map((k) => q(k, 16));
        const ok = upperTail(n, lo!, c).le(upperTail(n, hi!, c)) && upperTail(n, t0, c).le(alpha);
        return ok ? { ok: true } : { ok: false, detail: `c = ${c}: w(${lo}) = ${upperTail(n, lo!, c)}, w(${hi}) = ${upperTail(n, hi!, c)}, size ${upperTail(n, t0, c)}` };
      },
    },
    {
      name: 'p-value-duality',
      kind: 'identity',
      description: 'For every observed k, p(k) = P(K ≥ k | θ₀) ≤ α iff k ≥ c_α (rejecting when p ≤ α is the critical region {K ≥ c_α}), and P(p(K) ≤ α | θ₀) ≤ α.',
      arbitrary: arb,
      runs: 100,
      check: ({ n, t0, alpha }) => {
        const c = criticalValue(n, t0, alpha);
        let rejectProb = Rational.ZERO;
        for (let k = 0; k <= n; k++) {
          const p = upperTail(n, t0, k);
          if (p.le(alpha) !== (k >= c)) return { ok: false, detail: `k = ${k}: p = ${p}, c = ${c}` };
          if (p.le(alpha)) rejectProb = rejectProb.add(upperTail(n, t0, k).sub(upperTail(n, t0, k + 1)));
        }
        return rejectProb.le(alpha) ? { ok: true } : { ok: false, detail: `P(p ≤ α) = ${rejectProb}` };
      },
    },
  ],
  audit: () => {
    const d = powerDrop(q(1, 2), q(3, 4), q(1, 20));
    return [
      {
        id: 'stats.test-defs',
        verdict: 'confirmed',
        evidence: 'p-value, size as sup over Θ₀, power function and type I/II errors (000:127–171) are consistent: on exact one-sided binomial tests the power function is monotone, ' +
          'the size is attained at the boundary θ₀, and "reject iff p ≤ α" is the critical region {K ≥ c_α} with size ≤ α.',
      },
      {
        id: 'stats.test-defs#power-grows-with-n',
        verdict: 'confirmed',
        evidence: 'True in its scope, which is needed: "As n increases, power increases" (000:195) is stated for the t-test (continuous statistic; not checked here). It fails for exact tests of discrete data: ' +
          (d ? `binomial H₀: θ ≤ 1/2 vs θ₁ = 3/4 at α = 1/20: power ${d.p1} (≈ ${d.p1.toDecimal(4)}) at n = ${d.n} but ${d.p2} (≈ ${d.p2.toDecimal(4)}) at n = ${d.n + 1}.`
            : 'no drop found for n ≤ 60 in the searched case.'),
      },
      {
        id: 'stats.test-defs#p-value-vs-level',
        verdict: 'convention-dependent',
        evidence: '000:132 calls the p-value "or significance level". In the usual terminology the significance level is the threshold α (the size of the test), fixed before the data; ' +
          'the p-value is the smallest level at which the observed data would be rejected (checked: p ≤ α iff the observation is in the level-α critical region).',
      },
    ];
  },
};
