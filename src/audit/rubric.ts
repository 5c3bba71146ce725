/**
 * The audit rubric (spec/audit-rubric.md) in code: the rules a finding may apply, the verdict each
 * rule gives, and the severity order that combines the parts of a statement. Every finding names
 * exactly one rule; the rule fixes its verdict (a finding whose verdict is not its rule's verdict is
 * an audit problem). test/audit/rubric.test.ts checks that this list and the rubric's headings agree.
 */
import type { NotesVerdict } from '../registry/types.js';

export interface Rule {
  verdict: NotesVerdict;
  /** One line: when the rule applies (the full test is in spec/audit-rubric.md). */
  summary: string;
}

export const RULES = {
  exact: { verdict: 'confirmed', summary: 'true as written, under the notes\' own conventions, for every admissible input' },
  'assumption-needed': { verdict: 'confirmed', summary: 'true under a hypothesis the notes state or that the result presupposes; the evidence shows the hypothesis is needed' },
  typo: { verdict: 'confirmed', summary: 'an evident slip of notation whose intended form the notes themselves fix; the intended form is exactly true, the typo is recorded' },
  counterexample: { verdict: 'refuted', summary: 'false as written for some admissible input: the input, the stated and the exact value' },
  'wrong-value': { verdict: 'refuted', summary: 'a stated number, example, count or closed form with no free input is wrong: the exact value' },
  'own-convention': { verdict: 'refuted', summary: 'false under the notes\' own definition of a symbol; true only under a convention the notes do not use there (a silent switch)' },
  'two-readings': { verdict: 'convention-dependent', summary: 'true under one standard reading and false under another, both in use, and the notes fix neither: both named, the size of the difference' },
  'across-notes': { verdict: 'convention-dependent', summary: 'two notes files state the same object under different conventions, each consistent within its file' },
  asymptotic: { verdict: 'approximate', summary: 'true only in a limit or up to a stated order, but presented as exact: the exact form' },
  order: { verdict: 'approximate', summary: 'only an upper (or lower) bound follows, but a tight order Θ(·) or an equality is concluded: an instance where the bound is not attained' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(x: unknown): x is RuleId {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(RULES, x);
}

/** Severity: the most severe part of a statement decides its verdict. */
export const SEVERITY: Record<NotesVerdict, number> = {
  confirmed: 0,
  'convention-dependent': 1,
  approximate: 2,
  refuted: 3,
};

/** The combination rule's id, recorded on a statement whose verdict was decided among several parts. */
export const COMBINATION_RULE = 'most-severe-part';
