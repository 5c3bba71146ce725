/** Every claim module, one per spec file (spec/<id>.md). */
import type { ClaimModule } from '../registry/types.js';
import { claim as mse } from './stats.mse-decomposition.js';
import { claim as sampleVariance } from './stats.sample-variance.js';
import { claim as ssDecomposition } from './reg.ss-decomposition.js';
import { claim as ridge } from './reg.ridge-push-through.js';
import { claim as sdpa } from './attn.sdpa.js';
import { claim as sqrtD } from './attn.sqrt-d-variance.js';
import { claim as layerNorm } from './norm.layernorm.js';
import { claim as teacher } from './ret.teacher-softmax.js';
import { claim as quant } from './quant.affine-roundtrip.js';
import { claim as bpeLearner } from './text.bpe-learner.js';
import { claim as bpeSegment } from './text.bpe-segment.js';
import { claim as crf } from './seq.crf-viterbi.js';
import { claim as convSize } from './cnn.out-size.js';
import { CLAIMS as stats2 } from './index-stats2.js';
import { CLAIMS as optim } from './index-optim.js';
import { CLAIMS as grad } from './index-grad.js';
import { CLAIMS as statistical } from './index-statistical.js';
import { CLAIMS as ssm } from './index-ssm.js';
import { CLAIMS as lstm } from './index-lstm.js';
import { CLAIMS as misc } from './index-misc.js';

export const CLAIM_MODULES: readonly ClaimModule[] = [
  mse, sampleVariance, ssDecomposition, ridge, sdpa, sqrtD, layerNorm, teacher, quant, bpeLearner, bpeSegment, crf, convSize,
  ...stats2, ...optim, ...grad, ...statistical, ...ssm, ...lstm, ...misc,
];
