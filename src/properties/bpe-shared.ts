/**
 * Shared inputs for the BPE claims (issue 10, item 2). Input classes, with the minimum shares
 * declared on text.bpe-train and text.bpe-encode (src/ops/text.ts), are measured through the content
 * classifiers here by test/power/text.bpe-*-generators.test.ts.
 *
 * Training corpora (`corpusArb`): small corpora over tiny alphabets (ties are frequent), corpora of
 * equal counts (ties everywhere), runs of one letter ("aaab": overlapping pairs, left-to-right
 * replacement), large weighted counts, long words (up to BPE_MAX_TRAIN_WORD letters); the end-of-word
 * marker '_', '' or '</w>'.
 *
 * Encoding cases (`encodeCaseArb`): merge lists learned from a corpus; arbitrary well-formed lists
 * (every operand an initial symbol or an earlier result, as in real merge files) with repeated
 * pairs and repeated result strings; fully arbitrary lists (operands that no merge creates, symbols
 * absent from the word); the empty list; words up to BPE_MAX_WORD letters.
 */

import fc from 'fast-check';
import { bpeLearn, bpeSegment, bpeSegmentAllAtOnce, bpeSegmentSequential, initialSymbols, tieBreaks, type TieBreak } from '../oracles/text.js';

export interface CorpusCase { words: Record<string, number>; merges: number; endOfWord?: string; byteLevel?: boolean }
export interface EncodeCase { words: string[]; merges: [string, string][]; endOfWord: string; byteLevel?: boolean }

export const BPE_MAX_TRAIN_WORD = 24;
export const BPE_MAX_WORD = 64;

/** Characters for byte-level cases: ASCII, é (2 bytes), € (3), 😀 (4, astral), space, tab, NBSP (U+00A0 ↦ 'ł'). */
export const BYTE_LEVEL_UNIT = fc.constantFrom('a', 'b', 'é', '€', '😀', ' ', '\t', '\u00a0');

const marker = fc.oneof({ weight: 7, arbitrary: fc.constant('_') }, { weight: 3, arbitrary: fc.constantFrom('', '</w>') });
const dict = (word: fc.Arbitrary<string>, count: fc.Arbitrary<number>, maxKeys: number) => fc.dictionary(word, count, { minKeys: 1, maxKeys });
/** Words made of runs of one letter (aaab, abbbb, …). */
const runs = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 3 })
  .map((rs) => rs.map(([c, n]) => c.repeat(n)).join(''));

export const corpusArb: fc.Arbitrary<CorpusCase> = fc.oneof(
  { weight: 35, arbitrary: fc.record({ words: dict(fc.stringMatching(/^[abc]{1,6}$/), fc.integer({ min: 1, max: 9 }), 6), merges: fc.integer({ min: 0, max: 10 }), endOfWord: marker }) },
  { weight: 20, arbitrary: fc.record({ words: fc.tuple(dict(fc.stringMatching(/^[ab]{1,6}$/), fc.constant(1), 8), fc.constantFrom(1, 1, 2, 3)).map(([w, c]) => Object.fromEntries(Object.keys(w).map((k) => [k, c]))), merges: fc.integer({ min: 0, max: 20 }), endOfWord: marker }) },
  { weight: 20, arbitrary: fc.record({ words: dict(runs, fc.integer({ min: 1, max: 9 }), 5), merges: fc.integer({ min: 0, max: 12 }), endOfWord: marker }) },
  { weight: 10, arbitrary: fc.record({ words: dict(fc.stringMatching(/^[abc]{1,6}$/), fc.integer({ min: 1, max: 1000 }), 6), merges: fc.integer({ min: 0, max: 10 }), endOfWord: marker }) },
  { weight: 15, arbitrary: fc.record({ words: dict(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 8, maxLength: BPE_MAX_TRAIN_WORD }), fc.integer({ min: 1, max: 9 }), 4), merges: fc.integer({ min: 0, max: 40 }), endOfWord: marker }) },
  // byte-level: multi-byte characters (2, 3 and 4 UTF-8 bytes), spaces (byte 32 ↦ 'Ġ'), a control byte; marker '' or '_'
  { weight: 18, arbitrary: fc.record({ words: dict(fc.string({ unit: BYTE_LEVEL_UNIT, minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 9 }), 5), merges: fc.integer({ min: 0, max: 24 }), endOfWord: fc.constantFrom('', '', '_'), byteLevel: fc.constant(true) }) },
);

