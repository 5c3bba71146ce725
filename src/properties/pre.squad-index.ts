/**
 * pre.squad-index — "Hawaii" is at (start index = 5, end index = 5) (004:1836): the 0-based position of the
 * answer word in the passage. In BERT's input [CLS] q… [SEP] p… [SEP] (004:1840) — the positions the QA head
 * scores — passage token k sits at k + |q| + 2.
 * Seed 004_975819c312b074f9.txt, line 1836: "(start index = 5, end index = 5)"
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { squadInput } from '../oracles/pretraining.js';

const word = fc.constantFrom('a', 'b', 'c', 'x', 'y');
export const claim: ClaimModule = {
  id: 'pre.squad-index',
  properties: [
    {
      name: 'input-offset',
      kind: 'identity',
      description: 'Building [CLS] q [SEP] p [SEP] and locating passage token k gives input position k + |q| + 2; the question, the separators and the passage occupy disjoint ranges covering the input.',
      arbitrary: fc.tuple(fc.array(word, { minLength: 0, maxLength: 6 }), fc.array(word, { minLength: 1, maxLength: 8 })).chain(([q, p]) => fc.tuple(fc.constant(q), fc.constant(p), fc.integer({ min: 0, max: p.length - 1 }))),
      runs: 100,
      check: ([q, p, k]) => {
        const inp = squadInput(q, p);
        const pos = inp.passageOffset + k;
        if (inp.tokens.length !== q.length + p.length + 3) return { ok: false, detail: `input length ${inp.tokens.length}` };
        if (inp.tokens[pos] !== p[k]) return { ok: false, detail: `token at ${pos} is ${inp.tokens[pos]}, passage token ${k} is ${p[k]}` };
        return inp.tokens[0] === '[CLS]' && inp.tokens[q.length + 1] === '[SEP]' && inp.tokens[inp.tokens.length - 1] === '[SEP]' && pos === k + q.length + 2 ? { ok: true } : { ok: false, detail: 'layout' };
      },
    },
  ],
  audit: () => {
    const q = ['Where', 'was', 'Obama', 'born', '?'], p = ['Barack', 'Obama', 'was', 'born', 'in', 'Hawaii', '.'];
    const k = p.indexOf('Hawaii');
    const inp = squadInput(q, p);
    return [{
      id: 'pre.squad-index',
      verdict: 'convention-dependent',
      evidence: `"Hawaii" is passage word ${k} counting from 0 — the notes' 5 — but word ${k + 1} counting from 1, and in BERT's input ${inp.tokens.join(' ')} (004:1840; WordPiece keeps these words whole) it is position ${inp.passageOffset + k} (0-based; ${inp.passageOffset + k + 1} as T_{${inp.passageOffset + k + 1}} of 004:1844). ` +
        `The start/end targets the QA head is trained on (004:1882) are input positions (${inp.passageOffset + k}, ${inp.passageOffset + k}); (5, 5) is right only as 0-based passage-word indices, which the notes do not say.`,
    }];
  },
};
