/** Statements of the notes in the sequence domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '004', lines: [1036, 1040],
    quote: String.raw`Once the BiLSTM has produced **emission scores** (logits for each tag at each time step), the CRF layer does`,
    parts: { 'seq.crf-viterbi': 'exact' },
  },
];
