/** Ops of the convolution domain. Convolution and pooling: output shapes and the filter gradient. */
import { defineOp, tensor, integer, tuple, oneOf, optional, boolean } from './schema.js';

const pair = (a: string, b: string, description: string) => tuple([integer({ minimum: 1, description: a }), integer({ minimum: 1, description: b })], description);
const pads4 = () => tuple([integer({ minimum: 0, description: 'top' }), integer({ minimum: 0, description: 'left' }), integer({ minimum: 0, description: 'bottom' }), integer({ minimum: 0, description: 'right' })],
  '[top, left, bottom, right] explicit, possibly asymmetric zero padding (ONNX pads [x1_begin, x2_begin, x1_end, x2_end]); overrides `padding`');
const autoPad = () => oneOf(['valid', 'same-upper', 'same-lower'], 'ONNX auto_pad: VALID, SAME_UPPER (TensorFlow same: the odd padding unit at the end) or SAME_LOWER (at the beginning); ⌈n/s⌉ outputs for SAME; overrides `padding` and `pads`');
const dilation = () => pair('dh', 'dw', '[dh, dw] dilation (default [1, 1]): effective kernel d(k − 1) + 1');
const size = () => tuple([integer({ description: 'outH' }), integer({ description: 'outW' })], '[outH, outW]');

