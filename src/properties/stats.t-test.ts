/**
 * stats.t-test — under H0 (X_1..X_n iid N(μ0, σ²)) the statistic t = (x̄ − μ0)/(s/√n) has
 * Student's t distribution with n − 1 degrees of freedom; hence the two-sided test "reject when
 * |t| > c" has size P(|T_{n−1}| > c), computed EXACTLY for even n − 1 (src/oracles/statistics.ts).
 * Seed 000_1c190711b4cfcedd.txt, line 170: "t = \frac{\bar{x} - \mu_0}{s/\sqrt{n}}" … "which has
 * t -distribution with $n - 1$ degrees of freedom".
 *
 * Statistical properties (src/statistics/): the implementation's seeded `random.normal` is tested
 * (exact z-test on the mean, Laurent–Massart χ² test on the spread) and then used to simulate
 * t-tests whose rejection frequency must match the exact size (Hoeffding). Each check is one test
 * at level ALPHA_PER_CHECK (src/statistics/budget.ts): false alarms ≤ 1e-6 per run.
 */

/** Samples per check of the moment tests. */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { sqrtR } from '../numerics/precise.js';
import { tTestSize, tDensityCheck, tTwoSidedCdf } from '../oracles/statistics.js';
import { ALPHA_PER_CHECK } from '../statistics/budget.js';
import { gaussianMeanTest, chiSquareVarianceTest, hoeffdingTest, type TestResult } from '../statistics/tests.js';

export const NORMAL_N = 20000;
/** Simulated t-tests per check of the size property. */
export const T_REPLICATES = 8000;

const U32 = 2 ** -24, U64 = 2 ** -53;

export interface NormalInput { seed: number; mean: number; std: number }
export const normalArb: fc.Arbitrary<NormalInput> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  mean: fc.constantFrom(0, 1.5, -3, 0.25),
  std: fc.constantFrom(1, 0.5, 2, 0.125),
});

function outcome(t: TestResult): Outcome {
  return { ok: !t.reject, ratio: t.ratio, detail: t.detail };
}

function sample(impl: Implementation, n: number, mean: number, std: number, seed: number): number[] | string {
  const x = impl.ops['random.normal']!({ n, mean, std, seed }) as ArrayLike<number>;
  if (!x || x.length !== n) return `random.normal returned ${x?.length} values, expected ${n}`;
  for (let i = 0; i < n; i++) if (!Number.isFinite(x[i]!)) return `random.normal returned ${x[i]} at index ${i}`;
  return Array.from(x);
}

/**
 * Exact z-test: x̄ of n iid N(μ, σ²) is N(μ, σ²/n). Slack: the float64 sum (γ_n Σ|x|/n) plus three
 * float32 roundings per sample (μ + σz evaluated in float32: 3·2^-24·Σ|x|/n).
 */
export function checkNormalMean(inp: NormalInput, impl: Implementation, alpha = ALPHA_PER_CHECK): Outcome {
  const x = sample(impl, NORMAL_N, inp.mean, inp.std, inp.seed);
  if (typeof x === 'string') return { ok: false, detail: x };
  let s = 0, sa = 0;
  for (const v of x) { s += v; sa += Math.abs(v); }
  const n = x.length;
  const slack = (3 * U32 + 1.01 * n * U64) * sa / n;
  return outcome(gaussianMeanTest({ mean: s / n, n, mu: inp.mean, sigma: inp.std, alpha, slack }));
}

/** χ² test on Q = Σ(x − μ)²/σ² ~ χ²_n (Laurent–Massart); slack covers float32 sample rounding and the float64 sum. */
export function checkNormalVariance(inp: NormalInput, impl: Implementation, alpha = ALPHA_PER_CHECK): Outcome {
  const x = sample(impl, NORMAL_N, inp.mean, inp.std, inp.seed);
  if (typeof x === 'string') return { ok: false, detail: x };
  let ss = 0, slackAbs = 0;
  for (const v of x) {
    const d = v - inp.mean;
    const e = 3 * U32 * Math.abs(v);
    ss += d * d;
    slackAbs += 2 * Math.abs(d) * e + e * e;
  }
  const n = x.length, s2 = inp.std * inp.std;
  const slack = (slackAbs + 1.01 * (n + 3) * U64 * ss) / s2 * 1.01;
  return outcome(chiSquareVarianceTest({ ss, n, sigma: inp.std, alpha, slack }));
}

