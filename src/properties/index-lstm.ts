/** Claim modules of one area (merged into src/properties/index.ts). */
import type { ClaimModule } from '../registry/types.js';
import { claim as lstmCell } from './lstm.cell.js';
import { claim as lstmAdditive } from './lstm.additive.js';
import { claim as rnnVanishing } from './rnn.vanishing.js';

export const CLAIMS: readonly ClaimModule[] = [lstmCell, lstmAdditive, rnnVanishing];
