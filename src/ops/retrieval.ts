/** Ops of the retrieval domain (Retrieval and distillation). */
import { defineOp } from './schema.js';

void defineOp;
export const OPS = [
] as const;
