/** The built-in implementation (TensorFlow.js) of the peft domain's ops. Never imports an oracle or lemmata's numerics. */
import type { TF } from './types.js';

export interface LoraMergeArgs { w0: number[][]; b: number[][]; a: number[][]; alpha: number }

/** `peft.lora-merge`: W₀ + (α/r)·(B·A) with tf.matMul, as PEFT merges (delta = B @ A * scaling; W += delta). */
export function loraMerge(tf: TF, x: LoraMergeArgs): number[][] {
  const d = x.w0.length, k = x.w0[0]!.length, r = x.a.length;
  return tf.tidy(() => {
    const w0 = tf.tensor2d(x.w0.flat(), [d, k], 'float32');
    const b = tf.tensor2d(x.b.flat(), [d, r], 'float32');
    const a = tf.tensor2d(x.a.flat(), [r, k], 'float32');
    const delta = tf.mul(tf.matMul(b, a), tf.scalar(x.alpha / r, 'float32'));
    return tf.add(w0, delta).arraySync() as number[][];
  });
}

export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'peft.lora-merge': (a: LoraMergeArgs) => loraMerge(tf, a),
  };
}
