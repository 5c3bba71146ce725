/**
 * Every claim module, one per spec file (`spec/<id>.md` ↔ `src/properties/<id>.ts`), sorted by id.
 * The add-a-claim recipe (ARCHITECTURE.md) adds one line here; test/claims/catalogue.test.ts checks
 * that this list and spec/ agree.
 */
import type { ClaimModule } from '../registry/types.js';
import { claim as attnSdpa } from './attn.sdpa.js';
import { claim as attnSqrtDVariance } from './attn.sqrt-d-variance.js';
import { claim as bnBackward } from './bn.backward.js';
import { claim as cnnDW } from './cnn.dW.js';
import { claim as cnnDWVariance } from './cnn.dW-variance.js';
import { claim as cnnOutSize } from './cnn.out-size.js';
import { claim as cnnPoolSize } from './cnn.pool-size.js';
import { claim as cnnReceptiveField } from './cnn.receptive-field.js';
import { claim as gnnBce } from './gnn.bce.js';
import { claim as gnnWalks } from './gnn.walks.js';
import { claim as gradLogDerivative } from './grad.log-derivative.js';
import { claim as gradReparam } from './grad.reparam.js';
import { claim as gradScoreGaussian } from './grad.score-gaussian.js';
import { claim as lstmAdditive } from './lstm.additive.js';
import { claim as lstmCell } from './lstm.cell.js';
import { claim as mlTempSampling } from './ml.temp-sampling.js';
import { claim as mlTokenRatio } from './ml.token-ratio.js';
import { claim as normLayernorm } from './norm.layernorm.js';
import { claim as optGdDiagonal } from './opt.gd-diagonal.js';
import { claim as optGdIterations } from './opt.gd-iterations.js';
import { claim as optGdOptimalStep } from './opt.gd-optimal-step.js';
import { claim as optGdScalar } from './opt.gd-scalar.js';
import { claim as optMuonLr } from './opt.muon-lr.js';
import { claim as optMupForward } from './opt.mup-forward.js';
import { claim as optMupSignsgd } from './opt.mup-signsgd.js';
import { claim as optMupSpectral } from './opt.mup-spectral.js';
import { claim as optNoisySgd } from './opt.noisy-sgd.js';
import { claim as optNsCost } from './opt.ns-cost.js';
import { claim as optNsIdentity } from './opt.ns-identity.js';
import { claim as optNsLimit } from './opt.ns-limit.js';
import { claim as optScaleInvariance } from './opt.scale-invariance.js';
import { claim as optSgdDescent } from './opt.sgd-descent.js';
import { claim as optSgdStepWindow } from './opt.sgd-step-window.js';
import { claim as optSignsgdLr } from './opt.signsgd-lr.js';
import { claim as optSteepestL2 } from './opt.steepest-l2.js';
import { claim as optSteepestLinf } from './opt.steepest-linf.js';
import { claim as optSvdReduction } from './opt.svd-reduction.js';
import { claim as optUnitScale } from './opt.unit-scale.js';
import { claim as pcaAeGrad } from './pca.ae-grad.js';
import { claim as pcaAeOptimum } from './pca.ae-optimum.js';
import { claim as pcaRegAe } from './pca.reg-ae.js';
import { claim as pcaTraceRules } from './pca.trace-rules.js';
import { claim as quantAffineRoundtrip } from './quant.affine-roundtrip.js';
import { claim as regDropoutRidge } from './reg.dropout-ridge.js';
import { claim as regLinearPurification } from './reg.linear-purification.js';
import { claim as regMinNorm } from './reg.min-norm.js';
import { claim as regNoiseRidge } from './reg.noise-ridge.js';
import { claim as regOls } from './reg.ols.js';
import { claim as regR2 } from './reg.r2.js';
import { claim as regRidgeMap } from './reg.ridge-map.js';
import { claim as regRidgePosterior } from './reg.ridge-posterior.js';
import { claim as regRidgePushThrough } from './reg.ridge-push-through.js';
import { claim as regSimpleOls } from './reg.simple-ols.js';
import { claim as regSsDecomposition } from './reg.ss-decomposition.js';
import { claim as retKl } from './ret.kl.js';
import { claim as retMaxsim } from './ret.maxsim.js';
import { claim as retStudentSoftmax } from './ret.student-softmax.js';
import { claim as retTeacherSoftmax } from './ret.teacher-softmax.js';
import { claim as rlhfDpo } from './rlhf.dpo.js';
import { claim as rlhfKlPenalty } from './rlhf.kl-penalty.js';
import { claim as rlhfReinforce } from './rlhf.reinforce.js';
import { claim as rlhfRmLoss } from './rlhf.rm-loss.js';
import { claim as rnnBptt } from './rnn.bptt.js';
import { claim as rnnLinearGrad } from './rnn.linear-grad.js';
import { claim as rnnVanishing } from './rnn.vanishing.js';
import { claim as rnnWindowLmParams } from './rnn.window-lm-params.js';
import { claim as scale12nd2 } from './scale.12nd2.js';
import { claim as scaleGpt3Mix } from './scale.gpt3-mix.js';
import { claim as scalePowerLaws } from './scale.power-laws.js';
import { claim as seqCrfViterbi } from './seq.crf-viterbi.js';
import { claim as ssmDepth } from './ssm.depth.js';
import { claim as ssmDoubling } from './ssm.doubling.js';
import { claim as ssmKernel } from './ssm.kernel.js';
import { claim as ssmRank1Power } from './ssm.rank1-power.js';
import { claim as statsBayesOdds } from './stats.bayes-odds.js';
import { claim as statsCramerRao } from './stats.cramer-rao.js';
import { claim as statsEfficiency } from './stats.efficiency.js';
import { claim as statsIidSumVariance } from './stats.iid-sum-variance.js';
import { claim as statsMleAsymptotic } from './stats.mle-asymptotic.js';
import { claim as statsMseDecomposition } from './stats.mse-decomposition.js';
import { claim as statsNoncentralPower } from './stats.noncentral-power.js';
import { claim as statsPosteriorPredictive } from './stats.posterior-predictive.js';
import { claim as statsSampleVariance } from './stats.sample-variance.js';
import { claim as statsScoreFisher } from './stats.score-fisher.js';
import { claim as statsTTest } from './stats.t-test.js';
import { claim as statsTestDefs } from './stats.test-defs.js';
import { claim as textBpeLearner } from './text.bpe-learner.js';
import { claim as textBpeSegment } from './text.bpe-segment.js';

