/** Ops of the optimisation domain. Optimisation: gradient descent. */
import { defineOp, tensor, number, integer } from './schema.js';

export const OPS = [
  defineOp({
    id: 'opt.gd-steps',
    description: 'steps iterations of gradient descent on ‖y − diag(σ)w‖² from w0: w ← w + 2η·σ⊙(y − σ⊙w) (equivalently (1 − 2ησ²)⊙w + 2ησ⊙y), coordinate-wise.',
    args: {
      sigma: tensor('float', ['k'], { description: 'σ, the diagonal' }),
      y: tensor('float', ['k']),
      w0: tensor('float', ['k'], { description: 'starting point' }),
      eta: number({ description: 'step size η' }),
      steps: integer({ minimum: 0 }),
    },
    result: tensor('float', ['k'], { description: 'w after `steps` steps' }),
    algorithms: [
      { name: 'residual', default: true, description: 'w + 2ησ(y − σw), with or without 2ησ hoisted, FMA or not.' },
      { name: 'affine', default: true, description: '(1 − 2ησ²)w + 2ησy, the two constants hoisted or recomputed each step.' },
      { name: 'gradient', default: true, description: 'w − η∇ with ∇ = −2σ(y − σw) (autograd of ((y − σw)²).sum() plus an SGD step), or the matrix form w + 2ηΣᵀ(y − Σw) with Σ = diag(σ) as a full matrix (the zeros add nothing: x + 0 is exact, so summation order is irrelevant).' },
    ],
    inputClasses: [
      { name: 'small', minShare: 0.35, description: 'k 1–6, |σ_i| ∈ [1/8, 4] with random signs, y, w0 ∈ [−10, 10], η = θ/σ_max² (θ ∈ [0.01, 0.95]), 0–25 steps' },
      { name: 'long', minShare: 0.1, description: 'k 1–64 and 26–200 steps (both maxima reached)' },
      { name: 'float64-only', minShare: 0.15, description: 'k 1–6, σ, y, w0, η doubles with full 53-bit significands (rounded in float32 runs), 0–40 steps' },
      { name: 'exact-dyadic', minShare: 0.15, description: 'σ_i = ±2^{a − j_i}, η = 2^{−2a−1} (2ησ_i² = 4^{−j_i}), y, w0 = odd·2^e with few bits, 0–6 steps (¾ of them) or 7–40; about 60 % are certified exact in float32 on every coordinate' },
      { name: 'oscillating', minShare: 0.02, description: 'θ ∈ [0.9, 0.999]: the factor 1 − 2ησ_max² ∈ [−0.998, −0.8], sign-alternating iterates' },
    ],
    exactFriendly: 'exact-dyadic class: powers of two σ and η and few-bit y, w0; whenever every intermediate of every listed form (σw, y − σw, 2ησ(y − σw), 1 − 2ησ², (1 − 2ησ²)w, 2ησ²w, 2ησy, w′) is 0 or a normal float of the dtype at every step (gdStepsFloat in src/oracles/optimisation.ts), no operation rounds and the bound is 0: step-count, sign and scale bugs show at any size.',
  }),
] as const;
