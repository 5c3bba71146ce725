/** Claim modules of one area (merged into src/properties/index.ts). */
import type { ClaimModule } from '../registry/types.js';
import { claim as regOls } from './reg.ols.js';
import { claim as regSimpleOls } from './reg.simple-ols.js';
import { claim as regR2 } from './reg.r2.js';
import { claim as regMinNorm } from './reg.min-norm.js';
import { claim as regRidgeMap } from './reg.ridge-map.js';
import { claim as regNoiseRidge } from './reg.noise-ridge.js';
import { claim as regLinearPurification } from './reg.linear-purification.js';
import { claim as cnnPoolSize } from './cnn.pool-size.js';
import { claim as cnnReceptiveField } from './cnn.receptive-field.js';
import { claim as statsScoreFisher } from './stats.score-fisher.js';
import { claim as statsCramerRao } from './stats.cramer-rao.js';
import { claim as statsEfficiency } from './stats.efficiency.js';
import { claim as statsBayesOdds } from './stats.bayes-odds.js';
import { claim as statsPosteriorPredictive } from './stats.posterior-predictive.js';
import { claim as gnnWalks } from './gnn.walks.js';
import { claim as pcaTraceRules } from './pca.trace-rules.js';
import { claim as rnnWindowLmParams } from './rnn.window-lm-params.js';
import { claim as regRidgePosterior } from './reg.ridge-posterior.js';
import { claim as statsTestDefs } from './stats.test-defs.js';
import { claim as statsMleAsymptotic } from './stats.mle-asymptotic.js';

export const CLAIMS: readonly ClaimModule[] = [
  regOls, regSimpleOls, regR2, regMinNorm, regRidgeMap, regNoiseRidge, regLinearPurification,
  cnnPoolSize, cnnReceptiveField,
  statsScoreFisher, statsCramerRao, statsEfficiency,
  statsBayesOdds, statsPosteriorPredictive, gnnWalks,
  pcaTraceRules, rnnWindowLmParams, regRidgePosterior,
  statsTestDefs, statsMleAsymptotic,
];
