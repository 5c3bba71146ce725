/** Ops of the alignment domain (Alignment: REINFORCE, reward models, KL penalties, DPO). */
import { defineOp } from './schema.js';

void defineOp;
export const OPS = [
] as const;
