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

/**
 * The order of {@link tieBreaks.sentencepiece} on two pairs: merged length in code points, then the
 * merged string in code-point order, then the left symbol in code-point order. Negative: x first.
 */
export function compareSentencePiece(x: readonly [string, string], y: readonly [string, string]): number {
  const mx = x[0] + x[1];
  const my = y[0] + y[1];
  const lx = Array.from(mx).length;
  const ly = Array.from(my).length;
  if (lx !== ly) return lx - ly;
  const d = compareCodePoints(mx, my);
  return d !== 0 ? d : compareCodePoints(x[0], y[0]);
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
  /**
   * SentencePiece's BPE trainer (`bpe_model_trainer.cc`, 0.1.97; also its later priority-queue
   * version): among equal counts, the SHORTEST merged string (in code points), then the smaller
   * merged string in code-point order (its `std::string` comparison of UTF-8 bytes, which orders
   * like code points). Two different pairs with the same merged string ((a, bc) and (ab, c)):
   * here the smaller left symbol (code-point order); SentencePiece's order there is the address
   * order of its symbol objects (unspecified), and it then drops the other pair as a duplicate
   * piece without merging it. The rule looks at merged strings only, so it does not depend on
   * corpus order or on symbol ids.
   */
  sentencepiece: ((c) =>
    argBest(c, (a, b) => {
      const d = compareSentencePiece(a.pair, b.pair);
      return d < 0;
    })) as TieBreak,
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
  /**
   * How a run of one symbol counts: 'every-position' (default; "a a a" holds (a, a) twice, as
   * subword-nmt, HF tokenizers and SentencePiece ≥ 0.1.99 count) or 'non-overlapping' (the
   * left-greedy count of SentencePiece ≤ 0.1.98's trainer, "avoids double-count": a run of k equal
   * symbols holds ⌊k/2⌋ pairs). Merging is left to right without overlap either way.
   */
  pairCount?: 'every-position' | 'non-overlapping';
  /** Byte-level BPE: words start as their UTF-8 bytes in GPT-2's byte-to-unicode alphabet ({@link BYTE_TO_UNICODE}). */
  byteLevel?: boolean;
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

/**
 * GPT-2's byte-to-unicode table (`bytes_to_unicode` in openai/gpt-2 encoder.py, the alphabet of HF
 * `ByteLevel`): the 188 bytes that are printable Latin-1 — '!'..'~' (33–126), '¡'..'¬' (161–172),
 * '®'..'ÿ' (174–255) — map to the code point of the same value; the other 68 bytes (0–32, 127–160,
 * 173), in increasing order, map to U+0100, U+0101, … U+0143. So ' ' (32) ↦ 'Ġ' (U+0120), '\n' ↦ 'Ċ'
 * (U+010A), 0xAD ↦ 'Ń' (U+0143). Built by enumeration; a bijection of the 256 bytes onto 256
 * printable, non-space code points.
 */
export const BYTE_TO_UNICODE: readonly string[] = (() => {
  const printable = (b: number) => (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
  const out: string[] = [];
  let next = 256;
  for (let b = 0; b < 256; b++) out.push(String.fromCodePoint(printable(b) ? b : next++));
  return out;
})();

/** The UTF-8 bytes of a string, each as its GPT-2 byte-level character (code points must be scalar values). */
export function byteLevelChars(word: string): string[] {
  const out: string[] = [];
  for (const ch of word) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) throw new RangeError('byteLevelChars: lone surrogate');
    const bytes = cp < 0x80 ? [cp]
      : cp < 0x800 ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
        : cp < 0x10000 ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
          : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
    for (const b of bytes) out.push(BYTE_TO_UNICODE[b]!);
  }
  return out;
}

/**
 * Split a word into initial symbols: code points (or, with `byteLevel`, its UTF-8 bytes as GPT-2
 * byte-level characters), then the marker (if non-empty; never byte-mapped).
 */
