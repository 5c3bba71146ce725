/** Ops of the pretraining domain (Pretraining objectives: MLM, span corruption, denoising, QA heads). */
import { defineOp } from './schema.js';

void defineOp;
export const OPS = [
] as const;
