/** The built-in implementation (TensorFlow.js) of the pretraining domain's ops. Never imports an oracle or lemmata's numerics. */
import type { TF } from './types.js';

/**
 * `pre.squad-best-span` as HF's QA post-processing does it: the n × n matrix start[:, None] + end[None, :],
 * pairs with j < i or j − i ≥ maxLen masked to −∞ (a band of the upper triangle), argmax of the flattened
 * matrix (first maximiser in row-major order).
 */
function bestSpan(tf: TF, a: { start: number[]; end: number[]; maxLen: number }): { start: number; end: number } {
  const n = a.start.length;
  const idx = tf.tidy(() => {
    const s = tf.tensor1d(a.start).reshape([n, 1]);
    const e = tf.tensor1d(a.end).reshape([1, n]);
    const scores = tf.add(s, e);
    const band = tf.linalg.bandPart(tf.ones([n, n]), 0, Math.min(a.maxLen, n) - 1);
    const masked = tf.where(tf.greater(band, 0), scores, tf.fill([n, n], -Infinity));
    return masked.reshape([n * n]).argMax();
  });
  const k = (idx.dataSync() as Int32Array)[0]!;
  idx.dispose();
  return { start: Math.floor(k / n), end: k % n };
}

export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'pre.squad-best-span': (a: { start: number[]; end: number[]; maxLen: number }) => bestSpan(tf, a),
  };
}
