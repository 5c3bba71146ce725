/** Ops of the sampling domain. Seeded samplers (checked as distributions, no golden fixtures). */
import { defineOp, tensor, integer, number } from './schema.js';

export const OPS = [
  defineOp({
    id: 'random.normal',
    sampling: true,
    description: 'n samples, intended iid N(mean, std²), deterministic given the integer seed (tfjs: tf.randomNormal([n], mean, std, dtype, seed)): ' +
      'the same arguments must give the same values, and calls with different seeds must behave as independent draws. ' +
      'Checked as a distribution (src/statistics/, claims stats.t-test, grad.reparam, stats.iid-sum-variance): exact z-test on the mean, χ² (Laurent–Massart) on Σ(x−mean)², ' +
      'the size of simulated t-tests, DKW goodness of fit with proved Φ enclosures, independence of pairs at lags 1…8192 and across adjacent seeds, ' +
      'the scatter of the means of 128 calls (χ²₁₂₈), determinism (the same call twice) and repeated values (short periods, overlapping streams); ' +
      'each check at the per-check level of the family-wise budget (src/statistics/budget.ts). A sample may differ from an exact normal draw X by 2⁻²⁰(|X| + |mean|).',
    args: {
      n: integer({ minimum: 0, dim: 'n', description: 'number of samples' }),
      mean: number(),
      std: number({ minimum: 0 }),
      seed: integer({ description: 'the samples are a function of the arguments' }),
    },
    result: tensor('float', ['n']),
    algorithms: [
      { name: 'box-muller', default: true, description: 'z = √(−2 ln u₁)·(cos 2πu₂, sin 2πu₂) from two uniforms (PyTorch CPU, cuRAND).' },
      { name: 'marsaglia-polar', default: true, description: 'v uniform in the unit disc by rejection, z = v·√(−2 ln s/s), s = |v|² (tfjs, NumPy RandomState).' },
      { name: 'ziggurat', default: true, description: 'Marsaglia–Tsang ziggurat with tail and wedge rejection (NumPy Generator, Julia).' },
      { name: 'inverse-cdf', default: true, description: 'z = Φ⁻¹(u) for u uniform on an open grid, Φ⁻¹ accurate to a few ulps (JAX uses √2·erfinv(2u − 1)).' },
    ],
    inputClasses: [
      { name: 'long call', minShare: 0.85, description: 'one call of n ≥ 16 384 values (20 000 for the moment tests, 16 384 for the fit and the lag pairs, 36 864 for the period test, up to 72 000 for simulated t-tests).' },
      { name: 'standard', minShare: 0.25, description: '(mean, std) = (0, 1): the reparameterisation gradient and the repeated-values pool.' },
      { name: 'location-scale', minShare: 0.8, description: 'mean ∈ {1.5, −3, 0.25, fl32(0.3)} or std ∈ {0.5, 2, 0.125, fl32(1.7)} (not both standard).' },
      { name: 'non-dyadic parameters', minShare: 0.15, description: 'mean = fl32(0.3) or std = fl32(1.7): float32 values that are not short dyadics.' },
      { name: 'consecutive seeds', minShare: 0.35, description: 'calls at seeds s, s + 1, … (2 to 129 calls; 128 calls of 128 values for the scatter of the means).' },
      { name: 'replicated call', minShare: 0.12, description: 'the same arguments twice (determinism for a given seed; on the gate, a second item of the batch).' },
    ],
    exactFriendly: 'Not applicable: the output is random, so there is no exact value to compare with — only a distribution. ' +
      'The tests are exact instead: the null distributions (N(μ, σ²/n) for the mean, χ² for sums of squares, the DKW bound for the empirical CDF, binomial counts, McDiarmid for repeats) ' +
      'hold for every n, and every critical value is proved (erfR, logR) or rounded up; rounding and algorithm differences enter only through the stated 2⁻²⁰ allowance.',
  }),
  defineOp({
    id: 'random.bernoulli-mask',
    sampling: true,
    description: 'n values in {0, 1}, intended iid Bernoulli(p) (1 = kept; a dropout mask WITHOUT the 1/p rescale), deterministic given the seed ' +
      '(tfjs: tf.randomUniform([n], 0, 1, float32, seed) < p): the same arguments must give the same mask, and calls with different seeds must behave as independent draws. ' +
      'Every value must be exactly 0 or 1. Checked as a distribution: the keep rate (Chernoff–KL binomial test, proved critical counts), the dropout expectation (Hoeffding), ' +
      'independence of pairs at lags 1…8192 and across adjacent seeds, the scatter of the numbers of ones of 192 calls (Var S = np(1 − p)), determinism and agreement across seeds. ' +
      'The keep probability may differ from p by 2⁻²² (float32 uniforms).',
    args: {
      n: integer({ minimum: 0, dim: 'n', description: 'number of values' }),
      p: number({ minimum: 0, maximum: 1, description: 'keep probability' }),
      seed: integer(),
    },
    result: tensor('float', ['n'], { description: 'each exactly 0 or 1 (a value rule, checked by the properties)' }),
    algorithms: [
      { name: 'uniform-threshold', default: true, description: 'm_i = [u_i < p] for uniforms u_i (tfjs, NumPy, PyTorch, JAX).' },
      { name: 'geometric-skip', default: true, description: 'the positions of the ones by Geometric(p) gaps ⌊ln U/ln(1 − p)⌋ (sparse masks; no uniform per entry).' },
    ],
    inputClasses: [
      { name: 'long mask', minShare: 0.6, description: 'one call of n ≥ 12 000 entries (65 536 for the rate, 12 000·(nd) for the dropout expectation, 16 384 for the lag pairs).' },
      { name: 'p = 1/2', minShare: 0.15, description: 'the keep probability where the rate test is weakest (largest variance).' },
      { name: 'extreme rates', minShare: 0.45, description: 'p ∈ {1/8, 7/8, fl32(0.1), fl32(0.9)}.' },
      { name: 'non-dyadic rates', minShare: 0.2, description: 'p ∈ {fl32(0.9), fl32(0.1), fl32(0.8)}: common dropout rates rounded to float32.' },
      { name: 'consecutive seeds', minShare: 0.6, description: 'calls at seeds s, s + 1, … (2 to 193 calls; 192 masks of 128 for the scatter of the counts).' },
      { name: 'replicated call', minShare: 0.2, description: 'the same arguments twice (determinism for a given seed).' },
    ],
    exactFriendly: 'Not applicable: the mask is random, so there is no exact output — only a distribution. The tests are exact instead (binomial tails with proved critical counts, ' +
      'Hoeffding and Maurer bounds valid for every n); the keep probability enters with the stated 2⁻²² allowance.',
  }),
] as const;
