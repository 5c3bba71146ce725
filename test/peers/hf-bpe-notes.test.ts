/**
 * HF `tokenizers` BPE (the Node binding, BpeTrainer defaults) against lemmata's exact learner with
 * the pinned HF tie rule (tieBreak 'hf-smallest-id'), on the notes' own words.
 *
 * Corpus: test/data/notes-word-counts.tsv, derived once from the notes by
 * scripts/notes-word-counts.mjs (pre-tokenisation \w+|[^\w\s]+ with Unicode classes, as HF
 * `Whitespace`; NFC; case kept). No end-of-word marker (HF's trainer glues a suffix onto the last
 * character, which is a different symbol model; see clients/js/tokenizers-adapter.mjs).
 *
 * 1. The exact recount-every-step learner and HF agree merge for merge on ALL merges (training to
 *    exhaustion: every word a single symbol) of the words with count ≥ 10 (794 words; the naive
 *    recount costs O(corpus) per merge, so the full file would take minutes) — and the share of
 *    merge steps that were ties (several pairs of maximal count) is measured and pinned: 1026 of
 *    1233 (83.2%), so "more than 95% of the steps are ties" is false on this corpus.
 * 2. The built-in implementation (incremental counts) and HF agree merge for merge on ALL merges
 *    of the whole file (6102 words), in code points and byte-level.
 * A missing `tokenizers` package makes the import fail: the test fails loudly.
 */
import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bpeLearn, tieBreaks } from '../../src/oracles/text.js';
import { bpeTrain as implTrain } from '../../src/impl/tfjs/text.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const adapter = path.join(here, '../../clients/js/tokenizers-adapter.mjs');
const hfTrain = async (a: object): Promise<[string, string][]> => (await import(adapter)).bpeTrain(a);
const rows = fs.readFileSync(path.join(here, '../data/notes-word-counts.tsv'), 'utf8').trimEnd().split('\n').map((l) => l.split('\t'));
const all = rows.map(([w, c]) => ({ word: w!, count: Number(c) }));
const ALL_MERGES = 1_000_000; // more than any corpus here can use: train to exhaustion

type M = [string, string][];
const firstDiff = (x: M, y: M) => { for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i]?.[0] !== y[i]?.[0] || x[i]?.[1] !== y[i]?.[1]) return i; return -1; };

describe('HF tokenizers BPE on the notes\' words', () => {
  test('the corpus file is what the script derives (shape, counts)', () => {
    expect(all.length).toBe(6102);
    expect(all.reduce((s, w) => s + w.count, 0)).toBe(63890);
    expect(all.every((w) => w.word.length > 0 && !/\s/u.test(w.word) && Number.isSafeInteger(w.count) && w.count >= 1)).toBe(true);
    expect(new Set(all.map((w) => w.word)).size).toBe(all.length);
  });

  test('exact learner (hf-smallest-id) = HF, all 1233 merges of the words with count ≥ 10; 1026 of them (83.2%) are ties', async () => {
    const sub = all.filter((w) => w.count >= 10);
    expect(sub.length).toBe(794);
    const hf: M = await hfTrain({ words: Object.fromEntries(sub.map((w) => [w.word, w.count])), merges: ALL_MERGES, endOfWord: '', tieBreak: 'hf-smallest-id' });
    const r = bpeLearn({ words: sub }, ALL_MERGES, { endOfWord: '', tieBreak: tieBreaks.hfSmallestId });
        expect(firstDiff(hf, r.merges)).toBe(-1);
    // every word ends as one symbol (training ran to exhaustion)
    expect(r.segmentation.every((s) => s.length === 1)).toBe(true);
    const ties = r.steps.filter((s) => s.tiedWith.length > 0).length;
    const share = ties / r.steps.length;
    console.log(`notes words with count ≥ 10: ${r.steps.length} merges, ${ties} ties (${(100 * share).toFixed(2)}%)`);
    // Measured, not assumed: the hypothesis "more than 95% of the steps are ties" does not hold here
    // (83.2%); the untied steps are mostly the early, frequent merges. Pinned exactly (deterministic).
    expect([ties, r.steps.length]).toEqual([1026, 1233]);
    expect(share).toBeGreaterThan(0.8);
    // the tie rule matters: lexicographic order departs from HF somewhere
    const lex = bpeLearn({ words: sub }, ALL_MERGES, { endOfWord: '', tieBreak: tieBreaks.lexicographic }).merges;
    expect(firstDiff(hf, lex)).toBeGreaterThanOrEqual(0);
  }, 120_000);

  test('built-in learner (hf-smallest-id) = HF, all merges of the whole file, code points and byte-level', async () => {
    const words = Object.fromEntries(all.map((w) => [w.word, w.count]));
    for (const byteLevel of [false, true]) {
      const hf: M = await hfTrain({ words, merges: ALL_MERGES, endOfWord: '', tieBreak: 'hf-smallest-id', byteLevel });
      const got = implTrain(words, ALL_MERGES, { endOfWord: '', tieBreak: 'hf-smallest-id', byteLevel });
      expect(got.length).toBeGreaterThan(8000);
      expect([byteLevel, firstDiff(hf, got)]).toEqual([byteLevel, -1]);
    }
  }, 120_000);
});
