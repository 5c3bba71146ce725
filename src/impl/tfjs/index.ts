/**
 * The built-in implementation under test: TensorFlow.js in float32 on a chosen backend.
 * It never imports an oracle (src/oracles) or lemmata's exact numerics (src/numerics).
 */
import type { Implementation } from '../../registry/types.js';
import { useBackend, type BackendName } from './backend.js';
import { softmax } from './softmax.js';
import { sdpa } from './attention.js';
import { layerNorm } from './layernorm.js';
import { variance } from './variance.js';
import { ridgeSolve } from './ridge.js';
import { affineParams, quantize, dequantize } from './quantize.js';
import { conv2dShape } from './conv-shape.js';
import { crfViterbi, crfLogPartition } from './crf.js';
import { bpeTrain, bpeEncode } from '../js/bpe.js';
import { opsExtra as statsOps } from './ops-stats2.js';
import { opsExtra as optimOps } from './ops-optim.js';
import { opsExtra as gradOps } from './ops-grad.js';
import { opsExtra as statisticalOps } from './ops-statistical.js';
import { opsExtra as ssmOps } from './ops-ssm.js';
import { opsExtra as lstmOps } from './ops-lstm.js';
import { opsExtra as miscOps } from './ops-misc.js';

export async function createTfjsImplementation(backend: BackendName = 'wasm'): Promise<Implementation> {
  const tf = await useBackend(backend);
  return {
    name: `tfjs-${backend}`,
    dtype: 'float32',
    backend,
    notes: [
      `TensorFlow.js ${tf.version.tfjs}, backend '${tf.getBackend()}', float32.`,
      'reg.ridge-solve: tfjs has no linear solver; XᵀX + λI and Xᵀy are formed with tfjs matMul, the system is solved by float32 Gaussian elimination with partial pivoting.',
      'text.bpe-train / text.bpe-encode: tokenisation has no tensor form; they run in the plain-JS incremental BPE shipped with the implementation (src/impl/js/bpe.ts).',
      'stats.variance: tf.moments returns the biased variance; the unbiased S² is obtained by rescaling with n/(n−1).',
    ],
    ops: {
      'nn.softmax': (a) => softmax(tf, a),
      'attn.sdpa': (a) => sdpa(tf, a),
      'norm.layernorm': (a) => layerNorm(tf, a),
      'stats.variance': (a) => variance(tf, a),
      'reg.ridge-solve': (a) => ridgeSolve(tf, a),
      'quant.affine-params': (a) => affineParams(tf, a),
      'quant.quantize': (a) => quantize(tf, a),
      'quant.dequantize': (a) => dequantize(tf, a),
      'cnn.conv2d-shape': (a) => conv2dShape(tf, a),
      'seq.crf-viterbi': (a) => crfViterbi(tf, a),
      'seq.crf-logz': (a) => crfLogPartition(tf, a),
      'text.bpe-train': (a) => bpeTrain(a.words, a.merges, { endOfWord: a.endOfWord, tieBreak: a.tieBreak }),
      'text.bpe-encode': (a) => bpeEncode(a.word, a.merges, { endOfWord: a.endOfWord }),
      ...statsOps(tf), ...optimOps(tf), ...gradOps(tf), ...statisticalOps(tf), ...ssmOps(tf), ...lstmOps(tf), ...miscOps(tf),
    },
  };
}
