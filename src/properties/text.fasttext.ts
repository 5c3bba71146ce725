/**
 * text.fasttext — a word is represented by its character n-grams (3 to 6) of "<word>", plus the word.
 * Seed 004_975819c312b074f9.txt, lines 565–568 ("playing"), 605–622, 643, 656–664 ("India").
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { charNgrams } from '../oracles/text.js';

const byLen = (w: string, n: number) => charNgrams(w, n, n);

export const claim: ClaimModule = {
  id: 'text.fasttext',
  properties: [
    {
      name: 'ngram-count',
      kind: 'identity',
      description: 'A word of L code points has Σ_{n=minn}^{maxn} max(0, L + 3 − n) n-grams of "<word>" (duplicates kept), each a substring of "<word>" of length n, with "<" only at the start and ">" only at the end.',
      arbitrary: fc.record({ w: fc.array(fc.constantFrom('a', 'b', 'é', '😀', 'z'), { minLength: 1, maxLength: 12 }).map((a) => a.join('')), minn: fc.integer({ min: 2, max: 4 }), span: fc.integer({ min: 0, max: 3 }) }),
      runs: 150,
      check: ({ w, minn, span }: { w: string; minn: number; span: number }) => {
        const maxn = minn + span;
        const L = Array.from(w).length;
        const g = charNgrams(w, minn, maxn);
        let want = 0;
        for (let n = minn; n <= maxn; n++) want += Math.max(0, L + 3 - n);
        if (g.length !== want) return { ok: false, detail: `${g.length} n-grams of "${w}", expected ${want}` };
        const full = `<${w}>`;
        for (const x of g) {
          const n = Array.from(x).length;
          if (n < minn || n > maxn || !full.includes(x)) return { ok: false, detail: `bad n-gram "${x}"` };
          if (x.slice(1).includes('<') || x.slice(0, -1).includes('>')) return { ok: false, detail: `marker inside "${x}"` };
        }
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const tri = byLen('playing', 3), four = byLen('playing', 4);
    const notesTri = ['<pl', 'pla', 'lay', 'ayi', 'yin', 'ing', 'ng>'];
    const notesFour = ['play', 'layi', 'ying'];
    const missing = four.filter((x) => !notesFour.includes(x));
    const all = charNgrams('playing', 3, 6);
    const india = byLen('India', 3);
    const shared = ['pla', 'play', 'lay'].every((x) => ['play', 'playing', 'played', 'player'].every((w) => charNgrams(w, 3, 6).includes(x)));
    const oov = ['play', 'lay', 'ful', 'ness'].every((x) => charNgrams('playfulness', 3, 6).includes(x));
    return [
      {
        id: 'text.fasttext',
        verdict: JSON.stringify(tri) === JSON.stringify(notesTri) && missing.length > 0 ? 'refuted' : 'confirmed',
        evidence: `"<playing>": the 3-grams are [${tri.join(', ')}] (as listed), but the 4-grams are [${four.join(', ')}] — the notes' "play, layi, ying (4-grams)" omits ${missing.join(', ')}; ` +
          `with n = 3 to 6 fastText produces ${all.length} n-grams (${[3, 4, 5, 6].map((n) => byLen('playing', n).length).join(' + ')}) plus the word itself.`,
      },
      {
        id: 'text.fasttext#india',
        verdict: JSON.stringify(india) === JSON.stringify(['<In', 'Ind', 'ndi', 'dia', 'ia>']) ? 'confirmed' : 'refuted',
        evidence: `The 3-grams of "<India>" are [${india.join(', ')}], as listed (004:658–662).`,
      },
      {
        id: 'text.fasttext#shared',
        verdict: shared && oov ? 'confirmed' : 'refuted',
        evidence: `play, playing, played, player all contain the n-grams pla, play, lay (004:603–607): ${shared}; "playfulness" contains play, lay, ful, ness (004:617–622): ${oov}.`,
      },
      {
        id: 'text.fasttext#sum',
        verdict: 'confirmed',
        evidence: 'v(word) = Σ embeddings of its n-grams + embedding(word) (004:643) is fastText\'s word representation (the word itself is one more feature, 004:570).',
      },
    ];
  },
};