/** The documented classes of a training corpus (content classifier). */
export function corpusClasses(c: CorpusCase): string[] {
  const out: string[] = [];
  const eow = c.endOfWord ?? '_';
  const ws = Object.keys(c.words);
  const counts = Object.values(c.words);
  const bl = c.byteLevel ?? false;
  const r = bpeLearn(c.words, c.merges, { endOfWord: eow, tieBreak: tieBreaks.firstOccurrence, byteLevel: bl });
  if (r.steps.some((s) => s.tiedWith.length > 0)) out.push('ties');
  if (bl && ws.some((w) => /[^\x21-\x7e]/u.test(w))) out.push('byte-level');
  const hf = bpeLearn(c.words, c.merges, { endOfWord: eow, tieBreak: tieBreaks.hfSmallestId, byteLevel: bl }).merges;
  const lex = bpeLearn(c.words, c.merges, { endOfWord: eow, tieBreak: tieBreaks.lexicographic, byteLevel: bl }).merges;
  if (JSON.stringify(hf) !== JSON.stringify(lex)) out.push('hf-order-differs');
  const spm = bpeLearn(c.words, c.merges, { endOfWord: eow, tieBreak: tieBreaks.sentencepiece, byteLevel: bl }).merges;
  if (JSON.stringify(spm) !== JSON.stringify(lex)) out.push('spm-order-differs');
  if (ws.some((w) => /(.)\1\1/.test(w))) out.push('repeated-letters');
  if (Math.max(...counts) >= 2 * Math.min(...counts)) out.push('weighted');
  if (ws.some((w) => w.length >= 12)) out.push('long-words');
  if (r.merges.length < c.merges) out.push('early-stop');
  if (r.steps.some((s) => s.count === 1)) out.push('count-one-merge');
  if (eow === '') out.push('marker-none');
  if (eow.length > 1) out.push('marker-multi');
  return out;
}

/** A merge list in which every operand is an initial symbol or an earlier result; some pairs repeated. */
function wellFormedMerges(alphabet: string[], eow: string): fc.Arbitrary<[string, string][]> {
  return fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 99 })), { minLength: 1, maxLength: 24 }).map((picks) => {
    const inv = [...alphabet, ...(eow ? [eow] : [])];
    const merges: [string, string][] = [];
    for (const [i, j, k] of picks) {
      if (k < 20 && merges.length > 0) merges.push([...merges[(i + j) % merges.length]!]); // a repeated pair
      else {
        const m: [string, string] = [inv[i % inv.length]!, inv[j % inv.length]!];
        merges.push(m);
        if (!inv.includes(m[0] + m[1])) inv.push(m[0] + m[1]);
      }
    }
    return merges;
  });
}

const letters = (alpha: string) => fc.string({ unit: fc.constantFrom(...alpha), minLength: 0, maxLength: 3 }).filter((s) => s.length > 0);

/** Three distinct letters x, y, z and a few filler merges (well-formed over {a, b, c}). */
const xyz = fc.shuffledSubarray(['a', 'b', 'c'], { minLength: 3, maxLength: 3 });
const filler = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('a', 'b', 'c')), { maxLength: 3 });
const wordsWith = (core: (l: string[]) => string) => (l: string[]) =>
  fc.array(fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 4 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 4 })), { minLength: 1, maxLength: 3 })
    .map((ps) => ps.map(([u, v]) => u + core(l) + v));

/**
 * Targeted lists: a repeated pair whose rank matters — [(x, y), …, (y, z), …, (x, y)] on words
 * holding "xyz" (first rank: [xy, z]; last rank: [x, yz]); a forward reference —
 * [(x, yz), …, (y, z)] on "xyz" (by rank: [xyz]; one pass per merge in list order: [x, yz]);
 * an overlap — [(xy, x), (x, y)] on "xyxy" (one at a time: [xyx, y]; all at once: [xy, xy]).
 */
