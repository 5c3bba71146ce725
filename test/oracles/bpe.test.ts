import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bpeLearn, bpeSegment, bpeSegmentSequential, checkMergeSequence, initialSymbols, normaliseCorpus, tieBreaks, type BpeCorpus, type TieBreak } from '../../src/oracles/text.js';

/** The notes' example corpus (seeds/004 "Example Corpus : (low: 5), (lower: 2), (newest: 6), (widest: 3)"). */
const NOTES_CORPUS: BpeCorpus = {
  words: [
    { word: 'low', count: 5 },
    { word: 'lower', count: 2 },
    { word: 'newest', count: 6 },
    { word: 'widest', count: 3 },
  ],
};
/** The notes' table: e+s (9), es+t (9), est+_ (9), l+o (7), lo+w (7), n+e (6). */
const NOTES_MERGES: [string, string][] = [['e', 's'], ['es', 't'], ['est', '_'], ['l', 'o'], ['lo', 'w'], ['n', 'e']];
const NOTES_COUNTS = [9, 9, 9, 7, 7, 6];

const corpusArb = (letters: string[], maxWords = 6, maxLen = 7) =>
  fc
    .array(
      fc.record({
        word: fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: maxLen }),
        count: fc.integer({ min: 1, max: 5 }),
      }),
      { minLength: 1, maxLength: maxWords },
    )
    .map((words) => ({ words }) as BpeCorpus);

const RULES = Object.entries(tieBreaks) as [string, TieBreak][];

describe('notes worked example (seeds/004 "Byte-Pair Encoding (BPE)")', () => {
  test('the formatted corpus matches the notes: "(l o w _: 5), (l o w e r _: 2), …"', () => {
    expect(NOTES_CORPUS.words.map((w) => initialSymbols(w.word).join(' '))).toEqual([
      'l o w _',
      'l o w e r _',
      'n e w e s t _',
      'w i d e s t _',
    ]);
  });

  test("the notes' merge table is a valid max-count sequence, with the notes' counts", () => {
    expect(checkMergeSequence(NOTES_CORPUS, NOTES_MERGES)).toEqual({ ok: true });
    const r = bpeLearn(NOTES_CORPUS, 6); // defaults: '_' marker, first-occurrence ties
    expect(r.merges).toEqual(NOTES_MERGES);
    expect(r.steps.map((s) => s.count)).toEqual(NOTES_COUNTS);
    // "e and s appear 6 + 3 = 9 times"
    expect(r.steps[0]!.count).toBe(6 + 3);
  });

  test('steps 1, 2, 4 and 6 are ties the notes do not mention; 3 and 5 are not', () => {
    const r = bpeLearn(NOTES_CORPUS, 6);
    expect(r.steps.map((s) => s.tiedWith)).toEqual([
      [['s', 't'], ['t', '_']],
      [['t', '_']],
      [],
      [['o', 'w']],
      [],
      [['e', 'w'], ['w', 'est_']],
    ]);
  });

  test("only first-occurrence reproduces the notes' order; lexicographic departs at step 6, HF ids at step 2", () => {
    const lex = bpeLearn(NOTES_CORPUS, 6, { tieBreak: tieBreaks.lexicographic }).merges;
    expect(lex.slice(0, 5)).toEqual(NOTES_MERGES.slice(0, 5));
    expect(lex[5]).toEqual(['e', 'w']);
    const hf = bpeLearn(NOTES_CORPUS, 6, { tieBreak: tieBreaks.hfSmallestId }).merges;
    expect(hf[0]).toEqual(['e', 's']);
    expect(hf[1]).toEqual(['t', '_']); // ids: _=0 d=1 e=2 i=3 l=4 n=5 o=6 r=7 s=8 t=9 w=10 es=11: (9,0) < (11,9)
    // every rule's result is a valid max-count sequence
    for (const [, tb] of RULES) expect(checkMergeSequence(NOTES_CORPUS, bpeLearn(NOTES_CORPUS, 12, { tieBreak: tb }).merges)).toEqual({ ok: true });
  });

  test('segmentation of "lowest" is ["low", "est_"] (notes: "The final tokenization … ["low", "est_"]")', () => {
    expect(bpeSegment('lowest', NOTES_MERGES)).toEqual(['low', 'est_']);
    expect(bpeSegmentSequential('lowest', NOTES_MERGES)).toEqual(['low', 'est_']);
    // the same under every tie-break rule, after 6 merges and after all merges
    for (const [, tb] of RULES) {
      const m = bpeLearn(NOTES_CORPUS, 100, { tieBreak: tb }).merges;
      expect(bpeSegment('lowest', m.slice(0, 6))).toEqual(['low', 'est_']);
      expect(bpeSegment('lowest', m)).toEqual(['low', 'est_']);
    }
    // "FLIBBER" degrades to characters (plus the marker)
    expect(bpeSegment('FLIBBER', NOTES_MERGES)).toEqual(['F', 'L', 'I', 'B', 'B', 'E', 'R', '_']);
  });

  test('learning runs to completion: every word becomes one symbol, then it stops', () => {
    const r = bpeLearn(NOTES_CORPUS, 1000);
    expect(r.segmentation).toEqual([['low_'], ['lower_'], ['newest_'], ['widest_']]);
    expect(r.merges.length).toBeLessThan(1000);
  });
});

