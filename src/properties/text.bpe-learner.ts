/**
 * text.bpe-learner — each learned merge is a most frequent adjacent pair (tie-aware).
 * Seed 004_975819c312b074f9.txt, line 107: "The *most frequent* pair is identified (e.g., e and s appear 6 + 3 = 9 times)"
 */

import type { ClaimModule, Implementation } from '../registry/types.js';
import { bpeLearn, checkMergeSequence, bpeSegment, type TieBreak, type BpeOptions } from '../oracles/text.js';
import { corpusArb, NOTES_CORPUS, NOTES_MERGES, tieBreaks } from './bpe-shared.js';

const show = (m: [string, string][]) => m.map(([a, b]) => a + b).join(', ');

interface TrainCase { words: Record<string, number>; merges: number; endOfWord: string; byteLevel: boolean }

/** A generated corpus case with the defaults of text.bpe-train filled in (end-of-word marker '_', code points). */
const trainCase = (c: { words: Record<string, number>; merges: number; endOfWord?: string; byteLevel?: boolean }): TrainCase =>
  ({ words: c.words, merges: c.merges, endOfWord: c.endOfWord ?? '_', byteLevel: c.byteLevel ?? false });

/**
 * The implementation's text.bpe-train under a pinned tie rule (and pair counting) against the exact learner
 * under the same rule: null when they agree merge for merge, else the failure detail.
 */
function pinnedRuleMismatch(
  impl: Implementation, c: TrainCase, name: string, rule: TieBreak, pairCount?: BpeOptions['pairCount'],
): string | null {
  const got = impl.ops['text.bpe-train']!({ words: c.words, merges: c.merges, endOfWord: c.endOfWord, tieBreak: name, ...(pairCount ? { pairCount } : {}), ...(c.byteLevel ? { byteLevel: true } : {}) }) as [string, string][];
  const want = bpeLearn(c.words, c.merges, { endOfWord: c.endOfWord, tieBreak: rule, byteLevel: c.byteLevel, ...(pairCount ? { pairCount } : {}) }).merges;
  const same = Array.isArray(got) && got.length === want.length && got.every((m, i) => Array.isArray(m) && m[0] === want[i]![0] && m[1] === want[i]![1]);
  return same ? null : `${name}${pairCount ? `, ${pairCount} counts` : ''}: got [${Array.isArray(got) ? show(got) : JSON.stringify(got)}], exact learner [${show(want)}]`;
}

/** The check of a pinned-rule property: every listed rule (and the pair counting) reproduced merge for merge. */
const pinnedRulesCheck = (rules: readonly (readonly [string, TieBreak])[], pairCount?: BpeOptions['pairCount']) =>
  (c: Parameters<typeof trainCase>[0], impl: Implementation | null) => {
    for (const [name, rule] of rules) {
      const bad = pinnedRuleMismatch(impl!, trainCase(c), name, rule, pairCount);
      if (bad) return { ok: false, detail: bad };
    }
    return { ok: true };
  };

