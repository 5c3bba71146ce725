/** The built-in implementation (TensorFlow.js) of the decoding domain's ops. Never imports an oracle or lemmata's numerics. */
import type { TF } from './types.js';

/** `dec.top-k-filter` as HF's TopKLogitsWarper: threshold = the k-th value of tf.topk, keep logits ≥ threshold. */
function topK(tf: TF, a: { logits: number[]; k: number }): number[] {
  const V = a.logits.length;
  const k = Math.min(a.k, V);
  return tf.tidy(() => {
    const x = tf.tensor1d(a.logits);
    const kth = tf.topk(x, k).values.slice([k - 1], [1]);
    return Array.from(tf.greaterEqual(x, kth).cast('int32').dataSync() as Int32Array);
  });
}

/** `dec.top-p-filter` as HF's TopPLogitsWarper on probabilities: sort ascending, cumulative sum, remove the prefix ≤ 1 − p, keep at least the largest. */
function topP(tf: TF, a: { probs: number[]; p: number }): number[] {
  const V = a.probs.length;
  const { order, cum } = tf.tidy(() => {
    const x = tf.tensor1d(a.probs);
    const desc = tf.topk(x, V); // descending values and indices
    const asc = tf.reverse(desc.values);
    return { order: Array.from(tf.reverse(desc.indices).dataSync() as Int32Array), cum: Array.from(tf.cumsum(asc).dataSync() as Float32Array | Float64Array) };
  });
  const thr = 1 - a.p;
  const keep = new Array<number>(V).fill(1);
  for (let r = 0; r < V - 1; r++) if (cum[r]! <= thr) keep[order[r]!] = 0; // never remove the most probable word
  return keep;
}

export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'dec.top-k-filter': (a: { logits: number[]; k: number }) => topK(tf, a),
    'dec.top-p-filter': (a: { probs: number[]; p: number }) => topP(tf, a),
  };
}
