/**
 * Exact oracle for byte-pair encoding (BPE): the token learner, an acceptance check for merge
 * sequences that is independent of how ties are broken, and the token segmenter.
 *
 * What the course notes say (seed `004_975819c312b074f9.txt`, "Byte-Pair Encoding
 * (BPE)", lines ≈ 91–137; and `003_c2e944a0f3874627.txt` ≈ l. 476):
 *  - "The BPE algorithm has two distinct phases […] the **Token Learner** (the training phase) and
 *    the **Token Segmenter** (the inference phase)."
 *  - "A special end-of-word symbol, such as _ or </w>, is appended to each word." The worked
 *    example writes the formatted corpus as "(l o w _: 5), (l o w e r _: 2), (n e w e s t _: 6),
 *    (w i d e s t _: 3)": the marker is a *separate* initial symbol. Hence the default
 *    `endOfWord = '_'`. (003: "start with a vocabulary containing only characters and an end of
 *    word symbol.")
 *  - "**Count Pairs:** The algorithm counts the frequency of every *adjacent pair* of symbols in the
 *    entire corpus." — counts are weighted by word frequency ("e and s appear 6 + 3 = 9 times"),
 *    and every adjacent position counts (so `a a a` holds the pair (a, a) twice).
 *  - "**Merge:** The *most frequent* pair is identified […] and is merged into a *new single
 *    symbol*"; "The corpus is updated by replacing all instances of "e" "s" with "es"." The notes
 *    say nothing about ties. Replacement here is left to right, non-overlapping (`a a a` → `aa a`).
 *  - "Steps 3, 4, and 5 are repeated for a pre-defined number of merges" (003: "repeat until desired
 *    vocab size"). The notes give no frequency threshold, so the learner stops early only when no
 *    pair with count ≥ `minCount` is left; the default `minCount = 1` (i.e. stop when every word is a
 *    single symbol). Sennrich et al.'s `learn_bpe.py` uses `min_frequency = 2`; pass `minCount: 2`
 *    for that.
 *  - Segmenter: "Greedily apply the *merge rules* that were learned, in the *exact priority order*
 *    they were learned in." Worked example: "lowest_" → ["low", "est_"].
 *
 * The worked example's table (merges e+s, es+t, est+_, l+o, lo+w, n+e with counts 9, 9, 9, 7, 7, 6)
 * is a valid max-count sequence with the stated counts; steps 1, 2, 4 and 6 are ties (1: e+s, s+t,
 * t+_ all 9; 2: es+t, t+_ both 9; 4: l+o, o+w both 7; 6: n+e, e+w, w+est_ all 6), which the notes do
 * not mention. Its choices are exactly those of {@link tieBreaks.firstOccurrence}; the
 * {@link tieBreaks.lexicographic} rule departs at step 6 (e+w before n+e) and
 * {@link tieBreaks.hfSmallestId} at step 2 (t+_ before es+t). All of them segment "lowest" as the
 * notes do, ["low", "est_"] (see test/oracles/bpe.test.ts).
 *
 * Symbols are strings; a word is split into Unicode code points (`Array.from`), then the marker is
 * appended as one more (atomic) symbol when it is non-empty. A symbol is identified with its string,
 * as in Sennrich's reference code and HF `tokenizers`: two merges whose concatenations coincide
 * produce the same symbol. Words should not contain the marker's characters if the marker must stay
 * distinguishable. An empty word yields `[marker]` (or nothing when the marker is empty).
 *
 * Corpus order (used by {@link tieBreaks.firstOccurrence}) is the order of `corpus.words`, or the
 * property order of a `Record` (beware: JS enumerates integer-like keys such as "12" first, in
 * ascending numeric order — use the array form when order matters).
 *
 * All arithmetic is on integers well below 2^53 (checked), hence exact.
 *
 * This module imports nothing from src/impl (oracles never import implementations).
 */


/** A corpus of pre-tokenized words with positive integer counts, in corpus order. */
export interface BpeCorpus {
  words: { word: string; count: number }[];
}

/** Either the array form (ordered) or a `Record<word, count>` (property order). */
export type BpeCorpusInput = BpeCorpus | Record<string, number>;

