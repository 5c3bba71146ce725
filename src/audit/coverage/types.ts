/** The coverage map of one notes file (src/audit/coverage.ts). */
import type { Domain } from '../../registry/domains.js';

/** Domains the notes cover that lemmata has not built yet: their items are listed as pending. */
export const PENDING_DOMAINS = {
  'language-models': { title: 'Language modelling: n-grams, perplexity, decoding, sampling, evaluation metrics' },
  'sparse-retrieval': { title: 'Sparse retrieval: TF-IDF, BM25, inverted indexes' },
  'positional-encoding': { title: 'Positional encodings: sinusoidal, RoPE' },
  'attention-variants': { title: 'Attention variants: kernelised/linear attention, ridge attention, grouped-query, sparse attention, MoE' },
  'fine-tuning': { title: 'Parameter-efficient fine-tuning: LoRA, QLoRA, NF4, (IA)³' },
  'architectures': { title: 'Model architectures and training recipes described in prose: seq2seq, BERT, GPT, T5, scaling' },
} as const;
export type PendingDomain = keyof typeof PENDING_DOMAINS;

/** The reasons an item may be out of scope (the first word of its reason). */
export const OUT_OF_SCOPE_KINDS = ['definition', 'notation', 'prose', 'restatement', 'question', 'pointer', 'algorithm', 'data', 'figure'] as const;

export interface Section {
  /** First and last line (inclusive). Sections are in order and do not overlap. */
  lines: readonly [number, number];
  domain: Domain | PendingDomain;
  /** What the section is about (for the map's reader). */
  title: string;
}

export interface OutOfScope {
  lines: readonly [number, number];
  /** '<kind>: <why>' with kind one of OUT_OF_SCOPE_KINDS. */
  reason: string;
}

export interface CoverageMap {
  sections: readonly Section[];
  outOfScope: readonly OutOfScope[];
}
