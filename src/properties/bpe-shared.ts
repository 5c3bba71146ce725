/** Shared inputs for the BPE claims: small corpora over tiny alphabets, so ties are frequent. */

import fc from 'fast-check';
import { bpeLearn, tieBreaks, type TieBreak } from '../oracles/text.js';

export interface CorpusCase { words: Record<string, number>; merges: number }

export const corpusArb: fc.Arbitrary<CorpusCase> = fc.record({
  words: fc.dictionary(fc.stringMatching(/^[abc]{1,6}$/), fc.integer({ min: 1, max: 9 }), { minKeys: 1, maxKeys: 6 }),
  merges: fc.integer({ min: 0, max: 10 }),
});

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