/** A candidate pair presented to a tie-break rule (all candidates share the maximal count). */
export interface TieCandidate {
  pair: [string, string];
  count: number;
  /**
   * Position of the pair's first occurrence in corpus order: the global offset, in initial symbols
   * (characters and markers) of the concatenated formatted corpus, of the first initial symbol of
   * the pair's left symbol. Smaller = earlier (word order, then position in the word).
   */
  firstSeen: number;
  /**
   * HF-`tokenizers`-style symbol ids of (left, right): initial symbols are numbered 0, 1, … in
   * increasing code-point order of their strings, and each merge result whose string is new gets
   * the next id (a result equal to an existing symbol keeps that symbol's id).
   */
  ids: [number, number];
}

/** A tie-break rule: given the tied candidates (in first-seen order), return the chosen index. */
export type TieBreak = (candidates: TieCandidate[]) => number;

/** Code-unit (JS `<`) comparison of strings; the order used by the lexicographic rule. */
export function compareSymbols(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Code-point comparison of strings (used to number the initial alphabet like HF does). */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function argBest(cands: TieCandidate[], better: (a: TieCandidate, b: TieCandidate) => boolean): number {
  let best = 0;
  for (let i = 1; i < cands.length; i++) if (better(cands[i]!, cands[best]!)) best = i;
  return best;
}

/** Named tie-break rules. */
export const tieBreaks = {
  /** Smallest pair by code-unit string comparison of the left symbol, then of the right symbol. */
  lexicographic: ((c) =>
    argBest(c, (a, b) => {
      const l = compareSymbols(a.pair[0], b.pair[0]);
      return l < 0 || (l === 0 && compareSymbols(a.pair[1], b.pair[1]) < 0);
    })) as TieBreak,
  /**
   * The pair whose first occurrence in the current corpus (word order, then position) is earliest.
   * This reproduces every choice of the notes' worked example.
   */
  firstOccurrence: ((c) => argBest(c, (a, b) => a.firstSeen < b.firstSeen)) as TieBreak,
  /**
   * Hugging Face `tokenizers` `BpeTrainer`: among equal counts, the smallest `(id_left, id_right)`
   * (its `Merge` ordering: count, then the reversed pair order on u32 ids). Ids: see
   * {@link TieCandidate.ids}. Exact reproduction of HF requires `endOfWord: ''` — HF glues an
   * `end_of_word_suffix` onto the last character (`t</w>` is one symbol) and numbers those glued
   * symbols in hash-map order, whereas here the marker is a separate initial symbol that is sorted
   * with the alphabet. (Special tokens shift all ids equally and do not change the order.)
   */
  hfSmallestId: ((c) =>
    argBest(c, (a, b) => a.ids[0] < b.ids[0] || (a.ids[0] === b.ids[0] && a.ids[1] < b.ids[1]))) as TieBreak,
  /** The longest merged string, then lexicographic (a "prefer long tokens" rule; for experiments). */
  longestThenLexicographic: ((c) =>
    argBest(c, (a, b) => {
      const la = a.pair[0].length + a.pair[1].length;
      const lb = b.pair[0].length + b.pair[1].length;
      if (la !== lb) return la > lb;
      const l = compareSymbols(a.pair[0], b.pair[0]);
      return l < 0 || (l === 0 && compareSymbols(a.pair[1], b.pair[1]) < 0);
    })) as TieBreak,
};

export interface BpeOptions {
  /** End-of-word marker appended as a separate symbol; `''` for none. Default `'_'` (the notes). */
  endOfWord?: string;
  /** Default {@link tieBreaks.firstOccurrence} (the rule consistent with the notes' example). */
  tieBreak?: TieBreak;
  /** Smallest pair count that may still be merged (default 1). */
  minCount?: number;
}

export interface BpeStep {
  pair: [string, string];
  count: number;
  /** The other pairs that had the same (maximal) count at this step, in first-seen order. */
  tiedWith: [string, string][];
}

export interface BpeLearnResult {
  merges: [string, string][];
  steps: BpeStep[];
  /** The segmentation of each corpus entry after all merges (corpus order). */
  segmentation: string[][];
}

/** Split a word into initial symbols: code points, then the marker (if non-empty). */
export function initialSymbols(word: string, endOfWord = '_'): string[] {
  const s = Array.from(word);
  if (endOfWord !== '') s.push(endOfWord);
  return s;
}

/** Normalise either corpus form to the ordered array form, validating counts. */
export function normaliseCorpus(corpus: BpeCorpusInput): { word: string; count: number }[] {
  const words = Array.isArray((corpus as BpeCorpus).words)
    ? (corpus as BpeCorpus).words
    : Object.entries(corpus as Record<string, number>).map(([word, count]) => ({ word, count }));
  for (const w of words) {
    if (typeof w.word !== 'string') throw new TypeError('bpe: word must be a string');
    if (!Number.isSafeInteger(w.count) || w.count < 1) {
      throw new RangeError(`bpe: count of ${JSON.stringify(w.word)} must be a positive integer, got ${w.count}`);
    }
  }
  return words;
}

function pairKey(a: string, b: string): string {
  return `${a.length}:${a}${b}`;
}

interface State {
  words: string[][];
  counts: number[];
  /** Global offset (in initial symbols) of the start of each word. */
  base: number[];
  /** Initial-symbol offsets of the start of each current symbol, per word. */
  starts: number[][];
  ids: Map<string, number>;
}

function initState(corpus: BpeCorpusInput, endOfWord: string): State {
  const ws = normaliseCorpus(corpus);
  const words = ws.map((w) => initialSymbols(w.word, endOfWord));
  const counts = ws.map((w) => w.count);
  let total = 0;
  const base: number[] = [];
  for (let i = 0; i < words.length; i++) {
    base.push(total);
    total += words[i]!.length;
  }
  let weighted = 0;
  for (let i = 0; i < words.length; i++) weighted += counts[i]! * words[i]!.length;
  if (!Number.isSafeInteger(weighted)) throw new RangeError('bpe: corpus too large for exact integer counting');
  const alphabet = [...new Set(words.flat())].sort(compareCodePoints);
  const ids = new Map<string, number>();
  alphabet.forEach((s, i) => ids.set(s, i));
  return { words, counts, base, starts: words.map((w) => w.map((_, i) => i)), ids };
}

/** All adjacent pairs with weighted counts, in first-seen order. */
function countPairs(st: State): TieCandidate[] {
  const m = new Map<string, TieCandidate>();
  for (let w = 0; w < st.words.length; w++) {
    const sy = st.words[w]!;
    for (let i = 0; i + 1 < sy.length; i++) {
      const k = pairKey(sy[i]!, sy[i + 1]!);
      const e = m.get(k);
      if (e) e.count += st.counts[w]!;
      else {
        m.set(k, {
          pair: [sy[i]!, sy[i + 1]!],
          count: st.counts[w]!,
          firstSeen: st.base[w]! + st.starts[w]![i]!,
          ids: [st.ids.get(sy[i]!)!, st.ids.get(sy[i + 1]!)!],
        });
      }
    }
  }
  return [...m.values()];
}

/** Replace, left to right and non-overlapping, every adjacent (a, b) by a+b. */
export function applyMerge(symbols: string[], a: string, b: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < symbols.length; i++) {
    if (i + 1 < symbols.length && symbols[i] === a && symbols[i + 1] === b) {
      out.push(a + b);
      i++;
    } else out.push(symbols[i]!);
  }
  return out;
}

