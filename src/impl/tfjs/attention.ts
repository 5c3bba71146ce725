import type { TF } from './types.js';

export interface SdpaArgs { q: number[][]; k: number[][]; v: number[][]; causal: boolean }

/**
 * `attn.sdpa`: softmax(QKᵀ/√d)V in float32 with tfjs ops. The causal mask adds −∞ (here the
 * float32 lowest value) above the diagonal before the softmax, as PyTorch and Keras do.
 */
export function sdpa(tf: TF, args: SdpaArgs): number[][] {
  const T = args.q.length, S = args.k.length;
  const d = T > 0 ? args.q[0]!.length : 0;
  const e = S > 0 ? args.v[0]!.length : 0;
  if (T === 0) return [];
  if (S === 0 || e === 0) return args.q.map(() => new Array(e).fill(0));
  return tf.tidy(() => {
    const q = tf.tensor2d(args.q, [T, d], 'float32');
    const k = tf.tensor2d(args.k, [S, d], 'float32');
    const v = tf.tensor2d(args.v, [S, e], 'float32');
    let scores = tf.div(tf.matMul(q, k, false, true), tf.sqrt(tf.scalar(d, 'float32')));
    if (args.causal) {
      const keep = tf.linalg.bandPart(tf.ones([T, S], 'float32'), -1, 0);
      scores = tf.where(tf.cast(keep, 'bool'), scores, tf.fill([T, S], -3.4028234663852886e38));
    }
    const out = tf.matMul(tf.softmax(scores), v);
    return out.arraySync() as number[][];
  });
}

/** The ops of this domain in the built-in implementation. */
export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'attn.sdpa': (a: SdpaArgs) => sdpa(tf, a),
  };
}
