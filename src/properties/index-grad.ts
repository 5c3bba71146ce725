/** Claim modules of one area (merged into src/properties/index.ts). */
import type { ClaimModule } from '../registry/types.js';
import { claim as cnnDW } from './cnn.dW.js';
import { claim as bnBackward } from './bn.backward.js';
import { claim as cnnDWVariance } from './cnn.dW-variance.js';
import { claim as scoreGaussian } from './grad.score-gaussian.js';
import { claim as logDerivative } from './grad.log-derivative.js';
import { claim as reparam } from './grad.reparam.js';
import { claim as rnnLinearGrad } from './rnn.linear-grad.js';
import { claim as rnnBptt } from './rnn.bptt.js';
import { claim as pcaAeGrad } from './pca.ae-grad.js';

export const CLAIMS: readonly ClaimModule[] = [cnnDW, bnBackward, cnnDWVariance, scoreGaussian, logDerivative, reparam, rnnLinearGrad, rnnBptt, pcaAeGrad];