function mergeState(st: State, a: string, b: string): void {
  const ab = a + b;
  if (!st.ids.has(ab)) st.ids.set(ab, st.ids.size);
  for (let w = 0; w < st.words.length; w++) {
    const sy = st.words[w]!;
    const stt = st.starts[w]!;
    const ns: string[] = [];
    const nst: number[] = [];
    for (let i = 0; i < sy.length; i++) {
      nst.push(stt[i]!);
      if (i + 1 < sy.length && sy[i] === a && sy[i + 1] === b) {
        ns.push(ab);
        i++;
      } else ns.push(sy[i]!);
    }
    st.words[w] = ns;
    st.starts[w] = nst;
  }
}

/**
 * The naive exact BPE learner: at every step recount all adjacent pairs (weighted by word
 * counts), take the maximal count, break ties with `opts.tieBreak`, merge everywhere.
 * Stops after `numMerges` merges or when the maximal count is < `minCount` (no pair left, by
 * default).
 */
export function bpeLearn(corpus: BpeCorpusInput, numMerges: number, opts: BpeOptions = {}): BpeLearnResult {
  const eow = opts.endOfWord ?? '_';
  const tb = opts.tieBreak ?? tieBreaks.firstOccurrence;
  const minCount = Math.max(1, opts.minCount ?? 1);
  if (!Number.isSafeInteger(numMerges) || numMerges < 0) throw new RangeError('bpeLearn: numMerges must be a non-negative integer');
  const st = initState(corpus, eow);
  const merges: [string, string][] = [];
  const steps: BpeStep[] = [];
  for (let s = 0; s < numMerges; s++) {
    const all = countPairs(st);
    let max = 0;
    for (const c of all) if (c.count > max) max = c.count;
    if (max < minCount) break;
    const tied = all.filter((c) => c.count === max);
    const k = tb(tied);
    if (!Number.isInteger(k) || k < 0 || k >= tied.length) throw new RangeError(`bpeLearn: tie-break returned ${k} for ${tied.length} candidates`);
    const chosen = tied[k]!;
    merges.push([chosen.pair[0], chosen.pair[1]]);
    steps.push({
      pair: [chosen.pair[0], chosen.pair[1]],
      count: max,
      tiedWith: tied.filter((_, i) => i !== k).map((c) => [c.pair[0], c.pair[1]] as [string, string]),
    });
    mergeState(st, chosen.pair[0], chosen.pair[1]);
  }
  return { merges, steps, segmentation: st.words.map((w) => [...w]) };
}

