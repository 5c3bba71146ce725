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

/** `bn.backward` by tfjs autodiff (tf.grads) of a forward written with primitive ops. */

export interface BnBackwardArgs {
  /** Batch × features. */
  x: number[][];
  gamma: number[];
  beta: number[];
  /** ∂L/∂y, batch × features. */
  dy: number[][];
  eps: number;
}

/**
 * Batch norm, training mode, over the batch axis (axis 0), written with primitive ops so that the
 * backward graph is known (src/numerics/bounds-grad.ts models it op by op):
 *   μ = mean(x, 0); c = x − μ; v = mean(c², 0); s = √(v + ε); x̂ = c / s; y = γ x̂ + β;
 *   L = Σ y ⊙ dy;  returns tf.grads(L) w.r.t. (x, γ, β).
 */
export function bnBackward(tf: TF, a: BnBackwardArgs): { dx: number[][]; dgamma: number[]; dbeta: number[] } {
  const N = a.x.length, D = a.x[0]!.length;
  return tf.tidy(() => {
    const x = tf.tensor2d(a.x, [N, D], 'float32');
    const gamma = tf.tensor1d(a.gamma, 'float32');
    const beta = tf.tensor1d(a.beta, 'float32');
    const dy = tf.tensor2d(a.dy, [N, D], 'float32');
    const eps = tf.scalar(a.eps, 'float32');
    const f = (xx: any, g: any, b: any) => {
      const mu = tf.mean(xx, 0);
      const c = tf.sub(xx, mu);
      const v = tf.mean(tf.square(c), 0);
      const s = tf.sqrt(tf.add(v, eps));
      const y = tf.add(tf.mul(g, tf.div(c, s)), b);
      return tf.sum(tf.mul(y, dy));
    };
    const [dx, dg, db] = tf.grads(f)([x, gamma, beta]);
    return { dx: dx!.arraySync() as number[][], dgamma: dg!.arraySync() as number[], dbeta: db!.arraySync() as number[] };
  });
}

/** The ops of this domain in the built-in implementation. */
export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'norm.layernorm': (a: LayerNormArgs) => layerNorm(tf, a),
    'bn.backward': (a: BnBackwardArgs) => bnBackward(tf, a),
  };
}
