/** Claim modules of one area (merged into src/properties/index.ts). */
import type { ClaimModule } from '../registry/types.js';

export const CLAIMS: readonly ClaimModule[] = [];