export interface SizeInput { seed: number; nu: number; s: Rational; mu0: number; sigma: number }

/** Rational s = c/√(c² + ν) per ν giving sizes near 0.05 / 0.1 / 0.2 (the exact size is computed). */
const S_CHOICES: Record<number, Rational[]> = {
  2: [Rational.of(19, 20), Rational.of(9, 10), Rational.of(4, 5)],
  4: [Rational.of(81, 100), Rational.of(3, 4), Rational.of(13, 20)],
  6: [Rational.of(3, 4), Rational.of(11, 16), Rational.of(19, 32)],
  8: [Rational.of(7, 10), Rational.of(5, 8), Rational.of(1, 2)],
};
export const sizeArb: fc.Arbitrary<SizeInput> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  nu: fc.constantFrom(2, 4, 6, 8),
  k: fc.integer({ min: 0, max: 2 }),
  mu0: fc.constantFrom(0, 1.5, -3),
  sigma: fc.constantFrom(1, 0.5, 2),
}).map(({ seed, nu, k, mu0, sigma }) => ({ seed, nu, s: S_CHOICES[nu]![k]!, mu0, sigma }));

/** Relative margin around c² inside which a replicate's decision is treated as undecidable (float32 samples, float64 arithmetic). */
const AMBIGUITY = 1e-6;

/**
 * Simulates T_REPLICATES t-tests of H0: μ = μ0 on n = ν + 1 samples of the implementation's
 * N(μ0, σ²) and tests H0: P(reject) = size (exact, or `claim` for the power test) with Hoeffding
 * on the rejection indicators. Replicates with t² within a relative 1e-6 of c² count as
 * undecidable and widen the critical value by their frequency.
 */
export function checkTTestSize(inp: SizeInput, impl: Implementation, claim?: { c2: number; size: number; label: string }, alpha = ALPHA_PER_CHECK): Outcome {
  const m = inp.nu + 1, K = T_REPLICATES;
  const exact = tTestSize(inp.nu, inp.s);
  const c2 = claim ? claim.c2 : exact.c2.toFloat64();
  const size = claim ? claim.size : exact.size.toFloat64();
  const x = sample(impl, K * m, inp.mu0, inp.sigma, inp.seed);
  if (typeof x === 'string') return { ok: false, detail: x };
  let rejects = 0, ambiguous = 0;
  for (let r = 0; r < K; r++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += x[r * m + i]!;
    const mean = s / m;
    let ss = 0;
    for (let i = 0; i < m; i++) { const d = x[r * m + i]! - mean; ss += d * d; }
    const t2 = ss > 0 ? m * (mean - inp.mu0) ** 2 / (ss / (m - 1)) : Infinity;
    if (Math.abs(t2 - c2) <= AMBIGUITY * c2) ambiguous++;
    else if (t2 > c2) rejects++;
  }
  const t = hoeffdingTest({
    mean: rejects / K, n: K, lo: 0, hi: 1, target: size, alpha, slack: ambiguous / K,
    what: `rejection frequency of the ν = ${inp.nu} t-test (c² = ${c2.toPrecision(8)}, ${claim ? claim.label : `exact size ${exact.size.toDecimal(8)}`}; ${ambiguous} undecidable)`,
  });
  return outcome(t);
}

/** P(|T_ν| > c) for a rational c² (any c: s = √(c²/(c² + ν)) enclosed rigorously). */
export function tSizeForC2(nu: number, c2: Rational): { lo: Rational; hi: Rational } {
  const s = sqrtR(c2.div(c2.add(Rational.fromInt(nu))), 96);
  // P(|T| ≤ c) is increasing in s ∈ [0, 1]
  return { lo: Rational.ONE.sub(tTwoSidedCdf(nu, s.hi)), hi: Rational.ONE.sub(tTwoSidedCdf(nu, s.lo)) };
}

