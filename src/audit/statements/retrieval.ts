/** Statements of the notes in the retrieval domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '004', lines: [2991, 2997],
    quote: String.raw`Teacher softmax … P1: 0.92 … P2: 0.07 … P3: 0.01`,
    parts: { 'ret.teacher-softmax': 'wrong-value' },
    corrected: String.raw`$\operatorname{softmax}(10.2, 3.1, -0.8) = (0.99916, 0.00082, 0.000017)$`,
  },
  {
    file: '004', lines: [3005, 3011],
    quote: String.raw`Student softmax … P1: 0.88 … P2: 0.10 … P3: 0.02`,
    parts: { 'ret.teacher-softmax#student': 'wrong-value' },
    corrected: String.raw`$\operatorname{softmax}(8.7, 2.5, -0.2) = (0.99784, 0.00203, 0.00014)$`,
  },
];