const targeted: fc.Arbitrary<{ words: string[]; merges: [string, string][] }> = fc.oneof(
  xyz.chain(([x, y, z]) => fc.tuple(filler, filler, wordsWith((l) => l.join(''))([x!, y!, z!])).map(([f1, f2, words]) => ({ words, merges: [[x!, y!], ...f1, [y!, z!], ...f2, [x!, y!]] as [string, string][] }))),
  xyz.chain(([x, y, z]) => fc.tuple(filler, wordsWith((l) => l.join(''))([x!, y!, z!])).map(([f1, words]) => ({ words, merges: [[x!, y! + z!], ...f1, [y!, z!]] as [string, string][] }))),
  xyz.chain(([x, y]) => fc.tuple(filler, wordsWith((l) => l.join('').repeat(2))([x!, y!])).map(([f1, words]) => ({ words, merges: [[x! + y!, x!], [x!, y!], ...f1] as [string, string][] }))),
);

export const encodeCaseArb: fc.Arbitrary<EncodeCase> = fc.record({
  kind: fc.oneof(
    { weight: 15, arbitrary: fc.constant('learned') }, { weight: 30, arbitrary: fc.constant('well-formed') }, { weight: 25, arbitrary: fc.constant('arbitrary') },
    { weight: 25, arbitrary: fc.constant('targeted') }, { weight: 5, arbitrary: fc.constant('empty') },
    { weight: 15, arbitrary: fc.constant('byte-level') },
  ),
  blCorpus: dict(fc.string({ unit: BYTE_LEVEL_UNIT, minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 9 }), 5),
  blWords: fc.array(fc.string({ unit: BYTE_LEVEL_UNIT, minLength: 0, maxLength: 10 }), { minLength: 1, maxLength: 3 }),
  blMerges: fc.integer({ min: 0, max: 30 }),
  blMarker: fc.constantFrom('', '', '_'),
  endOfWord: marker,
  corpus: corpusArb,
  words: fc.array(fc.oneof({ weight: 4, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 0, maxLength: 12 }) }, { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 32, maxLength: BPE_MAX_WORD }) }), { minLength: 1, maxLength: 4 }),
  wf: wellFormedMerges(['a', 'b', 'c'], '_'),
  wfNone: wellFormedMerges(['a', 'b', 'c'], ''),
  arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: fc.tuple(letters('abc'), letters('abc')) }, { weight: 1, arbitrary: fc.tuple(letters('abc'), fc.constantFrom('_', '</w>', 'a_', 'c</w>')) }), { minLength: 1, maxLength: 16 })
    .chain((ms) => fc.array(fc.nat(), { maxLength: 4 }).map((dups) => { const out = ms.map((m) => [...m] as [string, string]); for (const d of dups) out.splice(d % (out.length + 1), 0, [...out[d % out.length]!]); return out; })),
  targeted,
}).map(({ kind, endOfWord, corpus, words, wf, wfNone, arbitrary, targeted, blCorpus, blWords, blMerges, blMarker }) => {
  if (kind === 'byte-level') {
    // merges learned on a byte-level corpus (HF's rule), applied to its words and to new ones
    const merges = bpeLearn(blCorpus, blMerges, { endOfWord: blMarker, tieBreak: tieBreaks.hfSmallestId, byteLevel: true }).merges;
    return { words: [...Object.keys(blCorpus), ...blWords], merges, endOfWord: blMarker, byteLevel: true };
  }
  if (kind === 'learned') {
    const eow = corpus.endOfWord ?? '_';
    const merges = bpeLearn(corpus.words, corpus.merges, { endOfWord: eow, tieBreak: tieBreaks.lexicographic }).merges;
    return { words: [...Object.keys(corpus.words), ...words], merges, endOfWord: eow };
  }
  if (kind === 'empty') return { words, merges: [], endOfWord };
  if (kind === 'targeted') return { words: [...targeted.words, ...words.slice(0, 1)], merges: targeted.merges, endOfWord };
  if (kind === 'well-formed') {
    // the marker of the list: '_' lists for '_' (or '</w>', renamed), '' lists for ''
    if (endOfWord === '') return { words, merges: wfNone, endOfWord };
    return { words, merges: wf.map(([a, b]) => [a.split('_').join(endOfWord), b.split('_').join(endOfWord)] as [string, string]), endOfWord };
  }
  return { words, merges: arbitrary, endOfWord };
});

