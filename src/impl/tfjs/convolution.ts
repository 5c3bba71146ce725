import type { TF } from './types.js';
import { onCpuIfWasm } from './backend.js';

type AutoPad = 'valid' | 'same-upper' | 'same-lower';
export interface ConvShapeArgs {
  height: number; width: number; kernel: [number, number]; stride: [number, number]; padding: [number, number];
  dilation?: [number, number]; pads?: [number, number, number, number]; autoPad?: AutoPad;
}

/**
 * A dilated k-tap kernel has the footprint of a dense kernel of d(k − 1) + 1 taps (zeros between the taps), so
 * the shape ops run tf.conv2d / tf.maxPool with that dense kernel: tfjs refuses dilation together with stride > 1.
 */
const footprint = (k: number, d = 1) => d * (k - 1) + 1;

/**
 * `cnn.conv2d-shape`: run a real `tf.conv2d` on zeros and read the output shape: explicit (symmetric or
 * asymmetric) padding as tfjs' explicit [[0, 0], [top, bottom], [left, right], [0, 0]]; ONNX SAME_UPPER is
 * tfjs 'same' and VALID is 'valid'; SAME_LOWER has the same output size as SAME_UPPER (only the side of the odd
 * padding unit differs), so tfjs 'same' too.
 */
export function conv2dShape(tf: TF, a: ConvShapeArgs): [number, number] {
  return tf.tidy(() => {
    const x = tf.zeros([1, a.height, a.width, 1]) as import('@tensorflow/tfjs').Tensor4D;
    const w = tf.zeros([footprint(a.kernel[0], a.dilation?.[0]), footprint(a.kernel[1], a.dilation?.[1]), 1, 1]) as import('@tensorflow/tfjs').Tensor4D;
    const p = a.pads ?? [a.padding[0], a.padding[1], a.padding[0], a.padding[1]];
    const pad: 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]] =
      a.autoPad === 'valid' ? 'valid' : a.autoPad ? 'same' : [[0, 0], [p[0], p[2]], [p[1], p[3]], [0, 0]];
    const y = tf.conv2d(x, w, a.stride, pad);
    return [y.shape[1], y.shape[2]];
  });
}

/** `cnn.pool2d-shape` with a real tf.maxPool. */

export interface PoolShapeArgs {
  height: number; width: number; kernel: [number, number]; stride: [number, number];
  dilation?: [number, number]; pads?: [number, number, number, number]; autoPad?: AutoPad; ceilMode?: boolean;
}

/**
 * `cnn.pool2d-shape`: run a real `tf.maxPool` on zeros and read the output shape. Explicit pads: the input is
 * zero-padded with tf.pad first, then pooled 'valid'. Ceil mode: s − 1 more zeros at the end (Caffe's way) give
 * ⌈L/s⌉ + 1 windows; tfjs has no rule for a last window that starts in the padding, so PyTorch's is applied on
 * top: drop it when (out − 1)·s ≥ n + pad_begin. SAME (upper or lower): tfjs 'same'.
 */
export function pool2dShape(tf: TF, a: PoolShapeArgs): [number, number] {
  return tf.tidy(() => {
    const fh = footprint(a.kernel[0], a.dilation?.[0]), fw = footprint(a.kernel[1], a.dilation?.[1]);
    if (a.autoPad === 'same-upper' || a.autoPad === 'same-lower') {
      const y = tf.maxPool(tf.zeros([1, a.height, a.width, 1]) as import('@tensorflow/tfjs').Tensor4D, [fh, fw], a.stride, 'same');
      return [y.shape[1], y.shape[2]];
    }
    const p = a.autoPad === 'valid' ? [0, 0, 0, 0] : a.pads ?? [0, 0, 0, 0];
    // ceil mode: s − 1 extra rows/columns at the end make 'valid' count ⌈L/s⌉ + 1 windows (tfjs' own
    // dimRoundingMode 'ceil' is unusable here: with a numeric pad tfjs sizes both axes with kh and sh)
    const eh = a.ceilMode ? a.stride[0] - 1 : 0, ew = a.ceilMode ? a.stride[1] - 1 : 0;
    const x = tf.pad(tf.zeros([1, a.height, a.width, 1]), [[0, 0], [p[0]!, p[2]! + eh], [p[1]!, p[3]! + ew], [0, 0]]) as import('@tensorflow/tfjs').Tensor4D;
    const y = tf.maxPool(x, [fh, fw], a.stride, 'valid');
    if (!a.ceilMode) return [y.shape[1], y.shape[2]];
    const lastRule = (out: number, s: number, n: number, begin: number) => ((out - 1) * s >= n + begin ? out - 1 : out);
    return [lastRule(y.shape[1], a.stride[0], a.height, p[0]!), lastRule(y.shape[2], a.stride[1], a.width, p[1]!)];
  });
}