export const claim: ClaimModule = {
  id: 'text.bpe-learner',
  properties: [
    {
      name: 'tie-aware',
      kind: 'conformance',
      description: 'With no tie-break pinned, every merge of the implementation had maximal weighted pair count at its step; stopping early only when no pair is left.',
      arbitrary: corpusArb,
      ops: ['text.bpe-train'],
      runs: 150,
      check: (c, impl) => {
        const { words, merges, endOfWord: eow, byteLevel: bl } = trainCase(c);
        const got = impl!.ops['text.bpe-train']!({ words, merges, endOfWord: eow, tieBreak: 'none', ...(bl ? { byteLevel: true } : {}) }) as [string, string][];
        if (!Array.isArray(got) || got.some((m) => !Array.isArray(m) || m.length !== 2 || typeof m[0] !== 'string' || typeof m[1] !== 'string')) return { ok: false, detail: `malformed merges ${JSON.stringify(got)?.slice(0, 120)}` };
        const r = checkMergeSequence(words, got, { endOfWord: eow, byteLevel: bl });
        if (!r.ok) return { ok: false, detail: `merge ${r.step + 1} (${got[r.step]!.join('+')}) had count ${r.chosenCount} < max ${r.maxCount}: ${r.reason}` };
        if (got.length > merges) return { ok: false, detail: `${got.length} merges, asked for ${merges}` };
        if (got.length < merges && Object.keys(words).some((w) => bpeSegment(w, got, { endOfWord: eow, byteLevel: bl }).length > 1)) {
          return { ok: false, detail: `stopped after ${got.length} of ${merges} merges while pairs remain` };
        }
        return { ok: true };
      },
    },
    {
      name: 'pinned-tie-break',
      kind: 'conformance',
      description: 'With a pinned rule (lexicographic, first-occurrence or hf-smallest-id), the implementation equals the exact learner merge for merge (code points or byte-level).',
      arbitrary: corpusArb,
      ops: ['text.bpe-train'],
      runs: 150,
      check: pinnedRulesCheck([['lexicographic', tieBreaks.lexicographic], ['first-occurrence', tieBreaks.firstOccurrence], ['hf-smallest-id', tieBreaks.hfSmallestId]]),
    },
    {
      name: 'sentencepiece-tie-break',
      kind: 'conformance',
      description: "With tieBreak 'sentencepiece' (SentencePiece's trainer order: shortest merged string, then code-point order), the implementation equals the exact learner merge for merge.",
      arbitrary: corpusArb,
      ops: ['text.bpe-train'],
      runs: 100,
      check: pinnedRulesCheck([['sentencepiece', tieBreaks.sentencepiece]]),
    },
    {
      name: 'sentencepiece-0.1.97-counts',
      kind: 'conformance',
      description: "With tieBreak 'sentencepiece' and pairCount 'non-overlapping' (SentencePiece ≤ 0.1.98's trainer: a run of k equal symbols holds ⌊k/2⌋ pairs), the implementation equals the exact learner merge for merge.",
      arbitrary: corpusArb,
      ops: ['text.bpe-train'],
      runs: 100,
      check: pinnedRulesCheck([['sentencepiece', tieBreaks.sentencepiece]], 'non-overlapping'),
    },
  ],
  audit: () => {
    const check = checkMergeSequence(NOTES_CORPUS, NOTES_MERGES, { endOfWord: '_' });
    const learned = bpeLearn(NOTES_CORPUS, 6, { endOfWord: '_', tieBreak: tieBreaks.firstOccurrence });
    const ties = learned.steps.map((s, i) => (s.tiedWith.length ? `step ${i + 1}: ${s.pair.join('')} (${s.count}) tied with ${s.tiedWith.map((p) => p.join('')).join(', ')}` : '')).filter(Boolean);
    const same = show(learned.merges) === show(NOTES_MERGES);
    return [
      {
        id: 'text.bpe-learner',
        verdict: check.ok ? 'confirmed' : 'refuted',
        evidence: `Corpus (low: 5), (lower: 2), (newest: 6), (widest: 3) with marker _: the notes' merges [${show(NOTES_MERGES)}] with counts ` +
          `${learned.steps.map((s) => s.count).join(', ')} ${check.ok ? 'are each a most frequent pair at their step' : 'are NOT all maximal'}. ` +
          `Unacknowledged ties — ${ties.join('; ')}. The first-occurrence rule ${same ? 'reproduces the table exactly' : 'gives a different table'}.`,
      },
      {
        id: 'text.bpe-learner#corpus-column',
        verdict: 'refuted',
        evidence: `The "Corpus Becomes…" column (004:113–119) shows the unmerged corpus in every row; after the six merges it is ` +
          `${NOTES_CORPUS.words.map((w, i) => `${learned.segmentation[i]!.join(' ')} (${w.count})`).join(', ')}.`,
      },
    ];
  },
};