export type MergeCheck =
  | { ok: true }
  | { ok: false; step: number; reason: string; maxCount: number; chosenCount: number };

/**
 * Tie-aware acceptance: replay `merges` on the corpus and verify that at every step the merged
 * pair had the maximal pair count (≥ `minCount`). Any tie-break rule's output passes; a merge with
 * a smaller count than some other pair at its step fails (with `step` 0-based).
 */
export function checkMergeSequence(
  corpus: BpeCorpusInput,
  merges: readonly (readonly [string, string])[],
  opts: Omit<BpeOptions, 'tieBreak'> = {},
): MergeCheck {
  const eow = opts.endOfWord ?? '_';
  const minCount = Math.max(1, opts.minCount ?? 1);
  const st = initState(corpus, eow);
  for (let s = 0; s < merges.length; s++) {
    const [a, b] = merges[s]!;
    const all = countPairs(st);
    let max = 0;
    let chosen = 0;
    const key = pairKey(a, b);
    for (const c of all) {
      if (c.count > max) max = c.count;
      if (pairKey(c.pair[0], c.pair[1]) === key) chosen = c.count;
    }
    if (chosen === 0) {
      return { ok: false, step: s, reason: `pair (${JSON.stringify(a)}, ${JSON.stringify(b)}) does not occur at step ${s}`, maxCount: max, chosenCount: 0 };
    }
    if (chosen < max) {
      const better = all.filter((c) => c.count === max).map((c) => `(${JSON.stringify(c.pair[0])}, ${JSON.stringify(c.pair[1])})`);
      return { ok: false, step: s, reason: `pair count ${chosen} < maximal count ${max} of ${better.join(', ')}`, maxCount: max, chosenCount: chosen };
    }
    if (max < minCount) {
      return { ok: false, step: s, reason: `maximal count ${max} < minCount ${minCount}`, maxCount: max, chosenCount: chosen };
    }
    mergeState(st, a, b);
  }
  return { ok: true };
}

