/**
 * Every claim module, one per spec file (`spec/<id>.md` ↔ `src/properties/<id>.ts`), sorted by id.
 * The add-a-claim recipe (ARCHITECTURE.md) adds one line here; test/claims/catalogue.test.ts checks
 * that this list and spec/ agree.
 */
import type { ClaimModule } from '../registry/types.js';
import { claim as attnCausalMask } from './attn.causal-mask.js';
import { claim as attnConcatSum } from './attn.concat-sum.js';
import { claim as attnGqa } from './attn.gqa.js';
import { claim as attnLinearAttn } from './attn.linear-attn.js';
import { claim as attnMultiheadF3 } from './attn.multihead-F3.js';
import { claim as attnPolyKernel } from './attn.poly-kernel.js';
import { claim as attnPostLnBlock } from './attn.post-ln-block.js';
import { claim as attnQkOv } from './attn.qk-ov.js';
import { claim as attnResidualStream } from './attn.residual-stream.js';
import { claim as attnRidgeAttn } from './attn.ridge-attn.js';
import { claim as attnRope } from './attn.rope.js';
import { claim as attnScoreFns } from './attn.score-fns.js';
import { claim as attnSdpa } from './attn.sdpa.js';
import { claim as attnShawRelative } from './attn.shaw-relative.js';
import { claim as attnShermanMorrison } from './attn.sherman-morrison.js';
import { claim as attnSinusoidalPe } from './attn.sinusoidal-pe.js';
import { claim as attnSqrtDVariance } from './attn.sqrt-d-variance.js';
import { claim as attnT5Bias } from './attn.t5-bias.js';
import { claim as bnBackward } from './bn.backward.js';
import { claim as cnnDW } from './cnn.dW.js';
import { claim as cnnDWVariance } from './cnn.dW-variance.js';
import { claim as cnnOutSize } from './cnn.out-size.js';
import { claim as cnnPoolSize } from './cnn.pool-size.js';
import { claim as cnnReceptiveField } from './cnn.receptive-field.js';
import { claim as decBeam } from './dec.beam.js';
import { claim as decGreedy } from './dec.greedy.js';
import { claim as decTemperature } from './dec.temperature.js';
import { claim as decTopK } from './dec.top-k.js';
import { claim as decTopP } from './dec.top-p.js';
import { claim as ffnRelu } from './ffn.relu.js';
import { claim as fourierDftFft } from './fourier.dft-fft.js';
import { claim as fourierDtft } from './fourier.dtft.js';
import { claim as fourierFt } from './fourier.ft.js';
import { claim as fourierNyquist } from './fourier.nyquist.js';
import { claim as fourierReplicas } from './fourier.replicas.js';
import { claim as fourierStftSpectrogram } from './fourier.stft-spectrogram.js';
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
import { claim as peftAdapterCount } from './peft.adapter-count.js';
import { claim as peftFtMemory } from './peft.ft-memory.js';
import { claim as peftIa3 } from './peft.ia3.js';
import { claim as peftKrona } from './peft.krona.js';
import { claim as peftLora10000x } from './peft.lora-10000x.js';
import { claim as peftLora4096 } from './peft.lora-4096.js';
import { claim as peftLoraInit } from './peft.lora-init.js';
import { claim as peftLoraShapes } from './peft.lora-shapes.js';
import { claim as peftLoraTargets } from './peft.lora-targets.js';
import { claim as peftPrefixContext } from './peft.prefix-context.js';
import { claim as preBart } from './pre.bart.js';
import { claim as preBertBase } from './pre.bert-base.js';
import { claim as preClsHeads } from './pre.cls-heads.js';
import { claim as preGptShift } from './pre.gpt-shift.js';
import { claim as preMlm } from './pre.mlm.js';
import { claim as preSpanbert } from './pre.spanbert.js';
import { claim as preSquad } from './pre.squad.js';
import { claim as preSquadIndex } from './pre.squad-index.js';
import { claim as preT5Span } from './pre.t5-span.js';
import { claim as preVit } from './pre.vit.js';
import { claim as quant2bitExample } from './quant.2bit-example.js';
import { claim as quantAbsmaxInt8 } from './quant.absmax-int8.js';
import { claim as quantAffineExample } from './quant.affine-example.js';
import { claim as quantAffineParams } from './quant.affine-params.js';
import { claim as quantAffineRoundtrip } from './quant.affine-roundtrip.js';
import { claim as quantCalibration } from './quant.calibration.js';
import { claim as quantDoubleQuant } from './quant.double-quant.js';
import { claim as quantFakequantSte } from './quant.fakequant-ste.js';
import { claim as quantIntGemm } from './quant.int-gemm.js';
import { claim as quantNf4Levels } from './quant.nf4-levels.js';
import { claim as quantNf4Map } from './quant.nf4-map.js';
import { claim as quantTypeTable } from './quant.type-table.js';
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
import { claim as seqBio } from './seq.bio.js';
import { claim as seqCrfViterbi } from './seq.crf-viterbi.js';
import { claim as seqFactorized } from './seq.factorized.js';
import { claim as seqSubwordLabels } from './seq.subword-labels.js';
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
import { claim as textBm25 } from './text.bm25.js';
import { claim as textBow } from './text.bow.js';
import { claim as textBpeLearner } from './text.bpe-learner.js';
import { claim as textBpeRankOrder } from './text.bpe-rank-order.js';
import { claim as textBpeSegment } from './text.bpe-segment.js';
import { claim as textCbow } from './text.cbow.js';
import { claim as textChainRule } from './text.chain-rule.js';
import { claim as textFasttext } from './text.fasttext.js';
import { claim as textHierarchicalSoftmax } from './text.hierarchical-softmax.js';
import { claim as textLaplace } from './text.laplace.js';
import { claim as textNegSampling } from './text.neg-sampling.js';
import { claim as textNgramMle } from './text.ngram-mle.js';
import { claim as textNgrams } from './text.ngrams.js';
import { claim as textPerplexity } from './text.perplexity.js';
import { claim as textPretokOffsets } from './text.pretok-offsets.js';
import { claim as textSkipgram } from './text.skipgram.js';
import { claim as textSoftmaxCost } from './text.softmax-cost.js';
import { claim as textTfidfV1 } from './text.tfidf-v1.js';
import { claim as textTfidfV2 } from './text.tfidf-v2.js';
import { claim as textZeroProb } from './text.zero-prob.js';