/**
 * tfjs implementations of the gradient ops: every gradient is computed by tfjs
 * autodiff (tf.grad / tf.grads) of the forward computation — never by a hand-written formula.
 *
 * Routing: the wasm backend has no `Conv2DBackpropFilter` kernel, so `cnn.conv2d-filter-grad`
 * runs on the `cpu` backend when the active backend is `wasm`: the engine is switched to `cpu`
 * (an already-registered synchronous backend, so `tf.setBackend` completes synchronously), the
 * inputs are created there, the gradient is read back, and the previous backend is restored in a
 * `finally`. Nothing else changes; the result is the same plain array.
 */

export interface Conv2dFilterGradArgs {
  /** Input, H×W (one channel, batch 1, as the notes: "channel is 1"). */
  x: number[][];
  /** Upstream gradient ∂L/∂y, shape of the conv output. */
  dy: number[][];
  /** Kernel size [kh, kw]. */
  kernel: [number, number];
  stride: number;
  padding: 'valid' | 'same';
}

/** dW = ∂/∂W Σ conv2d(x, W) ⊙ dy, by tf.grad (Conv2DBackpropFilter). */
export function conv2dFilterGrad(tf: TF, a: Conv2dFilterGradArgs): number[][] {
  const H = a.x.length, Wd = a.x[0]!.length;
  const [kh, kw] = a.kernel;
  return onCpuIfWasm(tf, 'cnn.conv2d-filter-grad', () => tf.tidy(() => {
    const x = tf.tensor4d(a.x.flat(), [1, H, Wd, 1], 'float32');
    const oh = a.dy.length, ow = a.dy[0]!.length;
    const dy = tf.tensor4d(a.dy.flat(), [1, oh, ow, 1], 'float32');
    const w0 = tf.zeros([kh, kw, 1, 1], 'float32');
    const g = tf.grad((w: any) => tf.sum(tf.mul(tf.conv2d(x, w, a.stride, a.padding), dy)))(w0);
    return (g.reshape([kh, kw]).arraySync() as number[][]);
  }));
}

/** The ops of this domain in the built-in implementation. */
export interface TransposeShapeArgs {
  height: number; width: number; kernel: [number, number]; stride: [number, number]; padding?: [number, number];
  dilation?: [number, number]; pads?: [number, number, number, number]; outputPadding?: [number, number]; autoPad?: AutoPad; outputShape?: [number, number];
}

/**
 * A transposed convolution as it is computed without a backprop kernel, on zeros, both axes at once: (1) zero
 * insertion — each input row/column followed by s − 1 zero rows/columns (tf.stack + tf.reshape), the trailing
 * s − 1 cut (n → s(n − 1) + 1); (2) padding by d(k − 1) − p_begin at the start and d(k − 1) − p_end +
 * output_padding at the end (negative amounts crop: tf.slice); (3) a dense stride-1 'valid' tf.conv2d with the
 * dilated kernel's footprint. The output size is the tensor's shape. The pads come from the arguments, or —
 * for ONNX SAME and output_shape — from ONNX's total-padding rule (upper: the odd unit at the end).
 */
function transposeAxisPads(n: number, k: number, s: number, d: number, op: number, begin: number, end: number, autoPad: AutoPad | undefined, out: number | undefined): [number, number] {
  const full = s * (n - 1) + op + d * (k - 1) + 1;
  const target = out ?? (autoPad === 'same-upper' || autoPad === 'same-lower' ? n * s : undefined);
  if (target === undefined) return autoPad === 'valid' ? [0, 0] : [begin, end];
  const total = full - target, half = Math.floor(total / 2);
  return autoPad === 'same-upper' ? [half, total - half] : [total - half, half];
}

function upsample(tf: TF, x: import('@tensorflow/tfjs').Tensor4D, sh: number, sw: number): import('@tensorflow/tfjs').Tensor4D {
  const [, H, W] = x.shape;
  let y = x as import('@tensorflow/tfjs').Tensor;
  if (sh > 1) y = tf.slice(tf.reshape(tf.stack([y, ...Array.from({ length: sh - 1 }, () => tf.zerosLike(y))], 2), [1, H * sh, W, 1]), [0, 0, 0, 0], [1, sh * (H - 1) + 1, W, 1]);
  const H2 = y.shape[1]!;
  if (sw > 1) y = tf.slice(tf.reshape(tf.stack([y, ...Array.from({ length: sw - 1 }, () => tf.zerosLike(y))], 3), [1, H2, W * sw, 1]), [0, 0, 0, 0], [1, H2, sw * (W - 1) + 1, 1]);
  return y as import('@tensorflow/tfjs').Tensor4D;
}

