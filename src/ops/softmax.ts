/** Ops of the softmax domain. Softmax. */
import { defineOp, tensor } from './schema.js';

export const OPS = [
  defineOp({
    id: 'nn.softmax',
    description: 'softmax(x)_i = exp(x_i) / Σ_j exp(x_j).',
    args: { x: tensor('float', ['n'], { description: 'logits' }) },
    result: tensor('float', ['n']),
    algorithms: [
      { name: 'max-shift-divide', default: true, description: 'm = max x; e_j = exp(x_j − m); p_j = e_j / Σ_k e_k, the sum in any order (sequential, pairwise, SIMD lanes, a wider accumulator).' },
      { name: 'max-shift-reciprocal', default: true, description: 'as max-shift-divide, but p_j = e_j · fl(1/Σ_k e_k) (XNNPACK, most vectorised kernels).' },
      {
        name: 'exp-minus-logsumexp', default: false,
        description: 'p_j = exp(x_j − lse(x)) with lse = m + log Σ_k exp(x_k − m), or exp of the log-softmax (x_j − m) − log Σ_k exp(x_k − m). ' +
          'No division renormalises it, and rounding lse ≈ m costs |max x|·u in every exponent (at [2040, 2030, 0] in float64, 2040·u against the 10·u of the shifted forms), ' +
          'so the default bound does not cover it: declare `profile.algorithms = { "nn.softmax": "exp-minus-logsumexp" }` to be judged with its own bound (softmaxBounds, src/numerics/bounds.ts).',
      },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.2, description: 'float32 logits in [−60, 60], short-mantissa values and near-ties; n from 1 to 64 (64 in ≥ 1/8 of the draws).' },
      { name: 'ties', minShare: 0.08, description: 'two distinct values with the maximum repeated; a quarter of them all equal with n a power of two (exact-friendly).' },
      { name: 'extreme-low', minShare: 0.08, description: 'every logit below −104.5: exp(x) underflows to 0 in float32 without the max shift.' },
      { name: 'extreme-high', minShare: 0.08, description: 'one logit in [89, 20000]: exp(x) overflows in float32 (and above 709.8 in float64) without the max shift.' },
      { name: 'large-offset', minShare: 0.08, description: 'a common offset ±2^k, k = 10…20, plus a spread within ±255: shifted forms are unaffected, exp(x − lse) loses |max x|·u.' },
      { name: 'wide-spread', minShare: 0.08, description: 'logits within ±200 mixed with values in [−120, −80]: probabilities underflow to subnormals and to 0.' },
      { name: 'float64-only', minShare: 0.08, description: 'doubles with full 53-bit significands (half on an offset 2^k + 0.5, k = 10…30); rounded to float32 in float32 runs.' },
      { name: 'realistic', minShare: 0.03, description: 'vocabulary-sized rows, n from 1000 to 2048 (2048 in ≥ 1/4 of them).' },
    ],
    exactFriendly: 'Equal logits with n a power of two: every shifted algorithm computes exp(0) = 1, the sum n and 1/n exactly (in the `ties` class). ' +
      'Otherwise zero error is impossible: exp of a non-zero rational is irrational (Lindemann–Weierstrass), so some rounding always remains.',
  }),
] as const;
