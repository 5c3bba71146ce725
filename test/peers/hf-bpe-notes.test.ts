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
 *    1233 (83.2%), so "more than 95% of the steps are ties" is false on this sub-corpus.
 * 2. The built-in implementation (incremental counts) and HF agree merge for merge on ALL merges
 *    of the whole file (6102 words), in code points and byte-level; on the whole file 8726 of the
 *    8992 steps (97.0%) are ties — counted here by an incremental replay, and equal to what the
 *    exact recount learner gave in a one-off run (12.6 minutes, too slow for a test).
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

/**
 * Replay `merges` on the corpus with incremental pair counts (exact integers) and count the steps
 * at which several pairs had the maximal count; also checks that every merge had the maximal count.
 * The maximal count never increases (a pair created by merging (a, b) occurs at most as often as
 * (a, b) did), so it is found by scanning a count histogram downwards.
 */
function countTies(words: { word: string; count: number }[], merges: M): { ties: number; maximal: boolean } {
  const sy = words.map((w) => Array.from(w.word));
  const cnt = new Map<string, number>();
  const where = new Map<string, Set<number>>();
  const hist = new Map<number, number>();
  const K = (a: string, b: string) => `${a.length}:${a}${b}`;
  const bump = (k: string, d: number, w: number) => {
    const old = cnt.get(k) ?? 0;
    if (old > 0) hist.set(old, hist.get(old)! - 1);
    cnt.set(k, old + d);
    if (old + d > 0) hist.set(old + d, (hist.get(old + d) ?? 0) + 1);
    if (d > 0) { let s = where.get(k); if (!s) where.set(k, (s = new Set())); s.add(w); }
  };
  const pairs = (w: number, d: number) => { const s = sy[w]!; for (let i = 0; i + 1 < s.length; i++) bump(K(s[i]!, s[i + 1]!), d * words[w]!.count, w); };
  for (let w = 0; w < sy.length; w++) pairs(w, 1);
  let max = Math.max(0, ...hist.keys());
  let ties = 0;
  let maximal = true;
  for (const [a, b] of merges) {
    while (max > 0 && !(hist.get(max)! > 0)) max--;
    if ((cnt.get(K(a, b)) ?? 0) !== max) maximal = false;
    if (hist.get(max)! > 1) ties++;
    for (const w of where.get(K(a, b)) ?? []) {
      pairs(w, -1);
      const s = sy[w]!, out: string[] = [];
      for (let i = 0; i < s.length; i++) { if (i + 1 < s.length && s[i] === a && s[i + 1] === b) { out.push(a + b); i++; } else out.push(s[i]!); }
      sy[w] = out;
      pairs(w, 1);
    }
  }
  return { ties, maximal };
}
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
      if (!byteLevel) {
        // Tie share on the whole file: 8726 of 8992 steps (97.0%) — the same numbers the exact
        // recount learner gave when run once offline (12.6 min): "> 95% of the steps are ties" holds here.
        const { ties, maximal } = countTies(all, got);
        expect(maximal).toBe(true);
        expect([ties, got.length]).toEqual([8726, 8992]);
        expect(ties / got.length).toBeGreaterThan(0.95);
        // the counter can fail: a non-maximal merge first is detected
        expect(countTies(all, [['q', 'z'], ...got]).maximal).toBe(false);
        // and no learned result string repeats (H2 of text.bpe-rank-order holds on the notes' merges)
        expect(new Set(got.map(([a, b]) => a + b)).size).toBe(got.length);
      }
    }
  }, 120_000);
});