describe('checkMergeSequence', () => {
  test('rejects a merge with a non-maximal count, and a pair that does not occur', () => {
    const bad: [string, string][] = [['l', 'o'], ...NOTES_MERGES];
    expect(checkMergeSequence(NOTES_CORPUS, bad)).toMatchObject({ ok: false, step: 0, maxCount: 9, chosenCount: 7 });
    expect(checkMergeSequence(NOTES_CORPUS, [['e', 's'], ['x', 'y']])).toMatchObject({ ok: false, step: 1, chosenCount: 0 });
    // (s, t) loses its occurrences once e+s is merged
    expect(checkMergeSequence(NOTES_CORPUS, [['e', 's'], ['s', 't']])).toMatchObject({ ok: false, step: 1, chosenCount: 0 });
  });

  test('minCount: merges below it are rejected and the learner stops there', () => {
    const r = bpeLearn(NOTES_CORPUS, 100, { minCount: 3 });
    expect(r.steps.every((s) => s.count >= 3)).toBe(true);
    expect(checkMergeSequence(NOTES_CORPUS, r.merges, { minCount: 3 })).toEqual({ ok: true });
    const all = bpeLearn(NOTES_CORPUS, 100).merges;
    expect(checkMergeSequence(NOTES_CORPUS, all, { minCount: 3 })).toMatchObject({ ok: false });
  });

  test('every tie-break rule yields an accepted sequence on random corpora', () => {
    fc.assert(
      fc.property(corpusArb(['a', 'b', 'c']), fc.integer({ min: 0, max: 20 }), fc.constantFrom(...RULES), fc.constantFrom('_', ''), (corpus, k, [, tb], eow) => {
        const r = bpeLearn(corpus, k, { tieBreak: tb, endOfWord: eow });
        expect(checkMergeSequence(corpus, r.merges, { endOfWord: eow })).toEqual({ ok: true });
        for (const s of r.steps) for (const p of s.tiedWith) expect(p).not.toEqual(s.pair);
      }),
      { seed: 101, numRuns: 300 },
    );
  });

  /** A learner that ignores word counts (counts every word once). */
  const unweighted = (c: BpeCorpus, k: number, eow: string) =>
    bpeLearn({ words: c.words.map((w) => ({ word: w.word, count: 1 })) }, k, { endOfWord: eow }).merges;

  /** A learner that takes a pair of the second-largest distinct count when there is one. */
  const secondBest = (c: BpeCorpus, k: number, eow: string): [string, string][] => {
    let words = c.words.map((w) => ({ s: initialSymbols(w.word, eow), n: w.count }));
    const merges: [string, string][] = [];
    for (let step = 0; step < k; step++) {
      const counts = new Map<string, { p: [string, string]; n: number }>();
      for (const w of words) {
        for (let i = 0; i + 1 < w.s.length; i++) {
          const key = JSON.stringify([w.s[i], w.s[i + 1]]);
          const e = counts.get(key) ?? { p: [w.s[i]!, w.s[i + 1]!], n: 0 };
          e.n += w.n;
          counts.set(key, e);
        }
      }
      if (counts.size === 0) break;
      const distinct = [...new Set([...counts.values()].map((e) => e.n))].sort((x, y) => y - x);
      const target = distinct[1] ?? distinct[0]!;
      const pick = [...counts.values()].find((e) => e.n === target)!;
      merges.push(pick.p);
      words = words.map((w) => {
        const o: string[] = [];
        for (let i = 0; i < w.s.length; i++) {
          if (i + 1 < w.s.length && w.s[i] === pick.p[0] && w.s[i + 1] === pick.p[1]) {
            o.push(pick.p[0] + pick.p[1]);
            i++;
          } else o.push(w.s[i]!);
        }
        return { s: o, n: w.n };
      });
    }
    return merges;
  };

  test.each([
    ['unweighted counts', unweighted],
    ['second-best pair', secondBest],
  ])('has power: a deliberately wrong learner (%s) is rejected on some corpus', (_name, wrong) => {
    const res = fc.check(
      fc.property(corpusArb(['a', 'b', 'c']), fc.integer({ min: 1, max: 10 }), (corpus, k) =>
        checkMergeSequence(corpus, wrong(corpus, k, '_'), { endOfWord: '_' }).ok),
      { seed: 7, numRuns: 500 },
    );
    expect(res.failed).toBe(true);
    // and it is rejected on the notes' corpus itself
    expect(checkMergeSequence(NOTES_CORPUS, wrong(NOTES_CORPUS, 6, '_')).ok).toBe(false);
  });
});