export const CLAIM_MODULES: readonly ClaimModule[] = [
  attnCausalMask,
  attnConcatSum,
  attnGqa,
  attnLinearAttn,
  attnMultiheadF3,
  attnPolyKernel,
  attnPostLnBlock,
  attnQkOv,
  attnResidualStream,
  attnRidgeAttn,
  attnRope,
  attnScoreFns,
  attnSdpa,
  attnShawRelative,
  attnShermanMorrison,
  attnSinusoidalPe,
  attnSqrtDVariance,
  attnT5Bias,
  bnBackward,
  cnnDW,
  cnnDWVariance,
  cnnOutSize,
  cnnPoolSize,
  cnnReceptiveField,
  decBeam,
  decGreedy,
  decTemperature,
  decTopK,
  decTopP,
  ffnRelu,
  fourierDftFft,
  fourierDtft,
  fourierFt,
  fourierNyquist,
  fourierReplicas,
  fourierStftSpectrogram,
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
  peftAdapterCount,
  peftFtMemory,
  peftIa3,
  peftKrona,
  peftLora10000x,
  peftLora4096,
  peftLoraInit,
  peftLoraShapes,
  peftLoraTargets,
  peftPrefixContext,
  preBart,
  preBertBase,
  preClsHeads,
  preGptShift,
  preMlm,
  preSpanbert,
  preSquad,
  preSquadIndex,
  preT5Span,
  preVit,
  quant2bitExample,
  quantAbsmaxInt8,
  quantAffineExample,
  quantAffineParams,
  quantAffineRoundtrip,
  quantCalibration,
  quantDoubleQuant,
  quantFakequantSte,
  quantIntGemm,
  quantNf4Levels,
  quantNf4Map,
  quantTypeTable,
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
  seqBio,
  seqCrfViterbi,
  seqFactorized,
  seqSubwordLabels,
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
  textBm25,
  textBow,
  textBpeLearner,
  textBpeRankOrder,
  textBpeSegment,
  textCbow,
  textChainRule,
  textFasttext,
  textHierarchicalSoftmax,
  textLaplace,
  textNegSampling,
  textNgramMle,
  textNgrams,
  textPerplexity,
  textPretokOffsets,
  textSkipgram,
  textSoftmaxCost,
  textTfidfV1,
  textTfidfV2,
  textZeroProb,
];
