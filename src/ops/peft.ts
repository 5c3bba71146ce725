/** Ops of the peft domain (Parameter-efficient fine-tuning: LoRA, adapters, (IA)³, prefix tuning). */
import { defineOp } from './schema.js';

void defineOp;
export const OPS = [
] as const;
