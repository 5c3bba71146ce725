/** Ops of the statistics domain. Descriptive statistics. */
import { defineOp, tensor, oneOf, float } from './schema.js';

export const OPS = [
  defineOp({
    id: 'stats.variance',
    description: 'Σ(x_i − x̄)² / (n − correction); correction 1 is the unbiased S², 0 the biased (maximum-likelihood) variance.',
    args: {
      x: tensor('float', ['n'], { description: 'the sample' }),
      correction: oneOf([0, 1], '1: divide by n − 1 (unbiased S²); 0: divide by n'),
    },
    result: float('the variance; NaN when n − correction ≤ 0'),
    algorithms: [
      { name: 'two-pass', default: true, description: 'x̄ = Σx/n (any summation order), then Σ(x − x̄)², divided by n − c or multiplied by its rounded reciprocal (NumPy, TensorFlow).' },
      { name: 'welford', default: true, description: "Welford's update M += (x − M)/k, S += (x − M_old)(x − M_new), one pass in any order (PyTorch's WelfordOps)." },
      { name: 'pairwise-merge', default: true, description: 'Chan–Golub–LeVeque merges of partial (n, M, S) in any tree: pairwise, cascaded, SIMD lanes merged at the end (PyTorch RowwiseMoments).' },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.2, description: 'float32 values within ±1000, short mantissas and near-ties; n from 2 to 64 (64 in ≥ 1/8 of the draws).' },
      { name: 'large-offset', minShare: 0.12, description: 'a common offset ±2^k(1 + j/8), k = 10…20, j = −4…7, with a spread of at most 4: the one-pass E[x²] − E[x]² cancels catastrophically.' },
      { name: 'float64-only', minShare: 0.12, description: 'doubles with full 53-bit significands on an offset of 2^10…2^40 (rounded to float32 in float32 runs): float64 cancellation shows.' },
      { name: 'exact-friendly', minShare: 0.12, description: 'integers within ±16 on an offset ±2^k (k ≤ 12), n a power of two, Σ(x − offset) ≡ 0 (mod n).' },
      { name: 'ties', minShare: 0.08, description: 'two distinct values, often all equal (variance 0).' },
      { name: 'extreme-magnitude', minShare: 0.08, description: 'values scaled by 2^−60, 2^−30, 2^30 or 2^40: squares underflow to subnormals or need most of the float32 exponent range (never overflow).' },
      { name: 'realistic', minShare: 0.08, description: 'n from 1000 to 4096 (4096 in ≥ 1/4 of them), sometimes on an offset of 100 or 2^12.' },
    ],
    exactFriendly: 'The exact-friendly class (integers within ±16 on an offset 2^k, n a power of two, integer mean): in the two-pass algorithm and in pairwise merges of power-of-two blocks every mean, ' +
      'deviation, square and partial sum is exact, only the final division rounds. Zero error is impossible for Welford: its running means Σ_{i≤k}x_i/k are not dyadic (k = 3), so the bound there stays the worst case.',
  }),
] as const;
