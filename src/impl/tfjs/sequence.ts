/**
 * Linear-chain CRF decoding (Viterbi) and log-partition (forward algorithm) with TensorFlow.js ops
 * in float32 (implementation under test; imports nothing from src/oracles or src/numerics).
 *
 * Scoring convention (the notes: emission scores + a learned transition matrix, decoded by Viterbi):
 *   score(y) = start[y_0] + Σ_t E[t][y_t] + Σ_{t≥1} A[y_{t−1}][y_t] + end[y_{T−1}],
 * A[i][j] = score of i → j; start/end optional (0 if absent). T = 0: path [], score 0, log Z = 0.
 *
 * Evaluation order (it matters for the float32 error analysis in the tests): every input is
 * rounded to float32 once; δ_0 = fl(start + E[0]) (or E[0]); for t ≥ 1,
 * δ_t[j] = fl(fl(δ_{t−1}[i*] + A[i*][j]) + E[t][j]) with i* = argmax_i fl(δ_{t−1}[i] + A[i][j]);
 * finally fl(δ_{T−1} + end). The forward algorithm is the same with max replaced by tf.logSumExp
 * (which tfjs computes as m + log Σ exp(x − m), m = max).
 */
import type * as tfType from '@tensorflow/tfjs';

export interface CrfArgs {
  /** T × L emission scores E[t][label]. */
  emissions: number[][];
  /** L × L transition scores, A[i][j] = score of i → j. */
  transitions: number[][];
  start?: number[];
  end?: number[];
}

function shape(args: CrfArgs): { T: number; L: number } {
  const L = args.transitions.length;
  if (L < 1 || args.transitions.some((r) => r.length !== L)) throw new RangeError('crf: transitions must be L×L with L ≥ 1');
  if (args.emissions.some((r) => r.length !== L)) throw new RangeError('crf: emissions must be T×L');
  if (args.start && args.start.length !== L) throw new RangeError('crf: start must have L entries');
  if (args.end && args.end.length !== L) throw new RangeError('crf: end must have L entries');
  return { T: args.emissions.length, L };
}

/** Viterbi decoding: a best path and its (float32) score. */
export function crfViterbi(tf: typeof tfType, args: CrfArgs): { path: number[]; score: number } {
  const { T, L } = shape(args);
  if (T === 0) return { path: [], score: 0 };
  const backpointers: number[][] = [];
  const last = tf.tidy(() => {
    const E = tf.tensor2d(args.emissions, [T, L], 'float32');
    const A = tf.tensor2d(args.transitions, [L, L], 'float32');
    const rows = tf.unstack(E); // T tensors of shape [L]
    let delta: tfType.Tensor1D = rows[0] as tfType.Tensor1D;
    if (args.start) delta = tf.add(tf.tensor1d(args.start, 'float32'), delta);
    const bps: tfType.Tensor[] = [];
    for (let t = 1; t < T; t++) {
      // cand[i][j] = δ[i] + A[i][j]
      const cand = tf.add(tf.reshape(delta, [L, 1]), A);
      bps.push(tf.argMax(cand, 0));
      delta = tf.add(tf.max(cand, 0), rows[t]!) as tfType.Tensor1D;
    }
    if (args.end) delta = tf.add(delta, tf.tensor1d(args.end, 'float32'));
    for (const b of bps) backpointers.push(Array.from(b.dataSync()));
    const best = tf.argMax(delta).dataSync()[0]!;
    const score = tf.max(delta).dataSync()[0]!;
    return { best, score };
  });
  const path = new Array<number>(T);
  path[T - 1] = last.best;
  for (let t = T - 1; t >= 1; t--) path[t - 1] = backpointers[t - 1]![path[t]!]!;
  return { path, score: last.score };
}

/** log Z by the forward algorithm (log-sum-exp recursion), float32. */
export function crfLogPartition(tf: typeof tfType, args: CrfArgs): number {
  const { T, L } = shape(args);
  if (T === 0) return 0;
  return tf.tidy(() => {
    const E = tf.tensor2d(args.emissions, [T, L], 'float32');
    const A = tf.tensor2d(args.transitions, [L, L], 'float32');
    const rows = tf.unstack(E);
    let alpha: tfType.Tensor = rows[0]!;
    if (args.start) alpha = tf.add(tf.tensor1d(args.start, 'float32'), alpha);
    for (let t = 1; t < T; t++) {
      alpha = tf.add(tf.logSumExp(tf.add(tf.reshape(alpha, [L, 1]), A), 0), rows[t]!);
    }
    if (args.end) alpha = tf.add(alpha, tf.tensor1d(args.end, 'float32'));
    return tf.logSumExp(alpha).dataSync()[0]!;
  });
}

/** The ops of this domain in the built-in implementation. */
export function ops(tf: typeof tfType): Record<string, (args: any) => any> {
  return {
    'seq.crf-viterbi': (a: CrfArgs) => crfViterbi(tf, a),
    'seq.crf-logz': (a: CrfArgs) => crfLogPartition(tf, a),
  };
}
