/** Claim modules of one area (merged into src/properties/index.ts). */
import type { ClaimModule } from '../registry/types.js';
import { claim as gdScalar } from './opt.gd-scalar.js';
import { claim as gdIterations } from './opt.gd-iterations.js';
import { claim as gdDiagonal } from './opt.gd-diagonal.js';
import { claim as gdOptimalStep } from './opt.gd-optimal-step.js';
import { claim as sgdStepWindow } from './opt.sgd-step-window.js';
import { claim as steepestL2 } from './opt.steepest-l2.js';
import { claim as steepestLinf } from './opt.steepest-linf.js';
import { claim as mupForward } from './opt.mup-forward.js';
import { claim as signsgdLr } from './opt.signsgd-lr.js';
import { claim as unitScale } from './opt.unit-scale.js';
import { claim as nsIdentity } from './opt.ns-identity.js';
import { claim as nsLimit } from './opt.ns-limit.js';
import { claim as nsCost } from './opt.ns-cost.js';
import { claim as mupSignsgd } from './opt.mup-signsgd.js';
import { claim as noisySgd } from './opt.noisy-sgd.js';
import { claim as svdReduction } from './opt.svd-reduction.js';
import { claim as muonLr } from './opt.muon-lr.js';
import { claim as sgdDescent } from './opt.sgd-descent.js';
import { claim as scaleInvariance } from './opt.scale-invariance.js';

export const CLAIMS: readonly ClaimModule[] = [
  gdScalar, gdIterations, gdDiagonal, gdOptimalStep, sgdStepWindow, steepestL2, steepestLinf,
  mupForward, signsgdLr, unitScale, nsIdentity, nsLimit, nsCost, mupSignsgd, noisySgd, svdReduction, muonLr,
  sgdDescent, scaleInvariance,
];