export function initialSymbols(word: string, endOfWord = '_', byteLevel = false): string[] {
  const s = byteLevel ? byteLevelChars(word) : Array.from(word);
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

function initState(corpus: BpeCorpusInput, endOfWord: string, byteLevel = false): State {
  const ws = normaliseCorpus(corpus);
  const words = ws.map((w) => initialSymbols(w.word, endOfWord, byteLevel));
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
function countPairs(st: State, nonOverlapping = false): TieCandidate[] {
  const m = new Map<string, TieCandidate>();
  for (let w = 0; w < st.words.length; w++) {
    const sy = st.words[w]!;
    let counted = -2; // the last position of a run pair (x, x) that was counted
    for (let i = 0; i + 1 < sy.length; i++) {
      if (nonOverlapping && sy[i] === sy[i + 1]) {
        // (x, x) right after a counted (x, x) shares its symbol: not counted (left-greedy, ⌊k/2⌋ per run of k)
        if (counted === i - 1 && sy[i - 1] === sy[i]) continue;
        counted = i;
      }
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
    let has = false;
    for (let i = 0; i + 1 < sy.length && !has; i++) has = sy[i] === a && sy[i + 1] === b;
    if (!has) continue; // nothing to replace: the word stays as it is
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
  const st = initState(corpus, eow, opts.byteLevel ?? false);
  const merges: [string, string][] = [];
  const steps: BpeStep[] = [];
  for (let s = 0; s < numMerges; s++) {
    const all = countPairs(st, opts.pairCount === 'non-overlapping');
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
  const st = initState(corpus, eow, opts.byteLevel ?? false);
  for (let s = 0; s < merges.length; s++) {
    const [a, b] = merges[s]!;
    const all = countPairs(st, opts.pairCount === 'non-overlapping');
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
export function bpeSegment(word: string, merges: readonly (readonly [string, string])[], opts: Pick<BpeOptions, 'endOfWord' | 'byteLevel'> = {}): string[] {
  const eow = opts.endOfWord ?? '_';
  const rank = new Map<string, number>();
  merges.forEach(([a, b], i) => {
    const k = pairKey(a, b);
    if (!rank.has(k)) rank.set(k, i);
  });
  const sy = initialSymbols(word, eow, opts.byteLevel ?? false);
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
export function bpeSegmentSequential(word: string, merges: readonly (readonly [string, string])[], opts: Pick<BpeOptions, 'endOfWord' | 'byteLevel'> = {}): string[] {
  let sy = initialSymbols(word, opts.endOfWord ?? '_', opts.byteLevel ?? false);
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
export function bpeSegmentAllAtOnce(word: string, merges: readonly (readonly [string, string])[], opts: Pick<BpeOptions, 'endOfWord' | 'byteLevel'> = {}): string[] {
  const eow = opts.endOfWord ?? '_';
  const rank = new Map<string, number>();
  merges.forEach(([a, b], i) => {
    const k = pairKey(a, b);
    if (!rank.has(k)) rank.set(k, i);
  });
  let sy = initialSymbols(word, eow, opts.byteLevel ?? false);
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

// ───────────────────────────────────────────────────────────────────────────────────────────────
// Issue 14: pre-tokenisation, n-gram language models, perplexity, bag of words, TF-IDF, BM25,
// word2vec (skip-gram, CBOW, negative sampling, hierarchical softmax) and fastText n-grams.
// Everything below is exact: BigInt rationals for counts and ratios, rigorous interval
// enclosures (src/numerics/interval.ts) wherever a log, exp or fractional power appears.
// ───────────────────────────────────────────────────────────────────────────────────────────────

import { Rational } from '../numerics/rational.js';
import { Interval, add as iAdd, sub as iSub, mul as iMul, div as iDiv, log as iLog, exp as iExp, sqrt as iSqrt, point as iPoint, softmax as iSoftmax } from '../numerics/interval.js';
import { encloseRational } from '../numerics/enclose.js';

/** A pre-token and its half-open offsets [start, end) in code points of the input. */
export interface PreToken { text: string; start: number; end: number }

/** Code-point class of the HF `Whitespace` pre-tokenizer (`\w+|[^\w\s]+`): word, space, or other. */
export function charClass(ch: string): 'word' | 'space' | 'other' {
  const cp = ch.codePointAt(0)!;
  // White space: the Unicode White_Space property (as Rust's \s and JS's \s up to U+FEFF).
  if (/^\s$/u.test(ch)) return 'space';
  // \w in Rust regex (Unicode): Alphabetic, Mark, Decimal_Number, Connector_Punctuation, Join_Control.
  if (/^[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}]$/u.test(ch) || cp === 0x200c || cp === 0x200d) return 'word';
  return 'other';
}

/**
 * Pre-tokenise like HF `Whitespace` (maximal runs of word characters, maximal runs of characters
 * that are neither word nor space), or, with `splitDigits`, additionally each decimal digit alone
 * (HF `Digits(individual_digits=True)` after `Whitespace`). Offsets are code-point indices, half-open.
 * Scans code points one by one (no regular expression over the whole string).
 */
export function pretokenize(text: string, opts: { splitDigits?: boolean } = {}): PreToken[] {
  const cps = Array.from(text);
  const out: PreToken[] = [];
  let i = 0;
  while (i < cps.length) {
    const c = charClass(cps[i]!);
    if (c === 'space') { i++; continue; }
    let j = i + 1;
    while (j < cps.length && charClass(cps[j]!) === c) j++;
    if (opts.splitDigits && c === 'word') {
      // split the run at every decimal digit: digits alone, non-digit stretches kept together
      let k = i;
      while (k < j) {
        const isD = /^\p{Nd}$/u.test(cps[k]!);
        let l = k + 1;
        if (!isD) while (l < j && !/^\p{Nd}$/u.test(cps[l]!)) l++;
        out.push({ text: cps.slice(k, l).join(''), start: k, end: l });
        k = l;
      }
    } else out.push({ text: cps.slice(i, j).join(''), start: i, end: j });
    i = j;
  }
  return out;
}

/** The contiguous n-grams of a token list, in order (L − n + 1 of them, none when n > L). */
export function ngrams<T>(tokens: readonly T[], n: number): T[][] {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError('ngrams: n must be a positive integer');
  const out: T[][] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n));
  return out;
}

const key = (ws: readonly string[]) => ws.join('\u0000');

/** n-gram counts of a corpus of sentences (each a token list), keyed by the tokens joined with U+0000. */
export function ngramCounts(sentences: readonly (readonly string[])[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of sentences) for (const g of ngrams(s, n)) m.set(key(g), (m.get(key(g)) ?? 0) + 1);
  return m;
}

/**
 * Conditional probability P(w | h) of an n-gram model (n = |h| + 1) estimated from `sentences`:
 * (Count(h, w) + k) / (C(h) + k·V), with k = 0 the MLE (004:178) and k = 1 Laplace (004:225).
 * C(h) is the count of h as the history of an n-gram (Σ_w Count(h, w): `history: 'history'`, the
 * convention under which the estimates sum to 1 over the vocabulary) or the plain count of h as an
 * (n−1)-gram (`history: 'ngram'`, which also counts h at the end of a sentence). Returns null when
 * the denominator is 0 (MLE with an unseen history).
 */
export function ngramProb(
  sentences: readonly (readonly string[])[], history: readonly string[], w: string,
  opts: { k?: Rational; vocabSize?: number; history?: 'history' | 'ngram' } = {},
): Rational | null {
  const k = opts.k ?? Rational.ZERO;
  const n = history.length + 1;
  const V = opts.vocabSize ?? new Set(sentences.flat()).size;
  const full = ngramCounts(sentences, n).get(key([...history, w])) ?? 0;
  let hc = 0;
  if ((opts.history ?? 'history') === 'history') {
    for (const s of sentences) for (const g of ngrams(s, n)) if (key(g.slice(0, -1)) === key(history)) hc++;
  } else if (history.length === 0) hc = sentences.reduce((a, s) => a + s.length, 0);
  else hc = ngramCounts(sentences, n - 1).get(key(history)) ?? 0;
  const den = Rational.fromInt(hc).add(k.mul(Rational.fromInt(V)));
  if (den.isZero()) return null;
  return Rational.fromInt(full).add(k).div(den);
}

/** A finite joint distribution over sequences of a fixed length: sequence (joined) → probability. */
export type SeqDist = Map<string, { seq: string[]; p: Rational }>;

/** P(w_1..w_k) marginal of a sequence distribution (prefix probability). */
export function prefixProb(d: SeqDist, prefix: readonly string[]): Rational {
  let s = Rational.ZERO;
  for (const { seq, p } of d.values()) if (prefix.every((w, i) => seq[i] === w)) s = s.add(p);
  return s;
}

/** The chain-rule product P(w_1) P(w_2|w_1) … P(w_n|w_<n), each factor a ratio of prefix marginals. */
export function chainRuleProduct(d: SeqDist, seq: readonly string[]): Rational {
  let prod = Rational.ONE;
  for (let i = 0; i < seq.length; i++) {
    const num = prefixProb(d, seq.slice(0, i + 1));
    const den = prefixProb(d, seq.slice(0, i));
    if (num.isZero()) return Rational.ZERO;
    prod = prod.mul(num.div(den));
  }
  return prod;
}

/** Enclosure of ln q for a positive rational q. */
export function lnEnclose(q: Rational): Interval {
  if (q.sign() <= 0) throw new RangeError('lnEnclose: need q > 0');
  return iLog(encloseRational(q));
}
let ln2: Interval | undefined, ln10: Interval | undefined;
const LN2 = (): Interval => (ln2 ??= lnEnclose(Rational.fromInt(2)));
const LN10 = (): Interval => (ln10 ??= lnEnclose(Rational.fromInt(10)));
/** Enclosure of log_b q (b = 2 or 10 or 'e'). */
export function logEnclose(q: Rational, base: 2 | 10 | 'e'): Interval {
  const l = lnEnclose(q);
  return base === 'e' ? l : iDiv(l, base === 2 ? LN2() : LN10());
}

/**
 * Perplexity of a model that gives the N test tokens probabilities p_1..p_N: PPL = (Π p_i)^{-1/N}
 * = exp(H_nats) = 2^{H_bits} with H the per-token cross-entropy −(1/N) Σ log p_i. Returns the
 * enclosures of H in nats and in bits and of the perplexity computed both ways.
 */
export function perplexityEnclose(ps: readonly Rational[]): { hNats: Interval; hBits: Interval; pplFromNats: Interval; pplFromBits: Interval } {
  if (ps.length === 0) throw new RangeError('perplexity: no tokens');
  let s = iPoint(0);
  for (const p of ps) s = iAdd(s, lnEnclose(p));
  const hNats = iDiv(iSub(iPoint(0), s), iPoint(ps.length));
  const hBits = iDiv(hNats, LN2());
  return { hNats, hBits, pplFromNats: iExp(hNats), pplFromBits: iExp(iMul(hBits, LN2())) };
}

/** Exact test of PPL = K for the product P = Π p_i over N tokens: P^{-1} = K^N. */
export function perplexityIs(ps: readonly Rational[], K: Rational): boolean {
  const prod = ps.reduce((a, p) => a.mul(p), Rational.ONE);
  return prod.inv().eq(K.pow(ps.length));
}

/** Bag of words: for each document (token list), the count of each vocabulary word. */
export function bagOfWords(docs: readonly (readonly string[])[], vocab: readonly string[]): number[][] {
  return docs.map((d) => vocab.map((v) => d.filter((t) => t === v).length));
}

/** Term-frequency schemes (glossary `tf-scheme`). */
export type TfScheme = 'raw' | 'relative' | 'log1p' | 'one-plus-log';
/** Inverse-document-frequency schemes (glossary `idf-scheme`). */
export type IdfScheme = 'log-ratio' | 'smooth' | 'plain-plus-one' | 'natural-js' | 'none';

export interface TfidfOptions {
  tf: TfScheme;
  idf: IdfScheme;
  /** Base of every logarithm: 10 (the notes' tables), 'e' (sklearn, natural). */
  base: 10 | 'e';
  /** Normalise each document vector to unit Euclidean length (sklearn norm='l2'). */
  l2?: boolean;
}

/** The exact tf value as a rational part and a log part: tf = r + c·log_b(a) (one of them zero). */
export function tfEnclose(count: number, len: number, s: TfScheme, base: 10 | 'e'): Interval {
  if (count === 0) return iPoint(0);
  switch (s) {
    case 'raw': return encloseRational(Rational.fromInt(count));
    case 'relative': return encloseRational(Rational.of(count, len));
    case 'log1p': return logEnclose(Rational.fromInt(1 + count), base);
    case 'one-plus-log': return iAdd(iPoint(1), logEnclose(Rational.fromInt(count), base));
  }
}

/** The idf of a term in N documents with document frequency df ≥ 1 (`null` when undefined: df = 0 in log-ratio / plain). */
export function idfEnclose(N: number, df: number, s: IdfScheme, base: 10 | 'e'): Interval | null {
  switch (s) {
    case 'none': return iPoint(1);
    case 'log-ratio': return df === 0 ? null : logEnclose(Rational.of(N, df), base);
    case 'plain-plus-one': return df === 0 ? null : iAdd(iPoint(1), logEnclose(Rational.of(N, df), base));
    case 'smooth': return iAdd(iPoint(1), logEnclose(Rational.of(N + 1, df + 1), base));
    case 'natural-js': return iAdd(iPoint(1), logEnclose(Rational.of(N, df + 1), base));
  }
}

/**
 * TF-IDF matrix (documents × vocabulary) as enclosures. A term with an undefined idf (df = 0 under
 * log-ratio) scores 0 (its tf is 0 in every document).
 */
export function tfidfEnclose(docs: readonly (readonly string[])[], vocab: readonly string[], o: TfidfOptions): Interval[][] {
  const N = docs.length;
  return tfidfParts(docs, vocab, (c, len) => tfEnclose(c, len, o.tf, o.base), (df) => idfEnclose(N, df, o.idf, o.base), o.l2 ?? false).w;
}

/**
 * The one TF-IDF computation behind {@link tfidfEnclose} and {@link tfidfOpEnclose}: counts, df, tf(c, |d|)
 * for c > 0 (0 otherwise), idf(df) for df > 0 (null otherwise), raw = tf·idf, and w = raw or its rows
 * divided by their enclosed l2 norms (a zero row stays zero).
 */
function tfidfParts(
  docs: readonly (readonly string[])[], vocab: readonly string[],
  tfOf: (count: number, len: number) => Interval, idfOf: (df: number) => Interval | null, l2: boolean,
): { counts: number[][]; tf: Interval[][]; idf: (Interval | null)[]; raw: Interval[][]; w: Interval[][] } {
  const counts = bagOfWords(docs, vocab);
  const df = vocab.map((_, j) => counts.filter((r) => r[j]! > 0).length);
  const idf = df.map((n) => (n === 0 ? null : idfOf(n)));
  const tf = counts.map((r, i) => r.map((c) => (c === 0 ? iPoint(0) : tfOf(c, docs[i]!.length))));
  const raw = tf.map((r) => r.map((t, j) => (t.lo === 0 && t.hi === 0 ? iPoint(0) : iMul(t, idf[j]!))));
  const w = !l2 ? raw : raw.map((r) => {
    let ss = iPoint(0);
    for (const x of r) ss = iAdd(ss, iMul(x, x));
    if (ss.hi === 0) return r;
    const nrm = iSqrt(ss);
    return r.map((x) => (x.lo === 0 && x.hi === 0 ? x : iDiv(x, nrm)));
  });
  return { counts, tf, idf, raw, w };
}

/** Cosine of two enclosed vectors. */
export function cosineEnclose(a: readonly Interval[], b: readonly Interval[]): Interval {
  let dot = iPoint(0), na = iPoint(0), nb = iPoint(0);
  for (let i = 0; i < a.length; i++) { dot = iAdd(dot, iMul(a[i]!, b[i]!)); na = iAdd(na, iMul(a[i]!, a[i]!)); nb = iAdd(nb, iMul(b[i]!, b[i]!)); }
  return iDiv(dot, iMul(iSqrt(na), iSqrt(nb)));
}

/** BM25 idf variants (glossary `bm25-idf`). */
export type Bm25Idf = 'rsj' | 'lucene' | 'atire';

/**
 * The BM25 term-frequency factor tf(k1+1) / (tf + k1(1 − b + b·|D|/avgdl)), exact (rational k1, b).
 * With b = 0 it is the saturation curve y = tf(k1+1)/(tf + k1) of 004:2795.
 */
export function bm25TfFactor(tf: number, k1: Rational, b: Rational, docLen: number, avgdl: Rational): Rational {
  const t = Rational.fromInt(tf);
  const norm = Rational.ONE.sub(b).add(b.mul(Rational.fromInt(docLen)).div(avgdl));
  return t.mul(k1.add(Rational.ONE)).div(t.add(k1.mul(norm)));
}

/** BM25 idf: rsj ln((N − df + ½)/(df + ½)) (may be negative), lucene ln(1 + (N − df + ½)/(df + ½)), atire ln(N/df). */
export function bm25IdfEnclose(N: number, df: number, v: Bm25Idf): Interval {
  const half = Rational.of(1, 2);
  const ratio = Rational.fromInt(N - df).add(half).div(Rational.fromInt(df).add(half));
  if (v === 'rsj') return lnEnclose(ratio);
  if (v === 'lucene') return lnEnclose(Rational.ONE.add(ratio));
  return lnEnclose(Rational.of(N, df));
}

/**
 * BM25 score of `query` (tokens; a repeated query term counts once per occurrence) for every
 * document: Σ_{t ∈ q} idf(t) · tfFactor(tf(t, d)). Terms are matched as whole tokens.
 */
export function bm25Enclose(docs: readonly (readonly string[])[], query: readonly string[], o: { k1: Rational; b: Rational; idf: Bm25Idf }): Interval[] {
  const N = docs.length;
  const avgdl = Rational.of(docs.reduce((a, d) => a + d.length, 0), N);
  // df and idf depend on the term only: once per distinct query term, not per document
  const idf = new Map<string, Interval | null>();
  for (const t of new Set(query)) {
    const df = docs.filter((x) => x.includes(t)).length;
    idf.set(t, df === 0 ? null : bm25IdfEnclose(N, df, o.idf));
  }
  return docs.map((d) => {
    let s = iPoint(0);
    for (const t of query) {
      const tf = d.filter((x) => x === t).length;
      const w = idf.get(t)!;
      if (tf === 0 || w === null) continue;
      s = iAdd(s, iMul(w, encloseRational(bm25TfFactor(tf, o.k1, o.b, d.length, avgdl))));
    }
    return s;
  });
}

/** Context of position i with a symmetric window m: [w_{i−m} … w_{i−1}, w_{i+1} … w_{i+m}], truncated at the ends. */
export function contextWindow<T>(tokens: readonly T[], i: number, m: number): T[] {
  return [...tokens.slice(Math.max(0, i - m), i), ...tokens.slice(i + 1, i + 1 + m)];
}

/** The (center, context) training pairs of skip-gram with window m (the terms of 003:119's double sum). */
export function skipgramPairs<T>(tokens: readonly T[], m: number): [T, T][] {
  const out: [T, T][] = [];
  tokens.forEach((c, i) => { for (const o of contextWindow(tokens, i, m)) out.push([c, o]); });
  return out;
}

/** Mean of rational vectors (the CBOW context vector of 004:418). */
export function meanVector(vs: readonly (readonly Rational[])[]): Rational[] {
  const n = Rational.fromInt(vs.length);
  return vs[0]!.map((_, j) => Rational.sum(vs.map((v) => v[j]!)).div(n));
}

/** Softmax enclosures of rational scores: exp(s_i)/Σ exp(s_j), each exp enclosed. */
export function softmaxEnclose(scores: readonly Rational[]): Interval[] {
  // the rigorous interval softmax of src/numerics/interval.ts on the exact scores' enclosures
  return iSoftmax(scores.map((s) => encloseRational(s)));
}

/** Enclosure of c^{3/4} for an integer count c ≥ 0: √√(c³) with directed square roots. */
export function pow075Enclose(c: number): Interval {
  return iSqrt(iSqrt(encloseRational(Rational.fromInt(c).pow(3))));
}

/** Enclosures of the negative-sampling distribution P_n(w) = c_w^{0.75} / Σ_v c_v^{0.75}. */
export function negSamplingDist(counts: readonly number[], power: '0.75' | '1' = '0.75'): Interval[] {
  const ws = counts.map((c) => (power === '1' ? encloseRational(Rational.fromInt(c)) : pow075Enclose(c)));
  let tot = iPoint(0);
  for (const w of ws) tot = iAdd(tot, w);
  return ws.map((w) => iDiv(w, tot));
}

/**
 * word2vec.c's unigram table (InitUnigramTable): `size` slots filled in vocabulary order, word i
 * taking the slots a with a/size ≤ the cumulative share of words 0..i (shares c^0.75/Σ c^0.75, in
 * float64 as word2vec computes them). Returns the slot count of each word.
 */
export function unigramTableShares(counts: readonly number[], size: number): number[] {
  const pw = counts.map((c) => Math.pow(c, 0.75));
  const total = pw.reduce((a, b) => a + b, 0);
  const slots = counts.map(() => 0);
  let i = 0;
  let d1 = pw[0]! / total;
  for (let a = 0; a < size; a++) {
    slots[i]!++;
    if (a / size > d1 && i < counts.length - 1) { i++; d1 += pw[i]! / total; }
  }
  return slots;
}

/** A binary tree over leaves 0..V−1: an internal node has two children. */
export type HTree = { leaf: number } | { left: HTree; right: HTree };

/** Huffman tree of positive weights (word2vec's CreateBinaryTree): repeatedly join the two lightest (ties: lowest index first). */
export function huffmanTree(weights: readonly number[]): HTree {
  if (weights.length === 0) throw new RangeError('huffmanTree: no leaves');
  let nodes: { w: bigint; t: HTree; order: number }[] = weights.map((w, i) => ({ w: BigInt(w), t: { leaf: i }, order: i }));
  let next = weights.length;
  while (nodes.length > 1) {
    nodes.sort((a, b) => (a.w < b.w ? -1 : a.w > b.w ? 1 : a.order - b.order));
    const [a, b, ...rest] = nodes;
    nodes = [...rest, { w: a!.w + b!.w, t: { left: a!.t, right: b!.t }, order: next++ }];
  }
  return nodes[0]!.t;
}

/** Depth of every leaf (code length). */
export function leafDepths(t: HTree, V: number): number[] {
  const d = new Array<number>(V).fill(-1);
  const go = (n: HTree, k: number) => { if ('leaf' in n) d[n.leaf] = k; else { go(n.left, k + 1); go(n.right, k + 1); } };
  go(t, 0);
  return d;
}

/**
 * Leaf probabilities of a hierarchical softmax: each internal node (in pre-order) sends its mass
 * left with probability q (given, rational in (0, 1), as σ(u_n·h) would) and right with 1 − q.
 */
export function hsLeafProbs(t: HTree, V: number, q: readonly Rational[]): Rational[] {
  const p = new Array<Rational>(V).fill(Rational.ZERO);
  let idx = 0;
  const go = (n: HTree, mass: Rational) => {
    if ('leaf' in n) { p[n.leaf] = mass; return; }
    const qi = q[idx++ % q.length]!;
    go(n.left, mass.mul(qi));
    go(n.right, mass.mul(Rational.ONE.sub(qi)));
  };
  go(t, Rational.ONE);
  return p;
}

/**
 * The minimal weighted code length Σ w_i·depth_i over ALL full binary trees with these leaves, by
 * brute force: every full binary tree is built by some sequence of joins of two current subtrees,
 * and its cost is the sum of the weights of the joined subtrees. Exponential; for V ≤ 7.
 */
export function bruteForceOptimalCost(weights: readonly number[]): bigint {
  const memo = new Map<string, bigint>();
  const go = (ws: bigint[]): bigint => {
    if (ws.length <= 1) return 0n;
    const sorted = [...ws].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const k = sorted.join(',');
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    let best: bigint | null = null;
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) {
      const rest = sorted.filter((_, x) => x !== i && x !== j);
      const c = sorted[i]! + sorted[j]! + go([...rest, sorted[i]! + sorted[j]!]);
      if (best === null || c < best) best = c;
    }
    memo.set(k, best!);
    return best!;
  };
  return go(weights.map(BigInt));
}

/**
 * fastText character n-grams of a word (computeSubwords): the word wrapped in "<" and ">", every
 * substring of n code points for minn ≤ n ≤ maxn, in order of start position then length,
 * duplicates kept; the 1-grams "<" and ">" alone are excluded (as fastText does).
 */
export function charNgrams(word: string, minn = 3, maxn = 6): string[] {
  const w = Array.from(`<${word}>`);
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) {
    for (let n = 1; n <= maxn && i + n <= w.length; n++) {
      if (n < minn) continue;
      if (n === 1 && (i === 0 || i + n === w.length)) continue;
      out.push(w.slice(i, i + n).join(''));
    }
  }
  return out;
}

// ---- text.pretokenize / tfidf / bm25 ----

/** Pre-tokenisation schemes of the op text.pretokenize (glossary `pretokenizer`). */
export type PretokScheme = 'whitespace-split' | 'word-punct' | 'gpt2' | 'bert';
/** A pre-token as the op returns it: [text, start, end), offsets in UTF-16 code units. */
export type PretokTriple = [string, number, number];

const isWs = (c: string) => /^\s$/u.test(c);
const isL = (c: string) => /^\p{L}$/u.test(c);
const isN = (c: string) => /^\p{N}$/u.test(c);
/** BERT's _is_punctuation: ASCII 33–47, 58–64, 91–96, 123–126, or Unicode general category P. */
export function isBertPunct(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126) || /^\p{P}$/u.test(c);
}
const GPT2_CONTRACTIONS = ['s', 't', 're', 've', 'm', 'll', 'd'];

/**
 * The oracle of text.pretokenize: a code-point scanner (no regular expression over the string;
 * each character is classified alone), offsets converted to UTF-16 code units as it goes.
 * gpt2 follows the pattern's alternatives in order at each position, with the backtracking of
 * \s+(?!\S) written out: a white-space run followed by a non-space gives back its last character
 * (when it has more than one) so that " word" keeps its space.
 */
export function pretokenizeUtf16(text: string, scheme: PretokScheme, lowercase = false): PretokTriple[] {
  const cps = Array.from(text);
  const off: number[] = [0];
  for (const c of cps) off.push(off[off.length - 1]! + c.length);
  const out: PretokTriple[] = [];
  const emit = (i: number, j: number) => {
    const s = cps.slice(i, j).join('');
    out.push([lowercase ? s.toLowerCase() : s, off[i]!, off[j]!]);
  };
  const n = cps.length;
  const run = (i: number, p: (c: string) => boolean) => { let j = i; while (j < n && p(cps[j]!)) j++; return j; };
  let i = 0;
  if (scheme === 'whitespace-split' || scheme === 'bert') {
    while (i < n) {
      if (isWs(cps[i]!)) { i++; continue; }
      const j = run(i, (c) => !isWs(c));
      if (scheme === 'whitespace-split') emit(i, j);
      else for (let k = i; k < j;) {
        if (isBertPunct(cps[k]!)) { emit(k, k + 1); k++; continue; }
        let l = k + 1;
        while (l < j && !isBertPunct(cps[l]!)) l++;
        emit(k, l);
        k = l;
      }
      i = j;
    }
    return out;
  }
  if (scheme === 'word-punct') {
    while (i < n) {
      const c = charClass(cps[i]!);
      if (c === 'space') { i++; continue; }
      const j = run(i, (x) => charClass(x) === c);
      emit(i, j);
      i = j;
    }
    return out;
  }
  // gpt2
  const other = (c: string) => !isWs(c) && !isL(c) && !isN(c);
  while (i < n) {
    const c = cps[i]!;
    if (c === "'") {
      const hit = GPT2_CONTRACTIONS.find((t) => cps.slice(i + 1, i + 1 + t.length).join('') === t);
      if (hit) { emit(i, i + 1 + hit.length); i += 1 + hit.length; continue; }
    }
    const sp = c === ' ' && i + 1 < n ? 1 : 0;
    const d = cps[i + sp]!;
    if (sp === 1 || c !== ' ') {
      const cls = isL(d) ? isL : isN(d) ? isN : other(d) ? other : null;
      if (cls) { const j = run(i + sp, cls); emit(i, j); i = j; continue; }
    }
    // white space (c is white space here)
    const j = run(i, isWs);
    if (j === n || j - i === 1) { emit(i, j); i = j; continue; }
    emit(i, j - 1);
    i = j - 1;
  }
  return out;
}

/** The tf forms of the op text.tfidf and the oracle's TfScheme for each (binary handled apart). */
export type TfidfOpTf = 'raw' | 'relative' | 'binary' | 'log1p' | 'sublinear';
export type TfidfOpIdf = 'smooth' | 'plain' | 'ratio' | 'natural' | 'none';
export interface TfidfOpArgs { docs: string[][]; vocab: string[]; tf: TfidfOpTf; idf: TfidfOpIdf; base: 'e' | '10'; norm: 'l2' | 'none' }

const TF_OF: Record<Exclude<TfidfOpTf, 'binary'>, TfScheme> = { raw: 'raw', relative: 'relative', log1p: 'log1p', sublinear: 'one-plus-log' };
const IDF_OF: Record<TfidfOpIdf, IdfScheme> = { smooth: 'smooth', plain: 'plain-plus-one', ratio: 'log-ratio', natural: 'natural-js', none: 'none' };

/** Enclosures of tf (per document and term), idf (per term) and the unnormalised and final weights of text.tfidf. */
export function tfidfOpEnclose(a: TfidfOpArgs): { counts: number[][]; tf: Interval[][]; idf: (Interval | null)[]; raw: Interval[][]; w: Interval[][] } {
  const base = a.base === 'e' ? 'e' as const : 10 as const;
  const N = a.docs.length;
  const tfOf = a.tf === 'binary' ? () => iPoint(1) : (c: number, len: number) => tfEnclose(c, len, TF_OF[a.tf as Exclude<TfidfOpTf, 'binary'>], base);
  return tfidfParts(a.docs, a.vocab, tfOf, (df) => idfEnclose(N, df, IDF_OF[a.idf], base), a.norm !== 'none');
}

export interface Bm25OpArgs { docs: string[][]; query: string[]; k1: number; b: number; idf: Bm25Idf }

/** The exact parts of text.bm25: per query token and document the idf enclosure and exact tf factor (null when tf = 0), and the scores. */
export function bm25OpEnclose(a: Bm25OpArgs): { idf: (Interval | null)[]; factor: (Rational | null)[][]; scores: Interval[] } {
  const k1 = Rational.fromFloat64(a.k1), b = Rational.fromFloat64(a.b);
  const N = a.docs.length;
  const avgdl = Rational.of(a.docs.reduce((s, d) => s + d.length, 0), N);
  const idf = a.query.map((t) => { const df = a.docs.filter((d) => d.includes(t)).length; return df === 0 ? null : bm25IdfEnclose(N, df, a.idf); });
  const factor = a.query.map((t) => a.docs.map((d) => { const tf = d.filter((x) => x === t).length; return tf === 0 ? null : bm25TfFactor(tf, k1, b, d.length, avgdl); }));
  const scores = bm25Enclose(a.docs, a.query, { k1, b, idf: a.idf });
  return { idf, factor, scores };
}