export const OPS = [
  defineOp({
    id: 'cnn.conv2d-shape',
    description: 'Output spatial size of a 2-D convolution (ONNX Conv, torch conv2d): ⌊(n + p_begin + p_end − d(k − 1) − 1)/s⌋ + 1 per axis, with symmetric zero padding p on each side, or explicit asymmetric `pads`, or ONNX `autoPad` (VALID, SAME_UPPER, SAME_LOWER: ⌈n/s⌉), and `dilation` d.',
    args: {
      height: integer({ minimum: 1 }),
      width: integer({ minimum: 1 }),
      kernel: pair('kh', 'kw', '[kh, kw]'),
      stride: pair('sh', 'sw', '[sh, sw]'),
      padding: tuple([integer({ minimum: 0, description: 'ph' }), integer({ minimum: 0, description: 'pw' })], '[ph, pw], zeros added on each side'),
      dilation: optional(dilation()),
      pads: optional(pads4()),
      autoPad: optional(autoPad()),
    },
    result: size(),
    algorithms: [{ name: 'exact-integer', default: true, description: 'the formula ⌊(W − K + 2P)/S⌋ + 1 per axis, a real layer’s output shape, or counting window positions; integers, no rounding.' }],
    inputClasses: [
      { name: 'small', minShare: 0.25, description: 'H, W 1–20, K 1–6, S 1–5, P 0–3' },
      { name: 'realistic', minShare: 0.1, description: 'H, W 32–1024 (1024 reached), K ∈ {1, 3, 5, 7, 11}, S 1–4, P 0–5' },
      { name: 'stride-over-kernel', minShare: 0.1, description: 'S > K on both axes' },
      { name: 'kernel-fills-input', minShare: 0.05, description: 'K = W + 2P on one or both axes (one output)' },
      { name: 'one-by-one', minShare: 0.05, description: '1×1 kernels, stride 1–3, any padding' },
      { name: 'asymmetric', minShare: 0.1, description: 'kh ≠ kw, sh ≠ sw, ph ≠ pw, H ≠ W' },
      { name: 'dilated', minShare: 0.05, description: 'dilation 2–4 on each axis (effective kernel d(k − 1) + 1), stride 1–3, symmetric padding' },
      { name: 'asymmetric-pads', minShare: 0.05, description: 'explicit pads [top, left, bottom, right] 0–4 with begin ≠ end on some axis, dilation 1–2' },
      { name: 'auto-pad', minShare: 0.05, description: 'autoPad valid, same-upper or same-lower, stride 1–4, dilation 1–3' },
    ],
    exactFriendly: 'Every input: the result is an exact integer.',
  }),
  defineOp({
    id: 'cnn.pool2d-shape',
    description: 'Output spatial size of 2-D max/average pooling (ONNX MaxPool/AveragePool, torch max_pool2d): without the optional fields floor mode and no padding, ⌊(W − K)/S⌋ + 1 per axis; with explicit `pads`, `dilation`, ONNX `autoPad`, and `ceilMode` (⌈L/s⌉ + 1, minus one when the last window would start in the end padding: PyTorch’s rule).',
    args: {
      height: integer({ minimum: 1 }),
      width: integer({ minimum: 1 }),
      kernel: pair('kh', 'kw', '[kh, kw]'),
      stride: pair('sh', 'sw', '[sh, sw]'),
      dilation: optional(dilation()),
      pads: optional(pads4()),
      autoPad: optional(autoPad()),
      ceilMode: optional(boolean('ceil mode (ONNX ceil_mode = 1, torch ceil_mode=True); default floor')),
    },
    result: size(),
    algorithms: [{ name: 'exact-integer', default: true, description: 'the formula ⌊(W − K)/S⌋ + 1 per axis, a real pooling layer’s output shape (floor mode), or counting window positions.' }],
    inputClasses: [
      { name: 'small', minShare: 0.18, description: 'H, W 1–20, K 1–6, S 1–5' },
      { name: 'realistic', minShare: 0.1, description: 'H, W 32–1024 (1024 reached), K ∈ {2, 3}, S ∈ {1, 2, 3}' },
      { name: 'stride-over-kernel', minShare: 0.1, description: 'S > K on both axes' },
      { name: 'kernel-equals-input', minShare: 0.05, description: 'K = W on one or both axes (one output)' },
      { name: 'one-by-one', minShare: 0.05, description: '1×1 windows, stride 1–4' },
      { name: 'asymmetric', minShare: 0.1, description: 'kh ≠ kw, sh ≠ sw, H ≠ W' },
      { name: 'ceil-mode', minShare: 0.05, description: 'ceilMode with symmetric pads ≤ ⌊k/2⌋ and stride 2–4, including inputs where the last window would start in the padding (PyTorch drops it)' },
      { name: 'padded', minShare: 0.05, description: 'explicit pads ≤ ⌊k/2⌋, asymmetric on some axis, floor mode' },
      { name: 'dilated', minShare: 0.05, description: 'dilation 2–3, floor or ceil mode' },
      { name: 'auto-pad', minShare: 0.05, description: 'autoPad valid, same-upper or same-lower' },
    ],
    exactFriendly: 'Every input: the result is an exact integer.',
  }),
  defineOp({
    id: 'cnn.conv-transpose2d-shape',
    description: 'Output spatial size of a 2-D transposed convolution (ONNX ConvTranspose, torch conv_transpose2d) per axis: s(n − 1) + output_padding + d(k − 1) + 1 − p_begin − p_end, ' +
      'with symmetric `padding` p on each side (torch) or explicit asymmetric `pads`, `dilation` d and `outputPadding` (added at the end; < max(s, d)); ONNX `autoPad` SAME_UPPER / SAME_LOWER: n·s ' +
      '(the total padding s(n − 1) + output_padding + d(k − 1) + 1 − n·s split with the odd unit at the end / beginning), VALID: no padding; ONNX `outputShape` (torch output_size): that size, the total padding ' +
      'then being the difference from the unpadded size (split as for SAME: SAME_UPPER odd unit at the end, otherwise at the beginning; negative when outputShape exceeds the unpadded size, as in ONNX\'s test_convtranspose_output_shape). Every result ≥ 1.',
    args: {
      height: integer({ minimum: 1 }),
      width: integer({ minimum: 1 }),
      kernel: pair('kh', 'kw', '[kh, kw]'),
      stride: pair('sh', 'sw', '[sh, sw]'),
      padding: optional(tuple([integer({ minimum: 0, description: 'ph' }), integer({ minimum: 0, description: 'pw' })], '[ph, pw], removed from each side (torch padding); default [0, 0]')),
      dilation: optional(dilation()),
      pads: optional(pads4()),
      outputPadding: optional(tuple([integer({ minimum: 0, description: 'oh' }), integer({ minimum: 0, description: 'ow' })], '[oh, ow] ONNX output_padding / torch output_padding: added at the end of each axis; < max(stride, dilation) per axis')),
      autoPad: optional(autoPad()),
      outputShape: optional(tuple([integer({ minimum: 1, description: 'outH' }), integer({ minimum: 1, description: 'outW' })], 'ONNX output_shape (torch output_size): the requested size; pads are derived from it')),
    },
    result: size(),
    constraints: [{ text: 'outputPadding < max(stride, dilation) per axis; every output size ≥ 1 (outputShape may exceed the unpadded size: negative derived padding)' }],
    algorithms: [
      { name: 'exact-integer', default: true, description: 'the formula per axis, a real transposed convolution (zero insertion between inputs, padding by d(k − 1) − p, a dense convolution: the tfjs implementation), or scattering each input over its k taps and counting the covered positions.' },
    ],
    inputClasses: [
      { name: 'small', minShare: 0.2, description: 'H, W 1–12, K 1–5, S 1–4, P 0–2 (within the footprint)' },
      { name: 'realistic', minShare: 0.1, description: 'H, W 8–256 (256 reached), K ∈ {2, 3, 4, 5}, S 1–4, P 0–2 (decoders, GAN generators, U-Nets)' },
      { name: 'stride-over-kernel', minShare: 0.1, description: 'S > K on both axes (gaps between the scattered kernels)' },
      { name: 'output-padding', minShare: 0.1, description: 'outputPadding 1 … max(S, d) − 1 on some axis' },
      { name: 'dilated', minShare: 0.1, description: 'dilation 2–3' },
      { name: 'asymmetric-pads', minShare: 0.1, description: 'explicit pads with begin ≠ end on some axis' },
      { name: 'auto-pad', minShare: 0.1, description: 'autoPad valid, same-upper or same-lower (with and without outputPadding)' },
      { name: 'output-shape', minShare: 0.1, description: 'outputShape given (from the unpadded size minus 2s to the unpadded size plus s − 1: negative derived pads), with or without autoPad same-upper' },
    ],
    exactFriendly: 'Every input: the result is an exact integer.',
  }),
  defineOp({
    id: 'cnn.max-unpool2d-shape',
    description: 'Output spatial size of 2-D max unpooling (ONNX MaxUnpool, torch max_unpool2d) per axis: (n − 1)s + k − p_begin − p_end (the inverse of floor-mode max pooling: pooling that size gives n again), ' +
      'with symmetric `padding` (torch) or explicit `pads` (ONNX); with `outputShape` (ONNX\'s output_shape input, torch output_size) that size, which must be at least the default one.',
    args: {
      height: integer({ minimum: 1 }),
      width: integer({ minimum: 1 }),
      kernel: pair('kh', 'kw', '[kh, kw]'),
      stride: pair('sh', 'sw', '[sh, sw]'),
      padding: optional(tuple([integer({ minimum: 0, description: 'ph' }), integer({ minimum: 0, description: 'pw' })], '[ph, pw] (torch padding); default [0, 0]')),
      pads: optional(pads4()),
      outputShape: optional(tuple([integer({ minimum: 1, description: 'outH' }), integer({ minimum: 1, description: 'outW' })], 'ONNX output_shape / torch output_size (≥ the default size)')),
    },
    result: size(),
    constraints: [{ text: 'the default size (n − 1)s + k − p_begin − p_end ≥ 1 per axis; outputShape, when given, at least that size' }],
    algorithms: [
      { name: 'exact-integer', default: true, description: 'the formula per axis, a real unpooling (zero insertion, padding, a dense k-window: tfjs), or the largest index any window of the pooling can reach plus one.' },
    ],
    inputClasses: [
      { name: 'small', minShare: 0.25, description: 'H, W 1–12, K 1–5, S 1–4' },
      { name: 'realistic', minShare: 0.1, description: 'H, W 8–256 (256 reached), K = S ∈ {2, 3} (SegNet-style)' },
      { name: 'stride-over-kernel', minShare: 0.1, description: 'S > K on both axes' },
      { name: 'padded', minShare: 0.1, description: 'pads or padding with begin + end < k' },
      { name: 'output-shape', minShare: 0.1, description: 'outputShape = the default size plus 0 … s − 1 (the sizes a floor-mode pooling maps to n)' },
    ],
    exactFriendly: 'Every input: the result is an exact integer.',
  }),
  defineOp({
    id: 'cnn.conv2d-filter-grad',
    description: 'Filter gradient dW = ∂/∂W Σ_{i,j} dy_{i,j}·conv2d(x, W)_{i,j} of a one-channel, batch-1 2-D cross-correlation (TensorFlow padding convention; dy has the conv output shape), computed by automatic differentiation. ' +
      'tfjs: tf.grad of sum(conv2d(x, W) * dy) w.r.t. W (the Conv2DBackpropFilter kernel); the wasm backend has no such kernel, so on wasm this op runs on the cpu backend (switched for the call and restored).',
    args: {
      x: tensor('float', ['H', 'W'], { description: 'input (one channel, batch 1)' }),
      dy: tensor('float', ['Ho', 'Wo'], { description: '∂L/∂y, the conv output shape' }),
      kernel: tuple([integer({ minimum: 1, dim: 'kh' }), integer({ minimum: 1, dim: 'kw' })], '[kh, kw]'),
      stride: integer({ minimum: 1 }),
      padding: oneOf(['valid', 'same'], 'TensorFlow padding'),
    },
    result: tensor('float', ['kh', 'kw']),
    constraints: [{ text: '[Ho, Wo] is the conv2d output size of [H, W] for the kernel, stride and padding (TensorFlow convention)' }],
    algorithms: [
      { name: 'direct', default: true, description: 'each dW_{h,l} one dot product of its k covered (x, dy) pairs in any order (autodiff backward kernels, loops): γ_k Σ|x·dy| (Higham (3.5)).' },
      { name: 'im2col-gemm', default: true, description: 'the padded input unfolded into patches, dW = patches · vec(dy) (GEMV/GEMM): the padding zeros add exact zeros, so the same bound.' },
      { name: 'fft', default: false, description: 'the 2-D cross-correlation by FFTs in the dtype: a normwise bound (src/numerics/bounds-fft.ts, 2-D transform error (1 + α_{Nh})(1 + α_{Nw}) − 1, lengths up to 4× the input); declared, because it would loosen the componentwise bound of small entries.' },
    ],
    inputClasses: [
      { name: 'small', minShare: 0.25, description: 'H, W 1–8, kernels 1–4, stride 1–3, valid/same, x at scale 1, 100 or 10⁻³' },
      { name: 'realistic', minShare: 0.05, description: 'H, W 16–64 (64 reached), square kernels 3, 5, 7, 11, stride 1–4' },
      { name: 'stride-over-kernel', minShare: 0.1, description: 'stride > kh, kw' },
      { name: 'kernel-equals-input', minShare: 0.05, description: 'valid padding, kernel = input (one output)' },
      { name: 'one-by-one', minShare: 0.05, description: '1×1 kernels, stride 1–3' },
      { name: 'float64-only', minShare: 0.12, description: 'H, W 2–10, full 53-bit x and dy (rounded in float32 runs)' },
    ],
    exactFriendly: 'Only inputs whose products and partial sums are representable (e.g. small integers) are exact for every order; the generators do not certify them — the componentwise bound γ_k Σ|x·dy| is already tight enough that flip, transpose, stride and padding bugs change entries by far more.',
  }),
] as const;
