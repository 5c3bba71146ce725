/**
 * tfjs implementations of the ops of this domain.
 *
 * `lstm.cell` calls `tf.basicLSTMCell(forgetBias, lstmKernel, lstmBias, data, c, h)`, whose source
 * (tfjs-core/src/ops/basic_lstm_cell.ts) is
 *   res = concat([data, h], 1) · lstmKernel + lstmBias;   split res in four column blocks i, j, f, o;
 *   newC = σ(i) ⊙ tanh(j) + c ⊙ σ(forgetBias + f);        newH = tanh(newC) ⊙ σ(o).
 * Mapping from the notes' convention (seed 000: W_g ∈ ℝ^{m×(m+n)} acting on [h_{t−1}; x_t], bias b_g,
 * gates f, i, c̃ (= "C" weights), o):
 *   • gate order: tfjs blocks (i, j, f, o) = notes' (i, c̃, f, o);
 *   • concatenation order: tfjs multiplies [x; h] (data first), the notes [h; x] — so row r of the
 *     kernel is column m + r of W_g for r < n (x part) and column r − n for r ≥ n (h part);
 *   • layout: tfjs uses a row vector times the kernel, so block q of the kernel is W_gᵀ (reordered);
 *   • forget bias: tfjs adds `forgetBias` to the f block (TensorFlow's BasicLSTMCell default is 1.0);
 *     we pass forgetBias = 0 and lstmBias_f = b_f (in general lstmBias_f = b_f − forgetBias).
 * Inputs are single vectors (batch 1).
 */
import type { TF } from './types.js';

export interface LstmCellArgs {
  x: number[]; h: number[]; c: number[];
  Wf: number[][]; Wi: number[][]; Wc: number[][]; Wo: number[][];
  bf: number[]; bi: number[]; bc: number[]; bo: number[];
}

export function lstmCell(tf: TF, a: LstmCellArgs): { h: number[]; c: number[] } {
  const n = a.x.length, m = a.h.length;
  const blocks: Array<[number[][], number[]]> = [[a.Wi, a.bi], [a.Wc, a.bc], [a.Wf, a.bf], [a.Wo, a.bo]];
  const kernel: number[][] = Array.from({ length: n + m }, () => []);
  const bias: number[] = [];
  for (const [W, b] of blocks) {
    for (let k = 0; k < m; k++) {
      for (let r = 0; r < n + m; r++) kernel[r]!.push(r < n ? W[k]![m + r]! : W[k]![r - n]!);
      bias.push(b[k]!);
    }
  }
  return tf.tidy(() => {
    const K = tf.tensor2d(kernel, [n + m, 4 * m], 'float32');
    const B = tf.tensor1d(bias, 'float32');
    const data = tf.tensor2d([a.x], [1, n], 'float32');
    const c = tf.tensor2d([a.c], [1, m], 'float32');
    const h = tf.tensor2d([a.h], [1, m], 'float32');
    const [newC, newH] = tf.basicLSTMCell(tf.scalar(0, 'float32'), K, B, data, c, h);
    return { h: (newH!.arraySync() as number[][])[0]!, c: (newC!.arraySync() as number[][])[0]! };
  });
}


/** `nn.window-lm-param-count` with tf.layers. */

export interface WindowLmArgs { vocab: number; hidden: number; window: number; embed: number }

/**
 * `nn.window-lm-param-count`: build the fixed-window neural LM with tf.layers and count its
 * parameters (model.countParams()). embed > 0: embedding(V→d) → flatten → dense(h, tanh) →
 * dense(V, softmax); embed = 0: the one-hot variant, dense(h) on the concatenated n·V one-hots → dense(V).
 */
export function windowLmParamCount(tf: TF, a: WindowLmArgs): number {
  // Realistic vocabularies (V up to 2.5·10⁵, h up to 4096) would allocate gigabytes of weights: beyond
  // 2²² parameters per layer the count is the sum over the same layers of the weight shapes tf.layers
  // creates (embedding [V, d]; dense kernel [in, units] and bias [units]), without building them.
  const inDim = a.embed > 0 ? a.window * a.embed : a.window * a.vocab;
  if (Math.max(a.vocab * a.embed, inDim * a.hidden, a.hidden * a.vocab) > 2 ** 22) {
    const shapes: number[][] = [...(a.embed > 0 ? [[a.vocab, a.embed]] : []), [inDim, a.hidden], [a.hidden], [a.hidden, a.vocab], [a.vocab]];
    return shapes.reduce((s, sh) => s + sh.reduce((p, d) => p * d, 1), 0);
  }
  const model = tf.sequential();
  if (a.embed > 0) {
    model.add(tf.layers.embedding({ inputDim: a.vocab, outputDim: a.embed, inputLength: a.window }));
    model.add(tf.layers.flatten());
    model.add(tf.layers.dense({ units: a.hidden, activation: 'tanh' }));
  } else {
    model.add(tf.layers.dense({ units: a.hidden, activation: 'tanh', inputShape: [a.window * a.vocab] }));
  }
  model.add(tf.layers.dense({ units: a.vocab, activation: 'softmax' }));
  const n = model.countParams();
  model.dispose();
  return n;
}

/** The ops of this domain in the built-in implementation. */
export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'lstm.cell': (a: LstmCellArgs) => lstmCell(tf, a),
    'nn.window-lm-param-count': (a: WindowLmArgs) => windowLmParamCount(tf, a),
  };
}
