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
    'seq.crf-marginals': (a: CrfArgs) => crfMarginals(tf, a),
    'seq.bio-decode': (a: { tags: string[] }) => bioDecode(a.tags),
  };
}

/**
 * `seq.bio-decode`, conlleval's startOfChunk / endOfChunk rules (seqeval's get_entities): a chunk
 * ends before O, B-*, or a tag of another type; it starts at B-X or at an I-X that does not
 * continue the open chunk (I-X after O, at the start, or after another type).
 */
function bioDecode(tags: string[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  let prevTag = 'O', prevType = '', start = -1;
  const parse = (t: string): [string, string] => (t === 'O' ? ['O', ''] : [t.slice(0, 1), t.slice(2)]);
  tags.forEach((t, i) => {
    const [tag, type] = parse(t);
    const endOfChunk = prevTag !== 'O' && (tag === 'O' || tag === 'B' || type !== prevType);
    const startOfChunk = tag === 'B' || (tag === 'I' && (prevTag === 'O' || type !== prevType));
    if (endOfChunk) out.push([start, i - 1, prevType]);
    if (startOfChunk) start = i;
    prevTag = tag; prevType = type;
  });
  if (prevTag !== 'O') out.push([start, tags.length - 1, prevType]);
  return out;
}

/**
 * `seq.crf-marginals` by the log-domain forward–backward algorithm: α_0 = start + E_0,
 * α_t(j) = E_tj + lse_i(α_{t−1}(i) + A_ij); β_{T−1} = end, β_t(i) = lse_j(A_ij + E_{t+1,j} + β_{t+1}(j));
 * log Z = lse_j(α_{T−1}(j) + end_j); P(y_t = j) = exp(α_t(j) + β_t(j) − log Z).
 */
function crfMarginals(tf: typeof tfType, args: CrfArgs): number[][] {
  const { T, L } = shape(args);
  if (T === 0) return [];
  return tf.tidy(() => {
    const E = tf.tensor2d(args.emissions, [T, L]);
    const A = tf.tensor2d(args.transitions, [L, L]);
    const start = args.start ? tf.tensor1d(args.start) : tf.zeros([L]);
    const end = args.end ? tf.tensor1d(args.end) : tf.zeros([L]);
    const rows = tf.unstack(E);
    const alphas: tfType.Tensor1D[] = [tf.add(start, rows[0]!) as tfType.Tensor1D];
    for (let t = 1; t < T; t++) alphas.push(tf.add(tf.logSumExp(tf.add(tf.reshape(alphas[t - 1]!, [L, 1]), A), 0), rows[t]!) as tfType.Tensor1D);
    const betas: tfType.Tensor1D[] = new Array(T);
    betas[T - 1] = end as tfType.Tensor1D;
    for (let t = T - 2; t >= 0; t--) betas[t] = tf.logSumExp(tf.add(A, tf.reshape(tf.add(rows[t + 1]!, betas[t + 1]!), [1, L])), 1) as tfType.Tensor1D;
    const logZ = tf.logSumExp(tf.add(alphas[T - 1]!, end));
    const m = tf.exp(tf.sub(tf.add(tf.stack(alphas), tf.stack(betas)), logZ));
    return m.arraySync() as number[][];
  });
}
