/** Ops of one area (merged into the op catalogue). */
import type { OpDef } from '../registry/types.js';

export const OPS_EXTRA: readonly OpDef[] = [];