export const CLAIM_MODULES: readonly ClaimModule[] = [
  attnSdpa,
  attnSqrtDVariance,
  bnBackward,
  cnnDW,
  cnnDWVariance,
  cnnOutSize,
  cnnPoolSize,
  cnnReceptiveField,
  gnnBce,
  gnnWalks,
  gradLogDerivative,
  gradReparam,
  gradScoreGaussian,
  lstmAdditive,
  lstmCell,
  mlTempSampling,
  mlTokenRatio,
  normLayernorm,
  optGdDiagonal,
  optGdIterations,
  optGdOptimalStep,
  optGdScalar,
  optMuonLr,
  optMupForward,
  optMupSignsgd,
  optMupSpectral,
  optNoisySgd,
  optNsCost,
  optNsIdentity,
  optNsLimit,
  optScaleInvariance,
  optSgdDescent,
  optSgdStepWindow,
  optSignsgdLr,
  optSteepestL2,
  optSteepestLinf,
  optSvdReduction,
  optUnitScale,
  pcaAeGrad,
  pcaAeOptimum,
  pcaRegAe,
  pcaTraceRules,
  quantAffineRoundtrip,
  regDropoutRidge,
  regLinearPurification,
  regMinNorm,
  regNoiseRidge,
  regOls,
  regR2,
  regRidgeMap,
  regRidgePosterior,
  regRidgePushThrough,
  regSimpleOls,
  regSsDecomposition,
  retKl,
  retMaxsim,
  retStudentSoftmax,
  retTeacherSoftmax,
  rlhfDpo,
  rlhfKlPenalty,
  rlhfReinforce,
  rlhfRmLoss,
  rnnBptt,
  rnnLinearGrad,
  rnnVanishing,
  rnnWindowLmParams,
  scale12nd2,
  scaleGpt3Mix,
  scalePowerLaws,
  seqCrfViterbi,
  ssmDepth,
  ssmDoubling,
  ssmKernel,
  ssmRank1Power,
  statsBayesOdds,
  statsCramerRao,
  statsEfficiency,
  statsIidSumVariance,
  statsMleAsymptotic,
  statsMseDecomposition,
  statsNoncentralPower,
  statsPosteriorPredictive,
  statsSampleVariance,
  statsScoreFisher,
  statsTTest,
  statsTestDefs,
  textBpeLearner,
  textBpeSegment,
];
