/** Claim modules of one area (merged into src/properties/index.ts). */
import type { ClaimModule } from '../registry/types.js';
import { claim as pcaAeOptimum } from './pca.ae-optimum.js';
import { claim as pcaRegAe } from './pca.reg-ae.js';
import { claim as gnnBce } from './gnn.bce.js';
import { claim as optMupSpectral } from './opt.mup-spectral.js';
import { claim as statsNoncentralPower } from './stats.noncentral-power.js';

export const CLAIMS: readonly ClaimModule[] = [pcaAeOptimum, pcaRegAe, gnnBce, optMupSpectral, statsNoncentralPower];
