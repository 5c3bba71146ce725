/** Ops of the normalisation domain. Normalisation layers: layer norm forward, batch-norm backward. */
import { defineOp, tensor, number, object } from './schema.js';

export const OPS = [
  defineOp({
    id: 'norm.layernorm',
    description: 'y = γ ⊙ (x − μ)/√(σ² + ε) + β over the last axis, σ² the biased (1/D) variance.',
    args: {
      x: tensor('float', ['N', 'D'], { description: 'N rows normalised independently' }),
      gamma: tensor('float', ['D'], { description: 'scale γ' }),
      beta: tensor('float', ['D'], { description: 'shift β' }),
      eps: number({ minimum: 0, description: 'ε, added to the variance inside the square root' }),
    },
    result: tensor('float', ['N', 'D']),
    algorithms: [
      { name: 'two-pass', default: true, description: 'μ = Σx/D (any summation order), σ² = Σ(x − μ)²/D, then (x − μ)/√(σ² + ε)·γ + β (TensorFlow, tfjs).' },
      { name: 'welford', default: true, description: "moments by Welford's update or pairwise Chan merges in any order and tree (PyTorch's RowwiseMoments: per-lane Welford, merged), any of the output forms." },
      { name: 'fused-rstd', default: true, description: 'rstd = 1/√(σ² + ε) or rsqrt(σ² + ε) (within the elementary allowance), y = (x − μ)·rstd·γ + β, or PyTorch CPU’s (x·rstd + (−μ·rstd))·γ + β, or with fma.' },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.2, description: 'N ≤ 4 rows, D from 1 to 64 (64 in ≥ 1/8 of the draws), spreads 10⁻³…100, offsets 0, 1000, 4096, −30000, ε from 10⁻¹² to 10⁻².' },
      { name: 'large-offset', minShare: 0.12, description: 'rows on an offset 2^k(1 + j/8), k = 12…20, j = −4…7, spread ≤ 64: a one-pass variance E[x²] − μ² cancels catastrophically.' },
      { name: 'float64-only', minShare: 0.07, description: 'doubles with full 53-bit significands, some on offsets 2^10…2^30 (rounded to float32 in float32 runs).' },
      { name: 'exact-friendly', minShare: 0.12, description: 'one row of D = 2^k integers (k = 2…12, D = 4096 in ≥ 1/8 of them) with mean 0 and ε chosen so that σ² + ε = s², s a 12-bit dyadic; γ, β powers of two or 0.' },
      { name: 'realistic', minShare: 0.07, description: 'rows of width D from 768 to 4096 (4096 in ≥ 1/4 of them), ε = 10⁻⁵, 10⁻⁶ or 10⁻¹².' },
      { name: 'small-variance', minShare: 0.07, description: 'σ ≪ √ε: rows 1 + O(2⁻¹⁶) with ε from 10⁻³ to 10⁻¹, the ε term dominates.' },
      { name: 'ties', minShare: 0.03, description: 'constant rows (σ = 0): the output is β.' },
      { name: 'extreme-magnitude', minShare: 0.07, description: 'rows scaled by 2^±20 or 2^±40.' },
    ],
    exactFriendly: 'The exact-friendly class: integer rows with mean 0, D a power of two and σ² + ε = s² for a dyadic s, γ and β powers of two or 0: in the two-pass and fused-rstd forms every mean, deviation, square, sum, ' +
      'σ² + ε and √ is exact and only the last three operations round. Zero error is impossible for Welford (its running means Σ_{i≤k}x_i/k are not dyadic), so the conformance bound stays the worst case over the algorithms; ' +
      'convention bugs of size ε are caught at any D instead by the scale-covariance property LN(2^j x; 4^j ε) = LN(x; ε), which every algorithm built from +, −, ×, ÷, √ satisfies exactly (ε outside the root changes the output by ≈ 2^j ε/σ).',
  }),
  defineOp({
    id: 'bn.backward',
    description: 'Gradients of L = Σ dy ⊙ y for training-mode batch norm over the batch axis, y = γ(x − μ)/√(σ² + ε) + β with μ, σ² the batch mean and biased (1/N) variance per feature, computed by automatic differentiation (tfjs: tf.grads of the forward written with mean, sub, square, sqrt, div, mul, add).',
    args: {
      x: tensor('float', ['N', 'D'], { description: 'batch × features' }),
      gamma: tensor('float', ['D']),
      beta: tensor('float', ['D']),
      dy: tensor('float', ['N', 'D'], { description: '∂L/∂y' }),
      eps: number({ minimum: 0, description: 'ε inside the square root' }),
    },
    algorithms: [
      { name: 'autodiff', default: true, description: 'reverse-mode differentiation of the forward graph (mean, sub, square, mean, add ε, sqrt, div, mul, add): tfjs tf.grads.' },
      { name: 'staged', default: true, description: 'PyTorch CPU: invstd = 1/√(σ² + ε), P = Σ(x − μ)dy, k = P·invstd²/N, dx = (dy − (x − μ)k − Σdy/N)·invstd·γ, dγ = P·invstd, dβ = Σdy.' },
      { name: 'fused', default: true, description: 'the closed form with its coefficient first: dx = (γ·invstd/N)·(N·dy − Σdy − x̂·Σ(dy·x̂)) (a tiny γ makes the coefficient subnormal; the bound carries its amplified absolute error).' },
      { name: 'mean-form', default: true, description: 'dx = γ·invstd·(dy − mean(dy) − x̂·mean(dy·x̂)) (cuDNN-style); every form with two-pass or Welford batch moments.' },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.2, description: 'N from 2 to 32 (32 in ≥ 1/8 of the draws), D ≤ 4, scales 0.1, 1, 10, offsets 0, 3, −50.' },
      { name: 'large-offset', minShare: 0.1, description: 'columns on an offset 2^k(1 + j/8), k = 8…16, j = −4…7, spread ≤ 16.' },
      { name: 'tiny-gamma', minShare: 0.07, description: '|γ| from 2⁻¹⁵⁰ to 2⁻¹⁰²: γ·invstd/N underflows in the fused form.' },
      { name: 'float64-only', minShare: 0.07, description: 'x, dy and γ doubles with full 53-bit significands (rounded to float32 in float32 runs).' },
      { name: 'small-variance', minShare: 0.07, description: 'σ² ≪ ε: columns 1 + O(2⁻¹²) with ε = 10⁻³ or 10⁻¹.' },
      { name: 'realistic', minShare: 0.07, description: 'batches of N from 64 to 256 (256 in ≥ 1/4 of them), D from 4 to 16 features.' },
      { name: 'extreme-magnitude', minShare: 0.03, description: 'columns scaled by 2^±30.' },
      { name: 'ties', minShare: 0.07, description: 'columns of two values (often constant: σ = 0, ε alone normalises).' },
    ],
    exactFriendly: 'None: x̂ = (x − μ)/√(σ² + ε) rounds in every algorithm unless √(σ² + ε) is a power of two, and the backward forms then differ in how that rounding propagates. ' +
      'The bound is the worst case over the algorithms above; wrong conventions (ε placement, biased/unbiased variance, missing terms) show in the small-variance, ties and mixed classes.',

    result: object({
      dx: tensor('float', ['N', 'D'], { description: '∂L/∂x' }),
      dgamma: tensor('float', ['D'], { description: '∂L/∂γ' }),
      dbeta: tensor('float', ['D'], { description: '∂L/∂β' }),
    }),
  }),
] as const;
