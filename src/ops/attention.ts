/** Ops of the attention domain. Attention: scaled dot-product attention. */
import { defineOp, tensor, boolean } from './schema.js';
import { integer, number, oneOf, optional } from './schema.js';
import { isRepresentable, FLOAT16 } from '../numerics/float-format.js';


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
  // ================================================================================================
  // general attention, RoPE, sinusoidal positional encoding
  // ================================================================================================
  defineOp({
    id: 'attn.attention',
    description: 'General scaled dot-product attention per query head h (kv head g = ⌊h·Hkv/Hq⌋, grouped-query: Hq a multiple of Hkv; Hkv = Hq is multi-head, Hkv = 1 multi-query): ' +
      'keys and values are the cached pastK/pastV (P rows) followed by k/v (S rows), N = P + S; s_ts = scale·q_t·k_s (scale 1/√d when absent), then softcap c·tanh(s/c) when softcap > 0, then + bias_ts; ' +
      'keys with keep_ts = 0 or outside the causal mask get probability 0; softmax over the keys; Σ_s p_ts v_s. Causal alignment when T ≠ N: "top-left" — query t sees keys s ≤ t (PyTorch is_causal, ONNX Attention is_causal); ' +
      '"bottom-right" — s ≤ t + N − T (FlashAttention ≥ 2.1, KV-cache decoding: the last query sees every key). ' +
      'A row with no allowed key follows the declared fullyMasked convention; `output` selects one of the operator\'s outputs (ONNX Attention: Y, qk_matmul_output modes 0–2, present_key, present_value).',
    args: {
      q: tensor('float', ['Hq', 'T', 'd'], { description: 'queries per head' }),
      k: tensor('float', ['Hkv', 'S', 'd'], { description: 'new keys per kv head' }),
      v: tensor('float', ['Hkv', 'S', 'e'], { description: 'new values per kv head' }),
      pastK: optional(tensor('float', ['Hkv', 'P', 'd'], { description: 'cached keys (KV cache), placed before k' })),
      pastV: optional(tensor('float', ['Hkv', 'P', 'e'], { description: 'cached values, placed before v' })),
      keep: optional(tensor('int', ['T', 'N'], { below: '2', description: 'boolean mask as 0/1: 1 = query t may attend key s (over the P + S keys)' })),
      bias: optional(tensor('float', ['T', 'N'], { description: 'additive mask, added after scale and softcap' })),
      scale: optional(number({ description: 'score scale (default 1/√d)' })),
      softcap: optional(number({ minimum: 0, description: 'softcap c: scores ← c·tanh(scores/c) before the masks (0 or absent: none)' })),
      causal: oneOf(['none', 'top-left', 'bottom-right'] as const, 'causal mask and its alignment'),
      fullyMasked: optional(oneOf(['require', 'zero', 'nan'] as const, 'a query row with no allowed key (spec/conventions.md, fully-masked-row): "require" (absent) — not an input; "zero" — its row of Y is 0 (ONNX Attention); "nan" — NaN (PyTorch scaled_dot_product_attention)')),
      output: optional(oneOf(['y', 'scores', 'softcapped-scores', 'masked-scores', 'present-key', 'present-value'] as const,
        'which output to return (absent: "y"): "y" [Hq, T, e]; "scores" scale·q_t·k_s for every key [Hq, T, N] (ONNX qk_matmul_output mode 0); "softcapped-scores" after the softcap (mode 1; the scores without one); ' +
        '"masked-scores" after the softcap plus bias, exactly −∞ at every masked key (mode 2); "present-key" / "present-value" the cache followed by the new rows [Hkv, N, d] / [Hkv, N, e], exact')),
      storage: optional(oneOf(['float16'] as const, 'float16: q, k, v, pastK, pastV, bias and softcap are float16 values and the implementation may round any intermediate and the result to float16 (ONNX Attention on float16 tensors); the bound uses u = 2⁻¹¹ for every rounding (float16Storage, src/numerics/bounds-attention.ts); the dtype of the run names the rest')),
    },
    result: tensor('float', ['Ho', 'R', 'W'], { description: 'the selected output: Y [Hq, T, e], scores [Hq, T, N], present key/value [Hkv, N, d or e]' }),
    constraints: [
      { text: 'the result is [Ho, R, W] = [Hq, T, e] for "y", [Hq, T, N] for the scores, [Hkv, N, d] / [Hkv, N, e] for the present key / value', derives: (d, a): Record<string, number> => {
        const o = (a['output'] as string | undefined) ?? 'y';
        const N = (d['P'] ?? 0) + (d['S'] ?? NaN);
        if (o === 'present-key') return { Ho: d['Hkv']!, R: N, W: d['d']! };
        if (o === 'present-value') return { Ho: d['Hkv']!, R: N, W: d['e']! };
        return { Ho: d['Hq']!, R: d['T']!, W: o === 'y' ? d['e']! : N };
      } },
      { text: 'Hq is a multiple of Hkv', holds: (d) => d['Hq']! % d['Hkv']! === 0 },
      { text: 'N = P + S (P = 0 without a cache)', holds: (d) => d['N'] === undefined || d['N'] === (d['P'] ?? 0) + d['S']! },
      { text: 'bottom-right alignment needs T ≤ P + S', holds: (d, a) => a['causal'] !== 'bottom-right' || d['T']! <= (d['P'] ?? 0) + d['S']! },
      { text: 'storage float16: q, k, v, pastK, pastV, bias and softcap are float16 values (a given scale may be any double: its rounding to float16 is within the score model)', holds: (_d, a) => a['storage'] !== 'float16' ||
        ['q', 'k', 'v', 'pastK', 'pastV', 'bias', 'softcap'].every((f) => a[f] === undefined || [a[f]].flat(3).every((x) => isRepresentable(x as number, FLOAT16))) },
      { text: 'unless fullyMasked is "zero" or "nan": every query has an allowed key (keep and the causal mask leave each row non-empty)', holds: (d, a) => {
        if (a['fullyMasked'] === 'zero' || a['fullyMasked'] === 'nan') return true;
        const keep = a['keep'] as number[][] | undefined; const T = d['T']!, N = (d['P'] ?? 0) + d['S']!;
        for (let t = 0; t < T; t++) {
          let any = false;
          for (let s = 0; s < N && !any; s++) {
            const causalOk = a['causal'] === 'top-left' ? s <= t : a['causal'] === 'bottom-right' ? s <= t + N - T : true;
            any = causalOk && (keep === undefined || keep[t]![s] === 1);
          }
          if (!any) return false;
        }
        return true;
      } },
    ],
    algorithms: [
      { name: 'standard', default: true, description: 'per head: scores by a dot product in any order times fl(scale) (or Q pre-scaled, or divided by fl(√d), or Q and K each times fl(√scale) as ONNX\'s reference), softcap as c·tanh(s/c) (one division, tanh within the elementary allowance, one product), + bias (one rounding), masked keys removed or set to −∞ / the lowest float; default softmax; product with V. Grouped heads by repeating K/V or by indexing the kv head.' },
      { name: 'deferred-normalisation', default: true, description: 'flash-style: exp(s − m) then one division at the end (as attn.sdpa).' },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.2, description: 'Hkv 1–3, group 1–3 (Hq = group·Hkv), T, S 1–8, P 0–6, d 1–16, e 1–4, entries within ±1/±4, every option (keep, bias, scale, softcap, causal alignment) on or off.' },
      { name: 'gqa', minShare: 0.1, description: 'grouped-query and multi-query: Hkv ∈ {1, 2}, Hq up to 8.' },
      { name: 'decode', minShare: 0.1, description: 'KV-cache decoding: T = 1 to 3 new queries against P up to 24 cached keys, bottom-right causal.' },
      { name: 'cross-causal', minShare: 0.08, description: 'causal with T ≠ N (with or without a cache) in both alignments.' },
      { name: 'softcap', minShare: 0.07, description: 'large scores (entries ±16) with softcap 5–50, the Gemma-2 form.' },
      { name: 'masks', minShare: 0.05, description: 'random boolean masks (each row with ≥ 1 allowed key) and additive masks within ±8.' },
      { name: 'float64-only', minShare: 0.03, description: 'doubles with full 53-bit significands.' },
      { name: 'outputs', minShare: 0.06, description: 'the other outputs: scores (a third) and soft-capped scores, both with a softcap (the stages differ only then), masked scores (keep and bias on), present key, present value.' },
      { name: 'fully-masked', minShare: 0.05, description: 'keep masks with one to all rows fully masked, fullyMasked "zero" or "nan" (also under a causal mask).' },
    ],
  }),
  defineOp({
    id: 'attn.rope',
    description: 'Rotary position embedding of the rows of x [T, d] (d even) at integer positions: pair i (θ_i = base^{−2i/d}) is rotated by pos·θ_i, (x_a, x_b) ↦ (x_a cos − x_b sin, x_b cos + x_a sin) = (x_a + j x_b)·e^{j·pos·θ_i}. ' +
      'Pairing "interleaved": (a, b) = (2i, 2i + 1) (RoFormer, 002:709, Meta Llama reference, GPT-J); "rotate-half": (a, b) = (i, i + d/2) (GPT-NeoX, Hugging Face Llama, ONNX RotaryEmbedding interleaved = 0).',
    args: {
      x: tensor('float', ['T', 'd'], { description: 'one vector per row (a query or key of one head)' }),
      positions: tensor('int', ['T'], { description: 'the position of each row (≥ 0)' }),
      base: number({ minimum: 1, description: 'frequency base (10000)' }),
      pairing: oneOf(['interleaved', 'rotate-half'] as const, 'which coordinates form the rotated pairs'),
    },
    result: tensor('float', ['T', 'd']),
    constraints: [{ text: 'd is even', holds: (d) => d['d']! % 2 === 0 }],
    algorithms: [
      { name: 'standard', default: true, description: 'θ_i as exp(−(2i/d)·ln base), base^(−2i/d), 1/base^(2i/d) or by repeated multiplication … in the run\'s dtype, angle fl(pos·θ_i), cos and sin within the elementary allowance, then two products and one sum per output (FMA or not).' },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.3, description: 'T 1–12, d 2–32, positions 0–64, entries within ±4, base 10000 (or 500000, 100).' },
      { name: 'long-positions', minShare: 0.1, description: 'positions up to 4096: angle rounding dominates (the bound grows with pos·θ).' },
      { name: 'float64-only', minShare: 0.07, description: 'doubles with full 53-bit significands.' },
      { name: 'position-zero', minShare: 0.07, description: 'position 0: the identity, exactly.' },
      { name: 'realistic', minShare: 0.05, description: 'd = 64 or 128, T up to 32.' },
    ],
    exactFriendly: 'Position 0 rotates by 0: the output equals the input exactly (cos 0 = 1, sin 0 = 0 in every libm).',
  }),
  // ── RoPE with given cos/sin tables (ONNX RotaryEmbedding) ──
  defineOp({
    id: 'attn.rope-apply',
    description: 'Rotary embedding with given cos/sin tables — ONNX RotaryEmbedding (opset 23) once its cos_cache/sin_cache rows are gathered by position: the first r = 2h coordinates of each row of x [T, d] form h pairs (a, b), ' +
      '"interleaved": (2i, 2i + 1), "rotate-half": (i, i + h), and (x_a, x_b) ↦ (x_a·c − x_b·s, x_b·c + x_a·s) with the given numbers c = cos[t][i], s = sin[t][i] (any numbers: the op does not assume c² + s² = 1); ' +
      'coordinates r … d − 1 are copied unchanged (a partial rotary_embedding_dim, r < d). attn.rope is this op with c, s = cos, sin(pos·base^(−2i/r)) computed by the op itself.',
    args: {
      x: tensor('float', ['T', 'd'], { description: 'one vector per row (a query or key of one head)' }),
      cos: tensor('float', ['T', 'h'], { description: 'the cosine of pair i for row t (ONNX: cos_cache[position_ids[t]][i], or cos_cache[b][t][i] without position_ids)' }),
      sin: tensor('float', ['T', 'h'], { description: 'the sine of pair i for row t' }),
      pairing: oneOf(['interleaved', 'rotate-half'] as const, 'which of the first 2h coordinates form the rotated pairs (ONNX interleaved = 1 / 0)'),
    },
    result: tensor('float', ['T', 'd']),
    constraints: [{ text: '2h ≤ d (the rotated coordinates r = 2h fit in the row)', holds: (d) => 2 * d['h']! <= d['d']! }],
    algorithms: [
      { name: 'standard', default: true, description: 'per rotated output two products and one sum in the dtype, in any order, FMA or not: x_a·c − x_b·s (ONNX reference: real = cos·x1 − sin·x2, imag = sin·x1 + cos·x2), or the Hugging Face form x·[c, c] + rotate_half(x)·[s, s] (the same products); the unrotated coordinates copied.' },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.25, description: 'T 1–12, h 1–16 with r = d = 2h, tables uniform within ±1 (arbitrary numbers, as in ONNX’s own RotaryEmbedding tests), entries within ±4, both pairings.' },
      { name: 'partial', minShare: 0.12, description: 'a partial rotary dim: r = 2h < d (d up to 40, odd d included), the coordinates r … d − 1 copied.' },
      { name: 'rotation-tables', minShare: 0.1, description: 'genuine tables: c, s = cos, sin(pos·10000^(−2i/r)) rounded to float32 (Hugging Face caches), positions up to 4096.' },
      { name: 'float64-only', minShare: 0.07, description: 'x and the tables doubles with full 53-bit significands (rounded to float32 in float32 runs).' },
      { name: 'identity', minShare: 0.07, description: 'c = 1, s = 0: the output is x exactly (the bound is 0).' },
      { name: 'wide-tables', minShare: 0.05, description: 'tables within ±64 and entries within ±16: no rotation, products up to ~10³ and cancellation in x_a·c − x_b·s.' },
      { name: 'realistic', minShare: 0.05, description: 'head sizes d = 64 or 128 with T up to 32, full or half rotary dim (GPT-NeoX rotary_pct = 0.25 … 1).' },
    ],
    exactFriendly: 'The identity class (c = 1, s = 0) and every pair whose two products and their sum are representable in the dtype: the output is exact in every algorithm and the bound is 0 (ropeApplyBoundsP, src/numerics/bounds-rope.ts); the copied coordinates always.',
  }),
  defineOp({
    id: 'attn.sinusoidal-pe',
    description: 'Sinusoidal positional encoding (003:462–464, 004:1505–1507): PE(pos, 2i) = sin(pos/base^{2i/d}), PE(pos, 2i+1) = cos(pos/base^{2i/d}), interleaved sin/cos columns.',
    args: {
      positions: tensor('int', ['P'], { description: 'positions (≥ 0)' }),
      d: integer({ minimum: 2, dim: 'd', description: 'model width (even)' }),
      base: number({ minimum: 1, description: 'frequency base (10000)' }),
    },
    result: tensor('float', ['P', 'd']),
    constraints: [{ text: 'd is even', holds: (d) => d['d']! % 2 === 0 }],
    algorithms: [
      { name: 'standard', default: true, description: 'frequency base^(−2i/d) by exp/log or pow or a reciprocal in the run\'s dtype, angle fl(pos·θ_i) (or a division pos/base^{2i/d}), sin and cos within the elementary allowance.' },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.4, description: 'P 1–16, d 2–64, positions 0–512, base 10000.' },
      { name: 'long', minShare: 0.15, description: 'positions up to 8192 (angles up to 8192: angle rounding dominates).' },
      { name: 'other-base', minShare: 0.1, description: 'base 100 or 500000.' },
      { name: 'realistic', minShare: 0.1, description: 'd = 512 (the original Transformer), P up to 32.' },
    ],
    exactFriendly: 'Position 0: PE = (0, 1, 0, 1, …) exactly.',
  }),
  // ── kernelised linear attention ──
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
  // ── multi-head attention with projections ──
  defineOp({
    id: 'attn.mha',
    description: 'Multi-head attention with projections, PyTorch nn.MultiheadAttention (batch_first = True, dropout 0) semantics: Q = query·Wqᵀ + bq, K = key·Wkᵀ + bk, V = value·Wvᵀ + bv (weights [out, in]; kdim/vdim may differ from E); ' +
      'head h takes columns [h·dh, (h+1)·dh) of Q, K, V (dh = E/numHeads); per head softmax(Q_hK_hᵀ/√dh + bias) V_h over the allowed keys (keep_ts = 1 and, with causal, s ≤ t); the heads concatenated in order and projected, Y = O·Woᵀ + bo. ' +
      'ONNX: MatMul(query, Wqᵀ) + bq (likewise K, V), Attention (opset 23, 3-D inputs, q_num_heads = kv_num_heads = numHeads, scale absent, attn_mask = keep as bool or bias as float, is_causal = causal), then MatMul(·, Woᵀ) + bo. ' +
      'PyTorch: q_proj_weight/k_proj_weight/v_proj_weight (or in_proj_weight = [Wq; Wk; Wv] when Ek = Ev = E), in_proj_bias = [bq; bk; bv], out_proj; attn_mask = ¬keep (bool) or the additive bias, causal as a triu mask.',
    args: {
      query: tensor('float', ['B', 'T', 'E'], { description: 'queries, batch first' }),
      key: tensor('float', ['B', 'S', 'Ek'], { description: 'keys (kdim Ek)' }),
      value: tensor('float', ['B', 'S', 'Ev'], { description: 'values (vdim Ev)' }),
      numHeads: integer({ minimum: 1, description: 'number of heads H (E divisible by H)' }),
      wq: tensor('float', ['E', 'E'], { description: 'query projection, [out, in]' }),
      wk: tensor('float', ['E', 'Ek'], { description: 'key projection, [out, in]' }),
      wv: tensor('float', ['E', 'Ev'], { description: 'value projection, [out, in]' }),
      wo: tensor('float', ['E', 'E'], { description: 'output projection, [out, in]' }),
      bq: optional(tensor('float', ['E'], { description: 'query projection bias (absent: none)' })),
      bk: optional(tensor('float', ['E'], { description: 'key projection bias' })),
      bv: optional(tensor('float', ['E'], { description: 'value projection bias' })),
      bo: optional(tensor('float', ['E'], { description: 'output projection bias' })),
      keep: optional(tensor('int', ['T', 'S'], { below: '2', description: 'boolean mask as 0/1: 1 = query t may attend key s (ONNX convention; PyTorch bool attn_mask is its negation)' })),
      bias: optional(tensor('float', ['T', 'S'], { description: 'additive mask, added to the scaled scores' })),
      causal: boolean('mask keys s > t (top-left: PyTorch triu mask, ONNX Attention is_causal)'),
    },
    result: tensor('float', ['B', 'T', 'E']),
    constraints: [
      { text: 'E is a multiple of numHeads', holds: (d, a) => d['E']! % (a['numHeads'] as number) === 0 },
      { text: 'every query has an allowed key (keep and the causal mask leave each row non-empty)', holds: (d, a) => {
        const keep = a['keep'] as number[][] | undefined; const T = d['T']!, S = d['S']!;
        for (let t = 0; t < T; t++) {
          let any = false;
          for (let s = 0; s < S && !any; s++) any = (!a['causal'] || s <= t) && (keep === undefined || keep[t]![s] === 1);
          if (!any) return false;
        }
        return true;
      } },
    ],
    algorithms: [
      { name: 'standard', default: true, description: 'projections as matrix products plus bias (any summation order, FMA or not, packed [Wq; Wk; Wv] or separate), heads by reshaping to [B, T, H, dh] and transposing, per head the standard or deferred-normalisation attention of attn.sdpa (scores divided by fl(√dh), times fl(1/√dh) or Q pre-scaled; masked scores −∞ or the lowest float), concatenation, out-projection.' },
      { name: 'per-head-sum', default: true, description: 'the out-projection as Σ_h O_h·Wo[:, h-block]ᵀ + bo (the attn.concat-sum identity): a dot product of length E in another order.' },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.3, description: 'B 1–2, T, S 1–5, H ∈ {1, 2, 3, 4}, dh 1–4 (E = H·dh ≤ 16), Ek, Ev = E or 1–6, entries and weights within ±1 (short-mantissa and near-tie values among them), each bias and mask on or off, causal or not.' },
      { name: 'self-attention', minShare: 0.12, description: 'key = value = query (Ek = Ev = E): PyTorch’s packed in_proj path.' },
      { name: 'causal', minShare: 0.08, description: 'causal self-attention with T = S from 2 to 6.' },
      { name: 'masks', minShare: 0.06, description: 'boolean and additive masks together (each row keeps ≥ 1 key).' },
      { name: 'large', minShare: 0.06, description: 'entries within ±4, weights within ±1: scores up to ~10³, saturated softmax rows.' },
      { name: 'float64-only', minShare: 0.06, description: 'doubles with full 53-bit significands (rounded to float32 in float32 runs).' },
    ],
  }),
] as const;
