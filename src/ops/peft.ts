/** Ops of the peft domain (Parameter-efficient fine-tuning: LoRA, adapters, (IA)³, prefix tuning). */
import { defineOp, tensor, number } from './schema.js';

export const OPS = [
  defineOp({
    id: 'peft.lora-merge',
    description: 'LoRA merge W = W₀ + (α/r)·B·A with W₀ ∈ R^{d×k}, B ∈ R^{d×r}, A ∈ R^{r×k} (r = rows of A). The unmerge is the same op with −α.',
    args: {
      w0: tensor('float', ['d', 'k'], { description: 'frozen pre-trained weight W₀' }),
      b: tensor('float', ['d', 'r'], { description: 'LoRA factor B' }),
      a: tensor('float', ['r', 'k'], { description: 'LoRA factor A' }),
      alpha: number({ description: 'α; the update is scaled by α/r' }),
    },
    result: tensor('float', ['d', 'k']),
    algorithms: [
      { name: 'staged', default: true, description: 'fl(α/r), P = B·A (any summation order, GEMM), then W₀ + s·P (PEFT’s merge: delta_weight = B @ A * scaling; weight += delta_weight).' },
      { name: 'scale-first', default: true, description: '(s·B)·A or B·(s·A), then + W₀; or (α·B)·A / r: at most r + 2 roundings per term, the same bound.' },
      { name: 'fused-gemm', default: true, description: 'one GEMM with β = 1 accumulating onto W₀ (addmm(W₀, B, A, alpha = s)): W₀ joins the dot product, γ_{r+3} on Σ|sBA| + |W₀|.' },
    ],
    inputClasses: [
      { name: 'small', minShare: 0.25, description: 'd, k 1–8, r 1–4, entries of scale 1, 100 or 10⁻³ (mixed magnitudes), α ∈ {1, 2, 8, 16, 32} or any float' },
      { name: 'realistic', minShare: 0.03, description: 'd, k 64–128 (128 reached), r ∈ {4, 8, 16}, α ∈ {8, 16, 32}, B and A of scale 10⁻²' },
      { name: 'rank-one', minShare: 0.05, description: 'r = 1 (α/r = α)' },
      { name: 'non-dyadic-scale', minShare: 0.1, description: 'r ∈ {3, 5, 6, 7, 12}: α/r is not a float (the scale rounds)' },
      { name: 'zero-b', minShare: 0.05, description: 'B = 0 (the LoRA initialisation): the result is W₀ exactly' },
      { name: 'cancellation', minShare: 0.1, description: 'W₀ ≈ −(α/r)BA on some entries: the merged entry is small against its terms' },
      { name: 'float64-only', minShare: 0.1, description: 'full 53-bit entries (rounded in float32 runs)' },
    ],
    exactFriendly: 'The zero-b class: B = 0 gives W₀ exactly for every algorithm; small-integer entries with r a power of two and α a power of two are exact too (every product and sum representable).',
  }),
] as const;
