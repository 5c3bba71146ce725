/** Ops of the decoding domain (Decoding: greedy, beam search, top-k, top-p, temperature). */
import { defineOp } from './schema.js';

void defineOp;
export const OPS = [
] as const;
