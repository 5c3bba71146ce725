/** Ops of the attention domain. Attention: scaled dot-product attention. */
import { defineOp, tensor, boolean } from './schema.js';

export const OPS = [
  defineOp({
    id: 'attn.sdpa',
    description: 'Scaled dot-product attention softmax(QKᵀ/√d)V; with causal = true, query t attends to keys s ≤ t (requires T = S).',
    args: {
      q: tensor('float', ['T', 'd'], { description: 'queries, one per row' }),
      k: tensor('float', ['S', 'd'], { description: 'keys, one per row' }),
      v: tensor('float', ['S', 'e'], { description: 'values, one per row' }),
      causal: boolean('mask keys s > t (a query attends to itself and earlier positions)'),
    },
    result: tensor('float', ['T', 'e']),
    constraints: [{ text: 'T = S when causal', holds: (d, a) => !a['causal'] || d['T'] === d['S'] }],
    algorithms: [
      { name: 'standard', default: true, description: 'scores QKᵀ (dot products in any order, FMA or not), scaled by dividing by fl(√d), multiplying by fl(1/√d), or with Q pre-scaled by fl(1/√d); masked scores set to −∞ or a large negative value; a default softmax (nn.softmax: max shift, divide or reciprocal); then the product with V.' },
      { name: 'deferred-normalisation', default: true, description: 'flash-style with the row maximum known: exp(s − m), then (Σ_j e_j v_j) / Σ_j e_j — one division at the end (the math path of memory-efficient kernels, PyTorch CPU flash attention while S fits one key block).' },
      {
        name: 'online-softmax', default: false,
        description: 'the deferred form with a running maximum over key blocks, rescaling both accumulators by exp(m_old − m_new) at each new maximum: up to S − 1 extra exp evaluations and roundings per term, ' +
          'so declare `profile.algorithms = { "attn.sdpa": "online-softmax" }` to be judged with its own bound (attentionRowBounds, src/numerics/bounds.ts).',
      },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.2, description: 'T, S from 1 to 16, d from 1 to 32 (each reaching its maximum in ≥ 1/8 of the draws), e ≤ 4, entries within ±1, ±4 or ±16, causal or not.' },
      { name: 'one-hot', minShare: 0.1, description: 'exact-friendly: one-hot queries and keys with d = 16 or 64, each query on the axis of one allowed key, score gap ≥ 1024: every algorithm returns that key’s value row exactly.' },
      { name: 'large-scores', minShare: 0.07, description: 'entries within ±64: scores up to ~10⁴, saturated softmax rows and underflowing probabilities.' },
      { name: 'float64-only', minShare: 0.07, description: 'doubles with full 53-bit significands (rounded to float32 in float32 runs).' },
      { name: 'realistic', minShare: 0.07, description: 'heads of width d = 64 or 128 with T = S from 128 to 192 (192 in ≥ 1/4 of them), e ≤ 8, causal or not.' },
      { name: 'ties', minShare: 0.07, description: 'all keys identical: uniform attention (ties).' },
      { name: 'causal', minShare: 0.07, description: 'causal masks with T = S from 2 to 32.' },
      { name: 'd-one', minShare: 0.03, description: 'd = 1, where √d = 1 hides a missing scale (an implementation must not special-case it).' },
    ],
    exactFriendly: 'The one-hot class: each score is 0 or c²/√d computed exactly (one non-zero product; d a power of 4, so the scale is a power of two), the gap of ≥ 1024 makes every other probability exactly 0 in float32 and float64, ' +
      'and the output is a value row exactly. The bound recognises exact scores (sdpaBoundsP: exact dot products in every order and a power-of-two scale give zero score error). ' +
      'Elsewhere zero error is impossible: exp of a non-zero score difference is irrational.',
  }),
  // ── attn-claims block (issue 13): kernelised linear attention ──
  defineOp({
    id: 'attn.linear',
    description: 'Kernelised linear attention with the degree-2 polynomial kernel of the notes (002:733–741): out_i = Σ_j sim(q_i, k_j)v_j / Σ_j sim(q_i, k_j), sim(q, k) = (qᵀk + 1)² = φ(q)ᵀφ(k); with causal = true the sums run over j ≤ i (requires T = S). A row whose every sim is 0 is undefined (any value accepted).',
    args: {
      q: tensor('float', ['T', 'D'], { description: 'queries, one per row' }),
      k: tensor('float', ['S', 'D'], { description: 'keys, one per row' }),
      v: tensor('float', ['S', 'M'], { description: 'values, one per row' }),
      causal: boolean('sum over keys j ≤ i only (prefix sums)'),
    },
    result: tensor('float', ['T', 'M']),
    constraints: [{ text: 'T = S when causal', holds: (d, a) => !a['causal'] || d['T'] === d['S'] }],
    algorithms: [
      { name: 'quadratic', default: true, description: 'the T×S weight matrix (QKᵀ + 1)² (dot products in any order, FMA or not; squared by a product or a square), then W·V and the row sums W·1 (any summation order), a division or a multiplication by the reciprocal; causal: the lower triangle only.' },
      { name: 'feature-map', default: true, description: 'the notes’ rearrangement: φ(x) = [1, √2x_i, x_i², √2x_ix_j] (fl(√2), products in any order), U = Σ_j φ(k_j)v_jᵀ and z = Σ_j φ(k_j) once (causal: prefix sums, sequential or by a parallel scan), then φ(q_i)ᵀU / φ(q_i)ᵀz — O((T + S)·dim φ·M) work.' },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.25, description: 'T, S from 1 to 16 (each reaching 16 in ≥ 1/8 of the draws), D from 1 to 8, M ≤ 4, entries within ±1 or ±2, causal or not.' },
      { name: 'causal', minShare: 0.1, description: 'causal with T = S from 2 to 16.' },
      { name: 'near-zero-weight', minShare: 0.08, description: 'keys with qᵀk ≈ −1 for some query (weights (qᵀk + 1)² near 0: cancellation in qᵀk + 1), next to ordinary keys.' },
      { name: 'large', minShare: 0.08, description: 'entries within ±8: weights up to ~10⁵ dominate the sums.' },
      { name: 'float64-only', minShare: 0.08, description: 'doubles with full 53-bit significands (rounded to float32 in float32 runs).' },
      { name: 'single-key', minShare: 0.05, description: 'S = 1, non-causal: every output row is v₁ up to rounding.' },
      { name: 'wide', minShare: 0.05, description: 'D = 16 (dim φ = 153) and S up to 48: long feature sums.' },
    ],
    exactFriendly: 'None: the output is a quotient N/Z of sums of squares, not a float in general, and the feature-map algorithm rounds √2. The bound is the a-posteriori forward error of the division from |N̂ − N| ≤ γ_K Σ_j(1 + Σ_l|q_il k_jl|)²|v_j| and the same for Z (linearAttnBounds, src/numerics/bounds-linear-attn.ts).',
  }),
] as const;
