/** Ops of the quantisation domain. Affine (asymmetric) quantisation. */
import { defineOp, tensor, number, integer, float, object, boolean, oneOf, optional, list } from './schema.js';
import { isRepresentable, FLOAT16 } from '../numerics/float-format.js';

const QRANGES = 'Integer ranges generated: int8, uint8, int4, uint4, int16, uint16 and the narrow [−127, 127], [0, 127], [−64, 63], [−7, 7]';

export const OPS = [
  defineOp({
    id: 'quant.affine-params',
    description: 'Asymmetric quantisation parameters. The range is widened to contain 0: lo = min(x_min, 0), hi = max(x_max, 0); ' +
      's = (hi − lo)/(q_max − q_min) in the request dtype; z = clamp(q_min − round_half_even(lo/s), q_min, q_max), an integer ' +
      '(the rounding is of lo/s, before the integer offset). Degenerate range x_min = x_max = 0: any positive s and any z in [q_min, q_max] ' +
      '(the oracle uses s = 1, z = 0). Not this op: z from the upper end, q_max − round(hi/s) (gemmlowp/TFLite ChooseQuantizationParams, which also ' +
      'rounds half away), or round(q_min − lo/s): equal up to float error, they differ at exact ties of lo/s when q_max − q_min or q_min is odd.',
    args: { xmin: number(), xmax: number(), qmin: integer(), qmax: integer() },
    result: object({ scale: float('s'), zeroPoint: integer({ description: 'z' }) }),
    algorithms: [
      { name: 'widen, divide, round, clamp', default: true, description: 's = fl(fl(hi − lo)/(q_max − q_min)) (|ŝ − s| ≤ γ₂s, exact when hi − lo and s are representable); z from fl(lo/ŝ) (PyTorch MinMaxObserver, ONNX DynamicQuantizeLinear for uint8, tfjs).' },
      { name: 'reciprocal of the scale', default: true, description: 'z from fl(lo·fl(1/ŝ)): two roundings, covered by the γ₂|lo/ŝ| slack; exact when ŝ is a power of two.' },
      { name: 'zero point from the raw x_min, clamped', default: true, description: 'z = clamp(q_min − round(x_min/ŝ)) with the unwidened x_min: identical, since x_min > 0 makes q_min − round(x_min/ŝ) ≤ q_min.' },
    ],
    inputClasses: [
      { name: 'range-contains-zero', minShare: 0.25, description: 'x_min < 0 < x_max (generic float64 mantissas, or dyadic)' },
      { name: 'range-excludes-zero', minShare: 0.25, description: 'x_min > 0 or x_max < 0 (point ranges included): the widening to 0 changes s and z' },
      { name: 'dyadic', minShare: 0.3, description: 's a power of two, lo/s an integer or a half-integer: every algorithm exact, z and quantised ties pinned half to even' },
      { name: 'outside-range', minShare: 0.4, description: 'values below x_min or above x_max are quantised in the chain (both clamps)' },
      { name: 'huge', minShare: 0.1, description: 'some |x| ≥ 2³²·s (float → int conversion before the clamp overflows)' },
      { name: 'degenerate', minShare: 0.02, description: 'x_min = x_max = 0' },
      { name: 'qtype-4-bit', minShare: 0.15, description: 'int4 / uint4' },
      { name: 'qtype-16-bit', minShare: 0.15, description: 'int16 / uint16' },
      { name: 'qtype-narrow', minShare: 0.3, description: '[−127, 127], [0, 127], [−64, 63], [−7, 7]' },
    ],
    exactFriendly: 'Dyadic ranges: s = 2^e with hi − lo = (q_max − q_min)·s and lo/s an integer or a half-integer, so fl(hi − lo), the division, lo/ŝ and lo·(1/ŝ) are all exact: the scale must be exact and the zero point the half-to-even rounding (a half-away, truncating or unclamped zero point fails at any range size). ' + QRANGES + '.',
  }),
  defineOp({
    id: 'quant.quantize',
    description: 'q = clamp(round_half_even(x/s) + z, q_min, q_max): the rounding is of x/s, then z is added, then the result is clamped ' +
      '(values outside the representable range saturate; huge values too). Exact ties round half to even: half away from zero ' +
      '(std::round, Math.round-style) and round(x/s + z) (different at ties when z is odd) are other conventions, not this op. ' +
      'Optional layout (ONNX QuantizeLinear opset 21): with shape and axis, element i uses scales[k], zeroPoints[k] with k its index along axis (per-axis), or, with blockSize B, ' +
      'the row-major index into the scale tensor of shape shape[axis → ⌈shape[axis]/B⌉] with i_axis → ⌊i_axis/B⌋ (blocked). Target ranges: int8, uint8, int16, uint16, int4, uint4, int2 [−2, 1], uint2 [0, 3] (qmin/qmax); saturating. ' +
      'Float8 output (`format`, ONNX QuantizeLinear with a FLOAT8E4M3FN/E4M3FNUZ/E5M2/E5M2FNUZ zero point): y = cast_f8(fl_d(x/s)) — two roundings, as ONNX defines it: the quotient is first rounded to nearest-even in the request dtype d ' +
      '(float32: ONNX divides float32 x by a float32 scale; an overflowing quotient is ±∞), then that float is cast to the float8 format exactly as quant.cast-float8 does (nearest, ties to even, saturate); the zero point is 0 (ONNX ignores it for float8). Exact-or-wrong: 0 codes of slack.',
    args: {
      x: tensor('float', ['n']),
      scale: number({ description: 's (as quant.affine-params returned it)' }),
      zeroPoint: integer(),
      qmin: integer(),
      qmax: integer(),
      shape: optional(list(integer({ minimum: 1 }), 'the logical shape of x, row-major (default [n])')),
      axis: optional(integer({ description: 'per-axis (or blocked) parameters along this axis of shape; negative counts from the end. Absent: per-tensor' })),
      blockSize: optional(integer({ minimum: 1, description: 'blocked parameters (ONNX opset 21): the scale tensor has shape with dim axis replaced by ⌈shape[axis]/blockSize⌉' })),
      scales: optional(list(number(), 'per-axis / blocked scales, row-major over the scale shape; replace scale when given')),
      zeroPoints: optional(list(integer(), 'per-axis / blocked zero points (same layout as scales; default all 0); replace zeroPoint when given')),
      format: optional(oneOf(['E4M3FN', 'E4M3FNUZ', 'E5M2', 'E5M2FNUZ'] as const, 'float8 output (ONNX QuantizeLinear opset 19+ with a FLOAT8* zero point): the result is the float8 byte code of cast(fl(x/s)); zero points must be 0; qmin/qmax are not used')),
      saturate: optional(boolean('ONNX QuantizeLinear saturate for a float8 output (default true): out-of-range values → ±max; false → ±∞ (E5M2) or NaN')),
    },
    result: tensor('int', ['n']),
    algorithms: [
      { name: 'divide, round, add z, clamp', default: true, description: 'fl(x/s) (ONNX QuantizeLinear, TFLite reference, tfjs): |t̂ − t| ≤ u|t|; exact when x/s is representable and s a power of two.' },
      { name: 'multiply by the reciprocal', default: true, description: 'fl(x·fl(1/s)) (PyTorch quantize_per_tensor, XNNPACK): |t̂ − t| ≤ γ₂|t|; either neighbour of a near-tie within that slack is accepted.' },
      { name: 'clamp before rounding', default: true, description: 'clamp x/s to [q_min − z, q_max − z], round, add z (XNNPACK magic-bias kernels): identical, the clamp bounds being integers.' },
    ],
    inputClasses: [
      { name: 'dyadic', minShare: 0.4, description: 'direct generator: s = 2^e, x multiples of s/4 (every algorithm exact)' },
      { name: 'exact-ties', minShare: 0.3, description: 'some x/s exactly a half-integer (half to even pinned)' },
      { name: 'generic-scale', minShare: 0.4, description: 's with a float64 (or float32) mantissa; x with float64 mantissas' },
      { name: 'saturating', minShare: 0.4, description: 'some x/s + z beyond [q_min − 1, q_max + 1] (both clamps)' },
      { name: 'huge', minShare: 0.15, description: 'some |x/s| ≥ 2³² (up to the float32 maximum)' },
      { name: 'long', minShare: 0.15, description: `n ≥ 128 (up to the maximum 256)` },
    ],
    // the per-axis / blocked layout is measured by test/power/quant.quantize-axis-generators.test.ts (classes per-axis, blocked, partial-block, negative-axis, 2-bit)
    exactFriendly: 'Dyadic scales s = 2^e with x a multiple of s/4: x/s and x·(1/s) are exact, so every result is pinned (ties half to even). ' + QRANGES + '.',
  }),
  defineOp({
    id: 'quant.dequantize',
    description: 'x̂ = s·(q − z), q − z taken exactly (int32 q and z may differ by more than 2³¹). Optional per-axis / blocked layout as quant.quantize (ONNX DequantizeLinear opset 21). ' +
      'Float8 input (`format`): x̂ = s·v(q), v(q) the exact value of the float8 code q (ONNX casts it to float32 exactly, then multiplies: one rounding, |x̂ − s·v| ≤ u|s·v| + η); ' +
      'with `storage: "float16"` a float16 result (one rounding to float16: float8DequantizeFloat16Bound).',
    args: {
      q: tensor('int', ['n']), scale: number(), zeroPoint: integer(),
      shape: optional(list(integer({ minimum: 1 }), 'the logical shape of x, row-major (default [n])')),
      axis: optional(integer({ description: 'per-axis (or blocked) parameters along this axis of shape; negative counts from the end. Absent: per-tensor' })),
      blockSize: optional(integer({ minimum: 1, description: 'blocked parameters (ONNX opset 21): the scale tensor has shape with dim axis replaced by ⌈shape[axis]/blockSize⌉' })),
      scales: optional(list(number(), 'per-axis / blocked scales, row-major over the scale shape; replace scale when given')),
      zeroPoints: optional(list(integer(), 'per-axis / blocked zero points (same layout as scales; default all 0); replace zeroPoint when given')),
      format: optional(oneOf(['E4M3FN', 'E4M3FNUZ', 'E5M2', 'E5M2FNUZ'] as const, 'float8 input (ONNX DequantizeLinear of a FLOAT8* tensor): q are byte codes of finite float8 values (NaN and ∞ codes are outside the domain); zero points must be 0')),
      storage: optional(oneOf(['float16'] as const, 'with format: the scales are float16 values and the result is float16 (ONNX DequantizeLinear with a float16 scale and output): x̂ = fl₁₆(s·v(q)): the product is exact in float32/float64, so computing it in float16 or in the dtype and then casting rounds once, |x̂ − s·v| ≤ 2⁻¹¹|s·v| + 2⁻²⁴ (float8DequantizeFloat16Bound, src/numerics/bounds-float8.ts); |s·v| must stay below 65504')),
    },
    result: tensor('float', ['n']),
    constraints: [
      { text: 'storage float16 needs format (a float8 input), and scale / scales are float16 values', holds: (_d, a) => a['storage'] !== 'float16' ||
        (typeof a['format'] === 'string' && [a['scales'] ?? a['scale']].flat().every((x) => isRepresentable(x as number, FLOAT16))) },
    ],
    algorithms: [
      { name: 'exact difference, one product', default: true, description: 'fl(s·fl(q − z)) with q − z in int64 (ONNX Runtime, XNNPACK): one rounding (two when |q − z| is not representable).' },
      { name: 'convert, subtract, multiply', default: true, description: 'fl(s·fl(fl(q) − fl(z))) in the dtype (PyTorch dequantize_val, tfjs): conversion errors of q and z beyond 2^p.' },
      { name: 'scale and bias', default: true, description: 'fl(fl(q)·s − fl(z·s)), with or without FMA (Core ML): two product roundings; bound B = (1 + u)²(K + P) + u|x| covers all three (src/numerics/bounds.ts dequantizeBound).' },
    ],
    inputClasses: [
      { name: 'int32-overflow', minShare: 0.12, description: 'int32 q and z with |q − z| ≥ 2³¹ (wrap-around in 32-bit arithmetic)' },
      { name: 'dyadic', minShare: 0.4, description: 's = 2^e: every algorithm exact when q, z, q − z are representable' },
      { name: 'generic-scale', minShare: 0.4, description: 's with a float64 (or float32) mantissa' },
      { name: 'long', minShare: 0.15, description: 'n ≥ 128 (up to the maximum 256)' },
    ],
    exactFriendly: 'Dyadic scales with q, z and q − z representable in the dtype (all but the widest int32 values in float32): every algorithm is exact and the bound is 0. ' + QRANGES + ', int32.',
  }),
  defineOp({
    id: 'quant.int-gemm',
    description: 'Integer GEMM with zero points: Y_ij = Σ_k (X_ik − z_x)(W_kj − z_w), exactly (the int32 accumulator of a quantised ' +
      'matrix product before requantisation; the cross terms −z_wΣ_k X_ik − z_xΣ_k W_kj + K z_x z_w included). Operands are int8/uint8/int4/uint4 ' +
      'codes and K ≤ 256, so every partial sum is below 2²⁴ in magnitude: a float32 accumulation is exact too.',
    args: {
      X: tensor('int', ['m', 'k'], { description: 'activation codes x_q' }),
      W: tensor('int', ['k', 'n'], { description: 'weight codes w_q' }),
      zx: integer({ description: 'z_x' }),
      zw: integer({ description: 'z_w' }),
    },
    result: tensor('int', ['m', 'n']),
    algorithms: [
      { name: 'shift, then multiply', default: true, description: 'Σ_k (x − z_x)(w − z_w) in int32 (or float32: exact below 2²⁴).' },
      { name: 'multiply, then correct by row and column sums', default: true, description: 'X W − z_w·rowsum(X) − z_x·colsum(W) + K z_x z_w (gemmlowp, QNNPACK, ONNX MatMulInteger + offsets).' },
    ],
    inputClasses: [
      { name: 'nonzero-both', minShare: 0.4, description: 'z_x ≠ 0 and z_w ≠ 0 (both cross terms and the K z_x z_w term matter)' },
      { name: 'symmetric', minShare: 0.1, description: 'z_x = z_w = 0 (the notes\' Y_q = X_q W_q is right)' },
      { name: 'one-zero-point', minShare: 0.1, description: 'exactly one of z_x, z_w is 0' },
      { name: 'range-ends', minShare: 0.3, description: 'some code at q_min or q_max of its type with the zero point at the other end (|x − z| maximal)' },
      { name: 'long', minShare: 0.1, description: 'K ≥ 128 (up to 256: partial sums near 2²⁴)' },
      { name: 'rectangular', minShare: 0.3, description: 'm ≠ n (transposition bugs)' },
    ],
    exactFriendly: 'Every case: integer results below 2²⁴ in magnitude, exact in float32 and float64. int8, uint8, int4, uint4, [−127, 127], [0, 127], [−64, 63], [−7, 7].',
  }),
  defineOp({
    id: 'quant.ste-grad',
    description: 'The straight-through gradient of FakeQuant: g_i = ∂/∂x_i Σ_j FQ(x_j) with FQ(x) = s(clip(round_half_even(x/s) + z, q_min, q_max) − z) ' +
      'and the clipped STE (round treated as the identity, 0 where clipped): g_i = 1 when q_min ≤ round_half_even(x_i/s) + z ≤ q_max, else 0 ' +
      '(PyTorch FakeQuantize, TFLite fake-quant). Not this op: the identity STE (1 everywhere) or the true derivative (0 almost everywhere).',
    args: {
      x: tensor('float', ['n']),
      scale: number({ description: 's' }),
      zeroPoint: integer(),
      qmin: integer(),
      qmax: integer(),
    },
    result: tensor('float', ['n']),
    algorithms: [
      { name: 'mask on the rounded code', default: true, description: '1[q_min ≤ round(x/s) + z ≤ q_max] with x/s by division (tfjs customGrad + tf.grad, PyTorch fake_quantize_per_tensor_affine backward).' },
      { name: 'mask by the reciprocal', default: true, description: 'the same with x·fl(1/s) (PyTorch\'s kernel): near the clip boundaries either value is admissible within float error.' },
      { name: 'interval test on x', default: true, description: '1[s(q_min − z − ½) ≤ x ≤ s(q_max − z + ½)] with the boundary ties decided half to even: identical for exact quotients.' },
    ],
    inputClasses: [
      { name: 'inside', minShare: 0.4, description: 'some code strictly inside [q_min, q_max]' },
      { name: 'clipped-below', minShare: 0.3, description: 'some round(x/s) + z < q_min' },
      { name: 'clipped-above', minShare: 0.3, description: 'some round(x/s) + z > q_max' },
      { name: 'boundary-tie', minShare: 0.2, description: 'some x/s + z exactly q_min − ½ or q_max + ½ (half to even decides the gradient)' },
      { name: 'at-range-ends', minShare: 0.2, description: 'some round(x/s) + z exactly q_min or q_max (gradient 1: an inclusive test)' },
    ],
    exactFriendly: 'Dyadic scales s = 2^e with x a multiple of s/4: x/s exact, every gradient pinned (boundary ties half to even). ' + QRANGES + '.',
  }),
  defineOp({
    id: 'quant.cast-float8',
    description: 'ONNX Cast (opset 19) of floats to a float8 format, returned as the unsigned byte codes (0…255): E4M3FN (bias 7, no ∞, NaN = S.1111.111, max 448), ' +
      'E4M3FNUZ (bias 8, no ∞, no −0, NaN = 0x80, max 240), E5M2 (bias 15, IEEE-like: ∞ = S.11111.00, max 57344), E5M2FNUZ (bias 16, NaN = 0x80, max 57344). ' +
      'x is rounded to nearest, ties to even, correctly from its exact value (a float64 x is not first rounded to float32), on the grid continued above the largest binade; ' +
      'a rounded magnitude above the largest finite value, and ±∞: saturate = true → ±max; saturate = false → ±∞ (E5M2) or NaN (the others). ' +
      '±0 → ±0 (UZ formats: 0, also for negative values that round to 0); NaN → NaN (any NaN code is accepted). Exact-or-wrong: the bound is 0 codes.',
    args: {
      x: tensor('float', ['n']),
      format: oneOf(['E4M3FN', 'E4M3FNUZ', 'E5M2', 'E5M2FNUZ'] as const),
      saturate: boolean('ONNX Cast saturate (default true)'),
    },
    result: tensor('int', ['n'], { description: 'codes 0…255 (sign bit 0x80)' }),
    algorithms: [
      { name: 'bit manipulation of the float32 pattern', default: true, description: 'exponent and mantissa fields of fl32(x), the mantissa shifted with round-to-nearest-even on the dropped bits (ONNX reference, ONNX Runtime, ml_dtypes); exact for float32 inputs.' },
      { name: 'midpoint comparisons', default: true, description: 'the magnitude code = number of midpoints between neighbouring levels below |x| (ties to the even code); exact in float32 (tfjs).' },
      { name: 'scale to the binade, round, rescale', default: true, description: 'e = max(⌊log₂|x|⌋, e_min), m = rhe(|x|/2^(e−p)), value m·2^(e−p), then the code of that value (the oracle, in exact rationals).' },
    ],
    inputClasses: [
      { name: 'every-code', minShare: 0.9, description: 'the exhaustive run: every finite level of both signs (value → its own code)' },
      { name: 'midpoints', minShare: 0.9, description: 'every midpoint between neighbouring levels, incl. 0…min-subnormal and max…next (ties to even)' },
      { name: 'near-midpoints', minShare: 0.9, description: 'the neighbours (one ulp of the dtype) of every midpoint' },
      { name: 'overflow', minShare: 0.9, description: '±∞, values beyond the overflow threshold, huge values' },
      { name: 'nan-and-zeros', minShare: 0.9, description: 'NaN, ±0 and tiny values that round to ±0' },
    ],
    exactFriendly: 'Every case: the cast is exact-or-wrong (0 codes of slack). Formats E4M3FN, E4M3FNUZ, E5M2, E5M2FNUZ; saturate true and false; float32 and float64 inputs.',
  }),
  defineOp({
    id: 'quant.cast-float4',
    description: 'ONNX Cast (opset 23) of floats to FLOAT4E2M1 (bias 1, no ∞, no NaN; levels 0, 0.5, 1, 1.5, 2, 3, 4, 6), returned as the 4-bit codes (0…15, sign bit 8): ' +
      'round to nearest, ties to even (0.25 → 0, 0.75 → 1, 1.25 → 1, 1.75 → 2, 2.5 → 2, 3.5 → 4, 5 → 4), saturating: |x| > 5 and ±∞ → ±6. ±0 → ±0. ' +
      'A NaN input is unspecified (E2M1 has no NaN; any code is accepted). Exact-or-wrong.',
    args: { x: tensor('float', ['n']) },
    result: tensor('int', ['n'], { description: 'codes 0…15 (sign bit 8)' }),
    algorithms: [
      { name: 'interval table', default: true, description: 'the ONNX reference: |x| compared with the 7 midpoints 0.25, 0.75, 1.25, 1.75, 2.5, 3.5, 5 with the tie direction per interval (closed or open ends).' },
      { name: 'midpoint comparisons', default: true, description: 'count of midpoints below |x|, ties to the even code (tfjs).' },
      { name: 'scale to the binade, round, rescale', default: true, description: 'the oracle, in exact rationals.' },
    ],
    inputClasses: [
      { name: 'every-code', minShare: 0.9, description: 'every level of both signs' },
      { name: 'midpoints', minShare: 0.9, description: 'every midpoint, incl. 5 (between 4 and 6) and 7 (6 and the next, 8)' },
      { name: 'near-midpoints', minShare: 0.9, description: 'the neighbours (one ulp of the dtype) of every midpoint' },
      { name: 'overflow', minShare: 0.9, description: '±∞ and values beyond 6 (saturated)' },
    ],
    exactFriendly: 'Every case: exact-or-wrong (0 codes of slack).',
  }),
  defineOp({
    id: 'quant.nf4',
    description: 'QLoRA NF4 (bitsandbytes quantize_4bit, quant_type nf4): x in blocks of blockSize (the last may be shorter); absmax_b = max|x| of the block; ' +
      'code = index (0…15) of the nearest of the 16 published NF4 levels (−1, −0.6961928…, …, 0, 0.0795803…, …, 0.7229568…, 1; float32 constants) to x/absmax_b; ' +
      'tie rule: an exact midpoint goes to the lower level (bitsandbytes compares t > threshold); a block with absmax 0 gets code 7 (level 0). ' +
      'Domain: each block absmax is 0 or at least 2⁻¹²⁶·2⁶⁶ (far from float32 underflow: 1/absmax finite, as the reciprocal algorithm needs). Dequantised values = absmax_b·level(code). A code within the float error of the quotient x/absmax of a midpoint may be either neighbour.',
    args: { x: tensor('float', ['n']), blockSize: integer({ minimum: 1 }) },
    result: object({
      codes: tensor('int', ['n'], { description: 'NF4 codes 0…15' }),
      absmax: list(float(), 'absmax per block, ⌈n/blockSize⌉ values'),
      values: tensor('float', ['n'], { description: 'dequantised absmax_b·level(code)' }),
    }),
    algorithms: [
      { name: 'divide, then decision tree on midpoints', default: true, description: 't = fl(x/absmax) compared with the float32 midpoints (bitsandbytes kQuantizeBlockwise / dQuantizeNF4): |t̂ − t| ≤ u|t| and each threshold within u of the exact midpoint.' },
      { name: 'multiply by the reciprocal, argmin distance', default: true, description: 't = fl(x·fl(1/absmax)), code = argmin_k |t − L_k| (first index at a tie: the lower level) — within γ₂ of the exact quotient.' },
      { name: 'exact', default: true, description: 'the oracle, in rationals.' },
    ],
    inputClasses: [
      { name: 'multi-block', minShare: 0.5, description: 'at least two blocks (per-block absmax)' },
      { name: 'partial-block', minShare: 0.3, description: 'n not a multiple of blockSize (a short last block)' },
      { name: 'exact-ties', minShare: 0.2, description: 'some x/absmax exactly a midpoint of two levels (the lower level)' },
      { name: 'zero-block', minShare: 0.1, description: 'a block of zeros (absmax 0: code 7)' },
      { name: 'outlier', minShare: 0.15, description: 'a block whose absmax is at least 10× its median |x| (most codes near 7)' },
    ],
    exactFriendly: 'Blocks whose absmax is a power of two and x = absmax·(level or midpoint): the quotients are exact and every code pinned (midpoints to the lower level); values exact (absmax·level representable).',
  }),
] as const;
