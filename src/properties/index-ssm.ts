/** Claim modules of area `ssm` (merged into src/properties/index.ts). */
import type { ClaimModule } from '../registry/types.js';
import { claim as ssmKernel } from './ssm.kernel.js';
import { claim as ssmDoubling } from './ssm.doubling.js';
import { claim as ssmRank1Power } from './ssm.rank1-power.js';
import { claim as ssmDepth } from './ssm.depth.js';

export const CLAIMS: readonly ClaimModule[] = [ssmKernel, ssmDoubling, ssmRank1Power, ssmDepth];
