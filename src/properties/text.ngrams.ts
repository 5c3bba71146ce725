/**
 * text.ngrams — the n-grams of a text are its L − n + 1 contiguous windows of n tokens.
 * Seed 004_975819c312b074f9.txt, line 153: ["the black", "black cat", "cat sat", "sat on", "on the", "the mat"]
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { ngrams } from '../oracles/text.js';

const SENT = 'the black cat sat on the mat'.split(' ');
const NOTES: Record<number, string[]> = {
  1: ['the', 'black', 'cat', 'sat', 'on', 'the', 'mat'],
  2: ['the black', 'black cat', 'cat sat', 'sat on', 'on the', 'the mat'],
  3: ['the black cat', 'black cat sat', 'cat sat on', 'sat on the', 'on the mat'],
};

export const claim: ClaimModule = {
  id: 'text.ngrams',
  properties: [
    {
      name: 'count-and-overlap',
      kind: 'identity',
      description: 'A list of L tokens has max(0, L − n + 1) n-grams; the i-th n-gram is tokens i..i+n−1, and dropping the last token of each (n+1)-gram gives the first L − n n-grams.',
      arbitrary: fc.record({ toks: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 12 }), n: fc.integer({ min: 1, max: 6 }) }),
      runs: 200,
      check: ({ toks, n }) => {
        const g = ngrams(toks, n), g1 = ngrams(toks, n + 1);
        if (g.length !== Math.max(0, toks.length - n + 1)) return { ok: false, detail: `${g.length} ${n}-grams of ${toks.length} tokens` };
        if (g.some((x, i) => x.join(' ') !== toks.slice(i, i + n).join(' '))) return { ok: false, detail: 'an n-gram is not a contiguous window' };
        if (g1.some((x, i) => x.slice(0, n).join(' ') !== g[i]!.join(' '))) return { ok: false, detail: '(n+1)-gram prefixes differ from the n-grams' };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const got = [1, 2, 3].map((n) => ngrams(SENT, n).map((x) => x.join(' ')));
    const same = [1, 2, 3].every((n) => JSON.stringify(got[n - 1]) === JSON.stringify(NOTES[n]));
    return [{
      id: 'text.ngrams',
      verdict: same ? 'confirmed' : 'refuted',
      evidence: `"the black cat sat on the mat" (7 tokens) has ${got.map((g) => g.length).join(', ')} uni-, bi- and trigrams (7 − n + 1): ` +
        `bigrams [${got[1]!.join(', ')}], trigrams [${got[2]!.join(', ')}] — ${same ? 'exactly the notes\' lists (the repeated "the" is listed twice as a unigram, correctly)' : 'NOT the notes\' lists'}.`,
    }];
  },
};
