/**
 * The family-wise false-alarm budget of the statistical properties.
 *
 * A statistical property (a `conformance` property whose input is a seed) samples from the
 * implementation and rejects when a hypothesis test rejects. Even a perfect implementation is
 * rejected with some probability α per check; lemmata bounds the probability that a run raises
 * ANY false alarm:
 *
 *   P(some statistical check of the run rejects | every implementation is correct)
 *     ≤ Σ_checks α_check                                   (union bound, Bonferroni)
 *     = |STATISTICAL_PROPERTIES| · MAX_CHECKS_PER_PROPERTY · ALPHA_PER_CHECK = FAMILY_WISE_ALPHA.
 *
 * Counting: a run evaluates each property on `runs` generated inputs (default `runs` of the
 * property, ≤ MAX_CHECKS_PER_PROPERTY; `--runs N` with N > MAX_CHECKS_PER_PROPERTY exceeds the
 * budget proportionally — {@link familyWiseBound} states the bound for any N). Shrinking
 * evaluations happen only AFTER a first rejection, so they do not add to the probability of a
 * first false alarm. Each check performs one test at level ALPHA_PER_CHECK, or m tests at level
 * ALPHA_PER_CHECK/m each (src/statistics/tests.ts combineTests: union bound inside the check), or
 * adds deterministic checks that no correct implementation can fail (same arguments → same values).
 *
 * Allocation (1e-6 per run): 16 statistical properties × 325 checks × α = 1e-6, α = 1.92e-10 (13 × 400 before issue 14):
 *   stats.t-test/normal-mean, normal-variance, size; reg.dropout-ridge/mask-rate, expected-loss;
 *   grad.reparam/monte-carlo — one test each per check at α;
 *   stats.iid-sum-variance/normal-fit (DKW, α), normal-independence (72 χ² tests at α/72),
 *   normal-call-means (χ², α), normal-streams (repeats, α; determinism exact), mask-independence
 *   (36 binomial tests at α/36), mask-call-sums (Maurer, α), mask-streams (binomial, α; determinism exact).
 *   dec.temperature/sample-distribution, dec.top-p/sample-nucleus (categorical fit: one binomial test per token at α/V),
 *   pre.mlm/mask-statistics (3 binomial tests at α/3; invariants and determinism exact).
 * A default run (3 checks per property) raises a false alarm with probability ≤ 48·α ≈ 9.2e-9.
 *
 * The list below is checked against the registered claims by test/statistics/budget.test.ts, so
 * adding a statistical property without counting it fails the tests.
 */

/** The default family-wise false-alarm rate of one run (all statistical checks together). */
export const FAMILY_WISE_ALPHA = 1e-6;

/** Every statistical property (`<claim>/<property>`), each performing one test per check. */
export const STATISTICAL_PROPERTIES: readonly string[] = [
  'stats.t-test/normal-mean',
  'stats.t-test/normal-variance',
  'stats.t-test/size',
  'reg.dropout-ridge/mask-rate',
  'reg.dropout-ridge/expected-loss',
  'grad.reparam/monte-carlo',
  // sampling ops tested as distributions (issue 10, item 5)
  'stats.iid-sum-variance/normal-fit',
  'stats.iid-sum-variance/normal-independence',
  'stats.iid-sum-variance/normal-call-means',
  'stats.iid-sum-variance/normal-streams',
  'stats.iid-sum-variance/mask-independence',
  'stats.iid-sum-variance/mask-call-sums',
  'stats.iid-sum-variance/mask-streams',
  // seeded samplers of other domains: dec.sample (categorical goodness of fit), pre.mlm-mask (rates)
  'dec.temperature/sample-distribution',
  'dec.top-p/sample-nucleus',
  'pre.mlm/mask-statistics',
];

/**
 * The most checks (generated inputs) one statistical property may perform in one run within budget.
 * 400 (it was 1000 for 6 properties): 13 properties × 400 checks keep the per-check level at
 * 1e-6/5200 ≈ 1.9e-10, about what it was (1.7e-10); a default run performs 3 checks per property.
 * 325 since issue 14 added three properties: 16 × 325 = 5200 checks, so the per-check level is unchanged.
 */
export const MAX_CHECKS_PER_PROPERTY = 325;

/** The level of each single test: FAMILY_WISE_ALPHA split evenly (Bonferroni) over the counted checks. */
export const ALPHA_PER_CHECK = FAMILY_WISE_ALPHA / (STATISTICAL_PROPERTIES.length * MAX_CHECKS_PER_PROPERTY);

/** Union bound on the false-alarm probability of a run that performs `checks` statistical checks. */
export function familyWiseBound(checks: number): number {
  return checks * ALPHA_PER_CHECK;
}

/** One line for reports. */
export function budgetStatement(): string {
  return `statistical properties: ${STATISTICAL_PROPERTIES.length}, each check a test at level α = ${ALPHA_PER_CHECK.toExponential(2)} ` +
    `(Bonferroni: ${FAMILY_WISE_ALPHA.toExponential(0)} per run over ≤ ${MAX_CHECKS_PER_PROPERTY} checks per property); ` +
    `false alarms of a run with C statistical checks ≤ C·α.`;
}
