/**
 * text.bow — bag of words: each document becomes the vector of its vocabulary-word counts.
 * Seed 004_975819c312b074f9.txt, lines 278–281 (the D1/D2 table).
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { bagOfWords } from '../oracles/text.js';

const D1 = 'welcome great learning now start learning'.split(' ');
const D2 = 'learning good practice'.split(' ');
const VOCAB = ['welcome', 'great', 'learning', 'now', 'start', 'good', 'practice'];

export const claim: ClaimModule = {
  id: 'text.bow',
  properties: [
    {
      name: 'order-free-counts',
      kind: 'identity',
      description: 'The bag-of-words vector is invariant under any permutation of a document, its entries sum to the document length when the vocabulary covers it, and concatenating two documents adds their vectors.',
      arbitrary: fc.record({ a: fc.array(fc.constantFrom('x', 'y', 'z', 'w'), { maxLength: 10 }), b: fc.array(fc.constantFrom('x', 'y', 'z', 'w'), { maxLength: 10 }), seed: fc.integer() }),
      runs: 150,
      check: ({ a, b, seed }) => {
        const V = ['w', 'x', 'y', 'z'];
        const perm = [...a].sort((p, q) => ((p.charCodeAt(0) * 31 + seed) % 7) - ((q.charCodeAt(0) * 31 + seed) % 7));
        const [va, vp, vb, vab] = bagOfWords([a, perm, b, [...a, ...b]], V);
        if (va!.join() !== vp!.join()) return { ok: false, detail: 'order changed the vector' };
        if (va!.reduce((s, x) => s + x, 0) !== a.length) return { ok: false, detail: 'counts do not sum to the length' };
        if (vab!.join() !== va!.map((x, i) => x + vb![i]!).join()) return { ok: false, detail: 'not additive' };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const [r1, r2] = bagOfWords([D1, D2], VOCAB);
    const ok = r1!.join(' ') === '1 1 2 1 1 0 0' && r2!.join(' ') === '0 0 1 0 0 1 1';
    const vocab = [...new Set([...D1, ...D2])];
    return [
      {
        id: 'text.bow',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `Preprocessed D1 = "${D1.join(' ')}", D2 = "${D2.join(' ')}" over (${VOCAB.join(', ')}): D1 → (${r1!.join(', ')}), D2 → (${r2!.join(', ')})${ok ? ', the notes\' table' : ''}. ` +
          'Which words the preprocessing drops is a stop-word-list convention: NLTK\'s English list also contains "now", which the notes keep.',
      },
      {
        id: 'text.bow#vocabulary',
        verdict: vocab.length === 7 ? 'confirmed' : 'refuted',
        evidence: `The preprocessed corpus has ${vocab.length} distinct words (${vocab.join(', ')}), so the vectors are ${vocab.length}-dimensional.`,
      },
    ];
  },
};