export const claim: ClaimModule = {
  id: 'stats.t-test',
  properties: [
    {
      name: 'closed-form',
      kind: 'identity',
      description: 'The even-ν closed form P(|T_ν| ≤ t) = s·Σ c_k(1−s²)^k, s = t/√(t²+ν), is Student’s t: its derivative in s equals 2q_ν(1−s²)^{ν/2−1} exactly (the t density pulled back), and it vanishes at 0.',
      arbitrary: fc.record({ nu: fc.constantFrom(2, 4, 6, 8, 10, 12), a: fc.integer({ min: 0, max: 999 }), b: fc.integer({ min: 1000, max: 4000 }) }),
      runs: 60,
      check: ({ nu, a, b }) => {
        const s = Rational.of(a, b);
        const { lhs, rhs } = tDensityCheck(nu, s);
        if (!lhs.eq(rhs)) return { ok: false, detail: `ν = ${nu}, s = ${s}: dP/ds = ${lhs} ≠ 2q(1−s²)^{ν/2−1} = ${rhs}` };
        if (!tTwoSidedCdf(nu, Rational.ZERO).isZero()) return { ok: false, detail: 'P(|T| ≤ 0) ≠ 0' };
        return { ok: true };
      },
    },
    {
      name: 'normal-mean',
      kind: 'conformance',
      description: `random.normal: exact z-test of the sample mean of ${NORMAL_N} samples (x̄ ~ N(μ, σ²/n)), critical value from a proved erfc bound, level ALPHA_PER_CHECK (src/statistics/budget.ts).`,
      arbitrary: normalArb,
      ops: ['random.normal'],
      runs: 3,
      check: (inp, impl) => checkNormalMean(inp, impl!),
    },
    {
      name: 'normal-variance',
      kind: 'conformance',
      description: `random.normal: Σ(x−μ)²/σ² of ${NORMAL_N} samples against χ²_n with the Laurent–Massart tail bounds, level ALPHA_PER_CHECK.`,
      arbitrary: normalArb,
      ops: ['random.normal'],
      runs: 3,
      check: (inp, impl) => checkNormalVariance(inp, impl!),
    },
    {
      name: 'size',
      kind: 'conformance',
      description: `${T_REPLICATES} simulated one-sample t-tests (n = ν + 1 ∈ {3, 5, 7, 9} samples of random.normal under H0) reject with the exact size P(|T_{n−1}| > c): Hoeffding test on the rejection frequency, level ALPHA_PER_CHECK.`,
      arbitrary: sizeArb,
      ops: ['random.normal'],
      runs: 3,
      check: (inp, impl) => checkTTestSize(inp, impl!),
    },
  ],
  audit: () => {
    const e2 = tTestSize(2, Rational.of(19, 20));
    const e4 = tTestSize(4, Rational.of(81, 100));
    const z2 = Rational.parse('3.8416'); // 1.96²
    const n3 = tSizeForC2(2, z2), n5 = tSizeForC2(4, z2);
    const dens = [2, 4, 6, 8].every((nu) => { const r = tDensityCheck(nu, Rational.of(1, 3)); return r.lhs.eq(r.rhs); });
    return [
      {
        id: 'stats.t-test',
        verdict: dens && e2.size.eq(Rational.of(1, 20)) ? 'confirmed' : 'refuted',
        evidence: `Reading: X_i iid N(μ0, σ²) (H0 true, normal data — the notes do not say so at 000:170). Then t ~ t_{n−1} and the test |t| > c has ` +
          `size P(|T_{n−1}| > c), exact for even n−1: n = 3, c² = ${e2.c2} (c ≈ ${Math.sqrt(e2.c2.toFloat64()).toFixed(4)}): size = ${e2.size}; ` +
          `n = 5, c² = ${e4.c2} (c ≈ ${Math.sqrt(e4.c2.toFloat64()).toFixed(4)}): size = ${e4.size} ≈ ${e4.size.toDecimal(6)}. ` +
          `The degrees of freedom matter: the normal critical value 1.96 has size ∈ [${n3.lo.toDecimal(6)}, ${n3.hi.toDecimal(6)}] at n = 3 and ` +
          `[${n5.lo.toDecimal(6)}, ${n5.hi.toDecimal(6)}] at n = 5, not 0.05. Simulated tfjs t-tests match the exact sizes (property size).`,
      },
    ];
  },
};
