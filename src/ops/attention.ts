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
] as const;
