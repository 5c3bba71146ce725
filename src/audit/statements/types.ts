/**
 * A statement of the notes: the unit of the audit (spec/audit-rubric.md, "Statements").
 *
 * Each statement sits at a line range of one notes file and quotes it verbatim; its *parts* are
 * the findings (computed by the claim modules' `audit()`) that evaluate it, each with the rubric
 * rule it applied. The statement's verdict is that of its most severe part. Claims group
 * statements: a claim's verdict is the verdict of its headline statement (the one at the spec's
 * source line that has the claim's headline finding as a part).
 */
import type { RuleId } from '../rubric.js';

/** The notes files, by the three-digit prefix used in evidence ("002:576"). */
export const NOTES_FILES = {
  '000': '000_1c190711b4cfcedd.txt',
  '001': '001_c5fd3f225a543b9a.txt',
  '002': '002_606757b0cdfd2eb0.txt',
  '003': '003_c2e944a0f3874627.txt',
  '004': '004_975819c312b074f9.txt',
} as const;
export type NotesKey = keyof typeof NOTES_FILES;
export const NOTES_KEYS = Object.keys(NOTES_FILES) as NotesKey[];

export interface StatementDef {
  file: NotesKey;
  /** First and last line (1-based, inclusive). */
  lines: readonly [number, number];
  /** Verbatim text of the notes inside the line range; fragments separated by " … ". */
  quote: string;
  /** Finding id → the rubric rule that finding applied. */
  parts: Readonly<Record<string, RuleId>>;
  /**
   * The corrected statement for the errata sheet: text with LaTeX between $…$. Required when the
   * statement's verdict is not `confirmed` or a typo is recorded.
   */
  corrected?: string;
  /** A typo recorded in this statement (graded on the intended meaning; spec/audit-rubric.md, rule `typo`). */
  typo?: string;
}
