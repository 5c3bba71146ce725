import type { TF } from './types.js';

export interface LayerNormArgs { x: number[][]; gamma: number[]; beta: number[]; eps: number }

/** `norm.layernorm`: γ(x − μ)/√(σ² + ε) + β over the last axis, with `tf.moments` (biased variance). */
export function layerNorm(tf: TF, args: LayerNormArgs): number[][] {
  const N = args.x.length;
  if (N === 0) return [];
  const D = args.x[0]!.length;
  return tf.tidy(() => {
    const x = tf.tensor2d(args.x, [N, D], 'float32');
    const { mean, variance } = tf.moments(x, -1, true);
    const y = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, tf.scalar(args.eps, 'float32'))));
    return tf.add(tf.mul(y, tf.tensor1d(args.gamma, 'float32')), tf.tensor1d(args.beta, 'float32')).arraySync() as number[][];
  });
}
