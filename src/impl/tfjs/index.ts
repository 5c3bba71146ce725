/**
 * The built-in implementation under test: TensorFlow.js in float32 on a chosen backend, one module
 * per domain (src/registry/domains.ts), each exporting `ops(tf)`.
 * It never imports an oracle (src/oracles) or lemmata's exact numerics (src/numerics);
 * test/architecture/layout.test.ts enforces that.
 */
import type { Implementation } from '../../registry/types.js';
import type { OpDomain } from '../../registry/domains.js';
import type { TF } from './types.js';
import { useBackend, type BackendName } from './backend.js';
import * as attention from './attention.js';
import * as softmax from './softmax.js';
import * as normalisation from './normalisation.js';
import * as statistics from './statistics.js';
import * as sampling from './sampling.js';
import * as regression from './regression.js';
import * as quantisation from './quantisation.js';
import * as convolution from './convolution.js';
import * as sequence from './sequence.js';
import * as recurrent from './recurrent.js';
import * as stateSpace from './state-space.js';
import * as optimisation from './optimisation.js';
import * as text from './text.js';
import * as fourier from './fourier.js';
import * as peft from './peft.js';
import * as decoding from './decoding.js';
import * as pretraining from './pretraining.js';
import * as alignment from './alignment.js';
import * as retrieval from './retrieval.js';

type OpTable = Record<string, (args: any) => any>;

export const IMPL_BY_DOMAIN = {
  attention, softmax, normalisation, statistics, sampling, regression, quantisation,
  convolution, sequence, recurrent, 'state-space': stateSpace, optimisation, text, fourier, peft, decoding, pretraining, alignment, retrieval,
} as const satisfies Record<OpDomain, { ops(tf: TF): OpTable }>;

export async function createTfjsImplementation(backend: BackendName = 'wasm'): Promise<Implementation> {
  const tf = await useBackend(backend);
  const ops: OpTable = {};
  for (const m of Object.values(IMPL_BY_DOMAIN)) Object.assign(ops, m.ops(tf));
  return {
    name: `tfjs-${backend}`,
    dtype: 'float32',
    backend,
    notes: [
      `TensorFlow.js ${tf.version.tfjs}, backend '${tf.getBackend()}', float32.`,
      'reg.ridge-solve: tfjs has no linear solver; XᵀX + λI and Xᵀy are formed with tfjs matMul, the system is solved by float32 Gaussian elimination with partial pivoting.',
      'text.bpe-train / text.bpe-encode: tokenisation has no tensor form; they run in the plain-JS incremental BPE shipped with the implementation (src/impl/tfjs/text.ts).',
      'stats.variance: tf.moments returns the biased variance; the unbiased S² is obtained by rescaling with n/(n−1).',
      'fourier.dft / fourier.rfft / fourier.stft: tf.spectral.fft / rfft (and tf.signal.stft) have no wasm kernel; they run on the cpu backend when the backend is wasm. fourier.stft passes tf.signal.stft a periodic Hann windowFn (tf.signal.hannWindow is symmetric for odd lengths).',
    ],
    ops,
  };
}
