/** Statements of the notes in the sequence domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '004', lines: [1036, 1040],
    quote: String.raw`Once the BiLSTM has produced **emission scores** (logits for each tag at each time step), the CRF layer does`,
    parts: { 'seq.crf-viterbi': 'exact' },
  },
  {
    file: '004', lines: [839, 841],
    quote: String.raw`This is called **greedy decoding**. … Because it makes decisions for each step independently.`,
    parts: { 'seq.factorized': 'exact' },
  },
  {
    file: '004', lines: [952, 952],
    quote: String.raw`BIO rule: A sequence **cannot start with I-XXX** — you must begin with B-PER.`,
    parts: { 'seq.bio': 'exact' },
  },
  {
    file: '004', lines: [978, 992],
    quote: String.raw`Case 3: Predicts two I-PER tokens but they belong to different entities … This looks like one long entity: “Barack Obama met Angela Merkel”, which is completely wrong.`,
    parts: { 'seq.bio#case-3': 'wrong-value' },
    corrected: String.raw`I-PER I-PER O I-PER I-PER is invalid BIO; lenient (conlleval) chunking reads it as two PER entities, "Barack Obama" and "Angela Merkel" (the O at "met" closes the first), and strict IOB2 rejects it — it never reads as one five-token entity.`,
  },
  {
    file: '004', lines: [1817, 1821],
    quote: String.raw`- **Only use the first subword's prediction** for the final label. AND Ignore the remaining subwords during loss computation. … If a token is marked with label -100, loss is skipped for that position.`,
    parts: { 'seq.subword-labels': 'exact' },
  },
  {
    file: '003', lines: [692, 692],
    quote: String.raw`- for training we can just assign the gold-standard tag associated with each word to all derived from it.`,
    parts: { 'seq.subword-labels#003-all-subwords': 'across-notes' },
    corrected: String.raw`Two conventions are in use: every subword gets the word's tag (003:692, HF label_all_tokens = True) or only the first subword does and the rest get $-100$ (004:1817–1821); the token-level losses differ (a word of $k$ pieces weighs $k$ times under the first).`,
  },
];
