/** The built-in implementation (TensorFlow.js) of the retrieval domain's ops. Never imports an oracle or lemmata's numerics. */
import type { TF } from './types.js';

/** `ret.maxsim`: (Q·Dᵀ).max(axis 1).sum(), float32. */
export function maxSim(tf: TF, a: { Q: number[][]; D: number[][] }): number {
  if (a.Q.length === 0) return 0;
  const d = a.Q[0]!.length;
  return tf.tidy(() => {
    const q = tf.tensor2d(a.Q.flat(), [a.Q.length, d], 'float32');
    const D = tf.tensor2d(a.D.flat(), [a.D.length, d], 'float32');
    return tf.matMul(q, D, false, true).max(1).sum().dataSync()[0]!;
  });
}

/** `loss.kl`: Σ p·(log p − log q) with 0·log 0 = 0 (tf.where on p > 0), float32. */
export function kl(tf: TF, a: { p: number[]; q: number[] }): number {
  if (a.p.length === 0) return 0;
  return tf.tidy(() => {
    const p = tf.tensor1d(a.p, 'float32');
    const q = tf.tensor1d(a.q, 'float32');
    const pos = p.greater(0);
    const safeP = tf.where(pos, p, tf.onesLike(p));
    const t = tf.where(pos, p.mul(tf.log(safeP).sub(tf.log(q))), tf.zerosLike(p));
    return t.sum().dataSync()[0]!;
  });
}

/** The ops of this domain in the built-in implementation. */
export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'ret.maxsim': (a: { Q: number[][]; D: number[][] }) => maxSim(tf, a),
    'loss.kl': (a: { p: number[]; q: number[] }) => kl(tf, a),
  };
}