/**
 * The segmenter by rank (GPT-2 / HF style): split into initial symbols, then repeatedly merge the
 * adjacent pair with the lowest merge rank present (its leftmost occurrence), until no adjacent
 * pair is a merge rule. A pair listed twice has the rank of its first listing.
 *
 * Relation to the notes' "apply the merge rules in the exact priority order they were learned in"
 * ({@link bpeSegmentSequential}): the two agree for every merge list in which each merge's result
 * string is new, i.e. differs from all initial symbols and all earlier results. Proof: merging a
 * rank-j pair creates only pairs containing the new string s_j, which (being new) occur only in
 * rules of rank > j; hence the minimal rank present never decreases, each rank is processed in one
 * contiguous phase, and within a phase "leftmost occurrence first, repeatedly" is the left-to-right
 * non-overlapping scan (the new string cannot recreate the pair). Without that condition they can
 * differ: with merges [(x, ab), (a, b)] the word "xab" gives ["xab"] by rank but ["x", "ab"]
 * sequentially. A *learned* list can violate the condition when the end-of-word marker can be
 * spelled by merging letters: corpus {abaab: 1, a: 3} with `endOfWord: 'ab'` (first-occurrence ties)
 * learns [(a, ab), (a, b), (ab, a), (aba, ab), (abaab, ab)] — merge 2 re-creates the marker's string
 * "ab" — and "abaab" is segmented ["abaabab"] sequentially (= the learner's own segmentation) but
 * ["ab", "aab", "ab"] by rank. With a marker that no merge can spell (e.g. '_' absent from the
 * words, or '') no learned counterexample turned up in 10^5 random corpora over {a, b} (words up to
 * 16 letters, every tie-break rule), and no learned list repeated a result string; we know of no
 * proof that it cannot happen.
 */
export function bpeSegment(word: string, merges: readonly (readonly [string, string])[], opts: Pick<BpeOptions, 'endOfWord'> = {}): string[] {
  const eow = opts.endOfWord ?? '_';
  const rank = new Map<string, number>();
  merges.forEach(([a, b], i) => {
    const k = pairKey(a, b);
    if (!rank.has(k)) rank.set(k, i);
  });
  const sy = initialSymbols(word, eow);
  for (;;) {
    let best = Infinity;
    let at = -1;
    for (let i = 0; i + 1 < sy.length; i++) {
      const r = rank.get(pairKey(sy[i]!, sy[i + 1]!));
      if (r !== undefined && r < best) {
        best = r;
        at = i;
      }
    }
    if (at < 0) return sy;
    sy.splice(at, 2, sy[at]! + sy[at + 1]!);
  }
}

/** The notes' segmenter literally: apply each merge rule in learned order, left to right. */
export function bpeSegmentSequential(word: string, merges: readonly (readonly [string, string])[], opts: Pick<BpeOptions, 'endOfWord'> = {}): string[] {
  let sy = initialSymbols(word, opts.endOfWord ?? '_');
  for (const [a, b] of merges) sy = applyMerge(sy, a, b);
  return sy;
}

/**
 * The segmenter of subword-nmt's `apply_bpe.py` and GPT-2's `encoder.py`: repeatedly take the
 * lowest-ranked pair present and replace ALL its occurrences at once, left to right and
 * non-overlapping; a pair listed twice has the rank of its first listing. It agrees with
 * {@link bpeSegment} (one merge at a time, leftmost first: HF tokenizers, tiktoken,
 * SentencePiece) except when merging one occurrence creates a pair of lower rank that overlaps a
 * later occurrence of the same pair — possible only when two merges produce the same string or
 * a merge uses a symbol before any merge creates it (e.g. merges [(ab, a), (a, b)], word "abab":
 * ["aba", "b"] one at a time, ["ab", "ab"] all at once). Both are standard; the gate accepts either.
 */
export function bpeSegmentAllAtOnce(word: string, merges: readonly (readonly [string, string])[], opts: Pick<BpeOptions, 'endOfWord'> = {}): string[] {
  const eow = opts.endOfWord ?? '_';
  const rank = new Map<string, number>();
  merges.forEach(([a, b], i) => {
    const k = pairKey(a, b);
    if (!rank.has(k)) rank.set(k, i);
  });
  let sy = initialSymbols(word, eow);
  for (;;) {
    let best = Infinity;
    let pair: [string, string] | null = null;
    for (let i = 0; i + 1 < sy.length; i++) {
      const r = rank.get(pairKey(sy[i]!, sy[i + 1]!));
      if (r !== undefined && r < best) {
        best = r;
        pair = [sy[i]!, sy[i + 1]!];
      }
    }
    if (pair === null) return sy;
    sy = applyMerge(sy, pair[0], pair[1]);
  }
}