describe('segmenter', () => {
  test('segmenting the training words with all merges gives the learner’s own segmentation', () => {
    fc.assert(
      fc.property(corpusArb(['a', 'b', 'c', 'd'], 6, 9), fc.integer({ min: 0, max: 40 }), fc.constantFrom(...RULES), fc.constantFrom('_', '', '</w>'), (corpus, k, [, tb], eow) => {
        const r = bpeLearn(corpus, k, { tieBreak: tb, endOfWord: eow });
        corpus.words.forEach((w, i) => {
          expect(bpeSegment(w.word, r.merges, { endOfWord: eow })).toEqual(r.segmentation[i]);
          expect(bpeSegmentSequential(w.word, r.merges, { endOfWord: eow })).toEqual(r.segmentation[i]);
        });
      }),
      { seed: 202, numRuns: 300 },
    );
  });

  test('rank order ≠ learned order for an arbitrary merge list whose result repeats an existing string', () => {
    const merges: [string, string][] = [['x', 'ab'], ['a', 'b']];
    expect(bpeSegment('xab', merges, { endOfWord: '' })).toEqual(['xab']);
    expect(bpeSegmentSequential('xab', merges, { endOfWord: '' })).toEqual(['x', 'ab']);
  });

  test('… and for a LEARNED list when a merge can spell the end-of-word marker', () => {
    const corpus: BpeCorpus = { words: [{ word: 'abaab', count: 1 }, { word: 'a', count: 3 }] };
    const r = bpeLearn(corpus, 10, { endOfWord: 'ab' });
    expect(r.merges).toEqual([['a', 'ab'], ['a', 'b'], ['ab', 'a'], ['aba', 'ab'], ['abaab', 'ab']]);
    expect(checkMergeSequence(corpus, r.merges, { endOfWord: 'ab' })).toEqual({ ok: true });
    expect(r.segmentation[0]).toEqual(['abaabab']);
    expect(bpeSegmentSequential('abaab', r.merges, { endOfWord: 'ab' })).toEqual(['abaabab']);
    expect(bpeSegment('abaab', r.merges, { endOfWord: 'ab' })).toEqual(['ab', 'aab', 'ab']);
  });

  test('rank order = learned order on unseen words when results are new strings', () => {
    fc.assert(
      fc.property(
        corpusArb(['a', 'b', 'c'], 5, 8),
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 10 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...RULES),
        (corpus, probes, [, tb]) => {
          const m = bpeLearn(corpus, 30, { tieBreak: tb }).merges;
          const outs = m.map(([a, b]) => a + b);
          fc.pre(new Set(outs).size === outs.length);
          for (const w of probes) expect(bpeSegment(w, m)).toEqual(bpeSegmentSequential(w, m));
        },
      ),
      { seed: 303, numRuns: 300 },
    );
  });
});

describe('corpus forms', () => {
  test('Record form equals the array form in property order; bad counts are rejected', () => {
    const rec = { low: 5, lower: 2, newest: 6, widest: 3 };
    expect(normaliseCorpus(rec)).toEqual(NOTES_CORPUS.words);
    expect(bpeLearn(rec, 6).merges).toEqual(NOTES_MERGES);
    expect(() => bpeLearn({ a: 0 }, 1)).toThrow(RangeError);
    expect(() => bpeLearn({ a: 1.5 }, 1)).toThrow(RangeError);
  });

  test('empty words and code points: an astral character is one symbol', () => {
    expect(initialSymbols('', '_')).toEqual(['_']);
    expect(initialSymbols('', '')).toEqual([]);
    expect(initialSymbols('a😀', '')).toEqual(['a', '😀']);
    expect(bpeLearn({ words: [{ word: '', count: 3 }] }, 5, { endOfWord: '' }).merges).toEqual([]);
  });
});
