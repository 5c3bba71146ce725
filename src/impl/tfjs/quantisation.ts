/**
 * Affine (asymmetric) quantisation with tfjs float32 ops. `tf.round` rounds half to even
 * (banker's rounding), like PyTorch's `torch.round` and ONNX QuantizeLinear.
 */
import type { TF } from './types.js';

export function affineParams(tf: TF, a: { xmin: number; xmax: number; qmin: number; qmax: number }): { scale: number; zeroPoint: number } {
  return tf.tidy(() => {
    const lo = tf.minimum(tf.scalar(a.xmin, 'float32'), 0);
    const hi = tf.maximum(tf.scalar(a.xmax, 'float32'), 0);
    const s = tf.div(tf.sub(hi, lo), tf.scalar(a.qmax - a.qmin, 'float32'));
    const scale = s.dataSync()[0]!;
    if (scale === 0) return { scale: 1, zeroPoint: 0 };
    const z = tf.clipByValue(tf.sub(tf.scalar(a.qmin, 'float32'), tf.round(tf.div(lo, s))), a.qmin, a.qmax);
    return { scale, zeroPoint: z.dataSync()[0]! };
  });
}

export function quantize(tf: TF, a: { x: number[]; scale: number; zeroPoint: number; qmin: number; qmax: number }): number[] {
  if (a.x.length === 0) return [];
  return tf.tidy(() => {
    const q = tf.add(tf.round(tf.div(tf.tensor1d(a.x, 'float32'), tf.scalar(a.scale, 'float32'))), tf.scalar(a.zeroPoint, 'float32'));
    return Array.from(tf.clipByValue(q, a.qmin, a.qmax).dataSync());
  });
}

export function dequantize(tf: TF, a: { q: number[]; scale: number; zeroPoint: number }): number[] {
  if (a.q.length === 0) return [];
  return tf.tidy(() => Array.from(
    tf.mul(tf.sub(tf.tensor1d(a.q, 'float32'), tf.scalar(a.zeroPoint, 'float32')), tf.scalar(a.scale, 'float32')).dataSync()));
}

/** Σ_k (X_ik − z_x)(W_kj − z_w): shift by the zero points, then tf.matMul in float32 (exact: |partial sums| < 2²⁴). */
export function intGemm(tf: TF, a: { X: number[][]; W: number[][]; zx: number; zw: number }): number[][] {
  const m = a.X.length, n = a.W.length > 0 ? a.W[0]!.length : 0;
  if (m === 0 || n === 0) return a.X.map(() => []);
  return tf.tidy(() => {
    const x = tf.sub(tf.tensor2d(a.X, undefined, 'float32'), tf.scalar(a.zx, 'float32'));
    const w = tf.sub(tf.tensor2d(a.W, undefined, 'float32'), tf.scalar(a.zw, 'float32'));
    return tf.matMul(x, w).arraySync() as number[][];
  });
}

/**
 * The clipped straight-through gradient of FakeQuant by tfjs autodiff: FakeQuant as a tf.customGrad
 * whose gradient passes dy where the rounded code is unclipped, differentiated with tf.grad.
 */
export function steGrad(tf: TF, a: { x: number[]; scale: number; zeroPoint: number; qmin: number; qmax: number }): number[] {
  if (a.x.length === 0) return [];
  return tf.tidy(() => {
    const s = tf.scalar(a.scale, 'float32'), z = tf.scalar(a.zeroPoint, 'float32');
    const fq = tf.customGrad((x: any, save: any) => {
      const q = tf.add(tf.round(tf.div(x, s)), z);
      const mask = tf.cast(tf.logicalAnd(tf.greaterEqual(q, a.qmin), tf.lessEqual(q, a.qmax)), 'float32');
      save([mask]);
      const value = tf.mul(tf.sub(tf.clipByValue(q, a.qmin, a.qmax), z), s);
      return { value, gradFunc: (dy: any, saved: any) => tf.mul(dy, saved[0]) };
    });
    const g = tf.grad((x: any) => tf.sum(fq(x) as any))(tf.tensor1d(a.x, 'float32'));
    return Array.from(g.dataSync());
  });
}

/** The ops of this domain in the built-in implementation. */
export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'quant.affine-params': (a) => affineParams(tf, a),
    'quant.quantize': (a) => quantize(tf, a),
    'quant.dequantize': (a) => dequantize(tf, a),
    'quant.int-gemm': (a) => intGemm(tf, a),
    'quant.ste-grad': (a) => steGrad(tf, a),
  };
}