const key = (a: string, b: string) => `${a.length}:${a}${b}`;

/** The segmentation when a repeated pair keeps its LAST rank (the dictionary-overwrite convention). */
function segmentLastRank(word: string, merges: readonly (readonly [string, string])[], eow: string): string[] {
  const seen = new Set<string>();
  const dedup: [string, string][] = [];
  for (let i = merges.length - 1; i >= 0; i--) {
    const k = key(merges[i]![0], merges[i]![1]);
    if (!seen.has(k)) { seen.add(k); dedup.push([merges[i]![0], merges[i]![1]]); }
  }
  return bpeSegment(word, dedup.reverse(), { endOfWord: eow });
}

/** The documented classes of an encoding case (content classifier). */
export function encodeClasses(c: EncodeCase): string[] {
  const out: string[] = [];
  if (c.byteLevel) {
    // the other classes describe code-point merge lists
    if (c.words.some((w) => /[^\x21-\x7e]/u.test(w))) out.push('byte-level');
    if (c.endOfWord === '') out.push('marker-none');
    return out;
  }
  const keys = c.merges.map(([a, b]) => key(a, b));
  if (new Set(keys).size < keys.length) out.push('repeated-pair');
  if (c.merges.length === 0) out.push('empty-merges');
  if (c.words.some((w) => Array.from(w).length >= 32)) out.push('long-word');
  const inv = new Set(c.words.flatMap((w) => initialSymbols(w, c.endOfWord)));
  let wellFormed = true;
  for (const [a, b] of c.merges) { if (!inv.has(a) || !inv.has(b)) wellFormed = false; inv.add(a + b); }
  out.push(wellFormed ? 'well-formed' : 'absent-symbols');
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  const segs = c.words.map((w) => bpeSegment(w, c.merges, { endOfWord: c.endOfWord }));
  if (c.words.some((w, i) => !same(segmentLastRank(w, c.merges, c.endOfWord), segs[i]!))) out.push('repeat-rank-matters');
  if (c.words.some((w, i) => !same(bpeSegmentSequential(w, c.merges, { endOfWord: c.endOfWord }), segs[i]!))) out.push('sequential-differs');
  if (c.words.some((w, i) => !same(bpeSegmentAllAtOnce(w, c.merges, { endOfWord: c.endOfWord }), segs[i]!))) out.push('algorithms-differ');
  if (c.endOfWord.length > 1) out.push('marker-multi');
  if (c.endOfWord === '') out.push('marker-none');
  return out;
}

/** The notes' corpus (004:104) and merge table (004:111–120). */
export const NOTES_CORPUS = { words: [{ word: 'low', count: 5 }, { word: 'lower', count: 2 }, { word: 'newest', count: 6 }, { word: 'widest', count: 3 }] };
export const NOTES_MERGES: [string, string][] = [['e', 's'], ['es', 't'], ['est', '_'], ['l', 'o'], ['lo', 'w'], ['n', 'e']];

/** Every merge sequence of length k obtainable by some tie-break choice (exhaustive, small k). */
export function allTieBreakOutcomes(corpus: typeof NOTES_CORPUS, k: number): [string, string][][] {
  const out: [string, string][][] = [];
  const choices: number[] = [];
  for (;;) {
    const radix: number[] = [];
    let step = 0;
    const rule: TieBreak = (c) => {
      radix[step] = c.length;
      const pick = choices[step] ?? 0;
      step++;
      return pick;
    };
    out.push(bpeLearn(corpus, k, { endOfWord: '_', tieBreak: rule }).merges);
    // advance the mixed-radix counter (the radix of later steps depends on earlier choices)
    let i = radix.length - 1;
    while (i >= 0 && (choices[i] ?? 0) + 1 >= radix[i]!) i--;
    if (i < 0) return out;
    choices.length = i + 1;
    choices[i] = (choices[i] ?? 0) + 1;
  }
}

export { tieBreaks };
