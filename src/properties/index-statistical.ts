/** Claim modules of one area (merged into src/properties/index.ts). */
import type { ClaimModule } from '../registry/types.js';
import { claim as tTest } from './stats.t-test.js';
import { claim as dropoutRidge } from './reg.dropout-ridge.js';

export const CLAIMS: readonly ClaimModule[] = [tTest, dropoutRidge];
