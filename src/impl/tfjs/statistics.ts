/**
 * `stats.variance`. `tf.moments` returns the *biased* variance Σ(x−x̄)²/n; for the unbiased S²
 * (correction 1) we rescale by n/(n−1), as a user of tfjs must.
 */
import type { TF } from './types.js';

export function variance(tf: TF, args: { x: number[]; correction: 0 | 1 }): number {
  const n = args.x.length;
  if (n - args.correction <= 0) return NaN;
  return tf.tidy(() => {
    const v = tf.moments(tf.tensor1d(args.x, 'float32')).variance;
    const r = args.correction === 1 ? tf.mul(v, tf.scalar(n / (n - 1), 'float32')) : v;
    return r.dataSync()[0]!;
  });
}

/** The ops of this domain in the built-in implementation. */
export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'stats.variance': (a: { x: number[]; correction: 0 | 1 }) => variance(tf, a),
  };
}