/** Pad (positive) or crop (negative) each side of the two spatial axes. */
function padOrCrop(tf: TF, x: import('@tensorflow/tfjs').Tensor4D, t: number, b: number, l: number, r: number): import('@tensorflow/tfjs').Tensor4D {
  let y = tf.pad(x, [[0, 0], [Math.max(t, 0), Math.max(b, 0)], [Math.max(l, 0), Math.max(r, 0)], [0, 0]]) as import('@tensorflow/tfjs').Tensor4D;
  const [, H, W] = y.shape;
  const ct = Math.max(-t, 0), cb = Math.max(-b, 0), cl = Math.max(-l, 0), cr = Math.max(-r, 0);
  if (ct || cb || cl || cr) y = tf.slice(y, [0, ct, cl, 0], [1, H - ct - cb, W - cl - cr, 1]) as import('@tensorflow/tfjs').Tensor4D;
  return y;
}

export function convTranspose2dShape(tf: TF, a: TransposeShapeArgs): [number, number] {
  return tf.tidy(() => {
    const p = a.pads ?? [a.padding?.[0] ?? 0, a.padding?.[1] ?? 0, a.padding?.[0] ?? 0, a.padding?.[1] ?? 0];
    const d = a.dilation ?? [1, 1], op = a.outputPadding ?? [0, 0];
    const [ph0, ph1] = transposeAxisPads(a.height, a.kernel[0], a.stride[0], d[0], op[0], p[0], p[2], a.autoPad, a.outputShape?.[0]);
    const [pw0, pw1] = transposeAxisPads(a.width, a.kernel[1], a.stride[1], d[1], op[1], p[1], p[3], a.autoPad, a.outputShape?.[1]);
    const fh = footprint(a.kernel[0], d[0]), fw = footprint(a.kernel[1], d[1]);
    const up = upsample(tf, tf.zeros([1, a.height, a.width, 1]) as import('@tensorflow/tfjs').Tensor4D, a.stride[0], a.stride[1]);
    const x = padOrCrop(tf, up, fh - 1 - ph0, fh - 1 - ph1 + op[0], fw - 1 - pw0, fw - 1 - pw1 + op[1]);
    const y = tf.conv2d(x, tf.zeros([fh, fw, 1, 1]) as import('@tensorflow/tfjs').Tensor4D, 1, 'valid');
    return [y.shape[1], y.shape[2]];
  });
}

export interface UnpoolShapeArgs { height: number; width: number; kernel: [number, number]; stride: [number, number]; padding?: [number, number]; pads?: [number, number, number, number]; outputShape?: [number, number] }

/**
 * Max unpooling as the transposed pooling window: the same zero insertion, padding by k − 1 − p and a dense
 * k-window (tf.conv2d, stride 1, 'valid'); an ONNX output_shape (≥ that) then zero-pads the result at the end
 * (tf.pad), as ONNX's reference and torch place the unpooled values at their indices in a larger zero tensor.
 */
export function maxUnpool2dShape(tf: TF, a: UnpoolShapeArgs): [number, number] {
  return tf.tidy(() => {
    const p = a.pads ?? [a.padding?.[0] ?? 0, a.padding?.[1] ?? 0, a.padding?.[0] ?? 0, a.padding?.[1] ?? 0];
    const up = upsample(tf, tf.zeros([1, a.height, a.width, 1]) as import('@tensorflow/tfjs').Tensor4D, a.stride[0], a.stride[1]);
    const x = padOrCrop(tf, up, a.kernel[0] - 1 - p[0], a.kernel[0] - 1 - p[2], a.kernel[1] - 1 - p[1], a.kernel[1] - 1 - p[3]);
    let y = tf.conv2d(x, tf.zeros([a.kernel[0], a.kernel[1], 1, 1]) as import('@tensorflow/tfjs').Tensor4D, 1, 'valid');
    if (a.outputShape) {
      const eh = a.outputShape[0] - y.shape[1], ew = a.outputShape[1] - y.shape[2];
      if (eh < 0 || ew < 0) throw new Error(`output_shape [${a.outputShape}] is below the unpooled size [${y.shape[1]}, ${y.shape[2]}]`);
      y = tf.pad(y, [[0, 0], [0, eh], [0, ew], [0, 0]]) as import('@tensorflow/tfjs').Tensor4D;
    }
    return [y.shape[1], y.shape[2]];
  });
}

export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'cnn.conv-transpose2d-shape': (a: TransposeShapeArgs) => convTranspose2dShape(tf, a),
    'cnn.max-unpool2d-shape': (a: UnpoolShapeArgs) => maxUnpool2dShape(tf, a),
    'cnn.conv2d-shape': (a: ConvShapeArgs) => conv2dShape(tf, a),
    'cnn.pool2d-shape': (a: PoolShapeArgs) => pool2dShape(tf, a),
    'cnn.conv2d-filter-grad': (a: Conv2dFilterGradArgs) => conv2dFilterGrad(tf, a),
  };
}
