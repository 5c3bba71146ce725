/** Statements of the notes in the text domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '004', lines: [104, 119],
    quote: String.raw`Example Corpus : (low: 5), (lower: 2), (newest: 6), (widest: 3)`,
    parts: { 'text.bpe-learner': 'exact' },
  },
  {
    file: '004', lines: [111, 119],
    quote: String.raw`| 1 | es | 9 (from newest, widest) | es | es | (low_: 5), (lower_: 2), (newest_: 6), (widest_: 3) |`,
    parts: { 'text.bpe-learner#corpus-column': 'wrong-value' },
    corrected: String.raw`After the six merges the corpus is (low _: 5), (low e r _: 2), (ne w est_: 6), (w i d est_: 3); each row of the last column should show the corpus after that row's merge.`,
  },
  {
    file: '004', lines: [124, 137],
    quote: String.raw`Rule 1 (e + s -> es): Yes. Word becomes: lowes t_ … The final tokenization is the list of remaining symbols: ["low", "est_"].`,
    parts: { 'text.bpe-segment': 'exact' },
    typo: String.raw`004:130–132 drop the spaces between symbols ("lowes t_" for l o w es t _).`,
    corrected: String.raw`lowest_ → l o w es t _ → l o w est _ → l o w est_ → lo w est_ → low est_ = ["low", "est_"]`,
  },
];
