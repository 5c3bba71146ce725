/**
 * seq.subword-labels — word-level NER labels on WordPiece tokens: the first subword of each word carries
 * the word's label, later subwords (and special tokens) get −100, and a loss with ignore_index = −100
 * skips them (004:1812–1821); the token-level mean loss then equals the word-level mean loss of the
 * first-subword predictions. 003:692 labels every subword instead (another convention).
 * Seed 004_975819c312b074f9.txt, line 1821: "If a token is marked with label -100, loss is skipped for that position."
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { firstSubwordLabels, allSubwordLabels, maskedMeanLoss } from '../oracles/sequence.js';

interface Input { pieces: number[]; labels: number[]; losses: Rational[][]; cls: boolean }
const L = 3;
const inputArb: fc.Arbitrary<Input> = fc.record({
  pieces: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
  cls: fc.boolean(),
}).chain(({ pieces, cls }) => {
  const nTok = pieces.reduce((a, b) => a + b, 0) + (cls ? 2 : 0);
  return fc.record({
    pieces: fc.constant(pieces), cls: fc.constant(cls),
    labels: fc.array(fc.integer({ min: 0, max: L - 1 }), { minLength: pieces.length, maxLength: pieces.length }),
    losses: fc.array(fc.array(fc.integer({ min: 0, max: 40 }).map((k) => Rational.of(k, 8)), { minLength: L, maxLength: L }), { minLength: nTok, maxLength: nTok }),
  });
});

/** word_ids() of a tokenizer output: null for [CLS]/[SEP], else the word index of each piece. */
function wordIds(pieces: readonly number[], cls: boolean): (number | null)[] {
  const ids: (number | null)[] = cls ? [null] : [];
  pieces.forEach((n, w) => { for (let k = 0; k < n; k++) ids.push(w); });
  if (cls) ids.push(null);
  return ids;
}

export const claim: ClaimModule = {
  id: 'seq.subword-labels',
  properties: [
    {
      name: 'masked-loss-is-word-loss',
      kind: 'identity',
      description: 'With −100 on every non-first subword and special token, the mean of the per-token losses over non-ignored positions equals the mean over words of the loss at each word’s first subword (exact rationals).',
      arbitrary: inputArb,
      runs: 150,
      check: ({ pieces, labels, losses, cls }: Input) => {
        const ids = wordIds(pieces, cls);
        const tokLabels = firstSubwordLabels(ids, labels);
        const got = maskedMeanLoss(losses, tokLabels);
        let s = Rational.ZERO;
        pieces.forEach((_, w) => { const first = ids.indexOf(w); s = s.add(losses[first]![labels[w]!]!); });
        const want = s.div(Rational.fromInt(pieces.length));
        const kept = tokLabels.filter((l) => l !== -100).length;
        if (kept !== pieces.length) return { ok: false, detail: `${kept} labelled tokens for ${pieces.length} words` };
        return got !== null && got.eq(want) ? { ok: true } : { ok: false, detail: `masked token mean ${got}, word mean ${want}` };
      },
    },
  ],
  audit: () => {
    // 004:1815: Washington → ["Wash", "#ing", "#ton"]; a sentence "Washington visited" with labels B-LOC, O.
    const pieces = [3, 1];
    const ids = wordIds(pieces, true);
    const labels = [1, 0];
    const first = firstSubwordLabels(ids, labels), all = allSubwordLabels(ids, labels);
    // per-token losses of the gold label: first subword 1, later subwords 3, "visited" 1/2.
    const lossOf = [0, 1, 3, 3, 1 / 2, 0].map((x) => [Rational.fromFloat64(x), Rational.fromFloat64(x), Rational.fromFloat64(x)]);
    const a = maskedMeanLoss(lossOf, first)!, b = maskedMeanLoss(lossOf, all)!;
    return [
      {
        id: 'seq.subword-labels',
        verdict: 'confirmed',
        evidence: `[CLS] Wash #ing #ton visited [SEP] with word labels (B-LOC, O): labels ${JSON.stringify(first)} — one label per word on its first subword, −100 elsewhere; ` +
          `the ignore_index = −100 mean then averages over words: ${a} = (1 + 1/2)/2. Property masked-loss-is-word-loss checks the identity exactly on generated tokenisations.`,
      },
      {
        id: 'seq.subword-labels#003-all-subwords',
        verdict: 'convention-dependent',
        evidence: `003:692 assigns the word's gold tag to every subword (labels ${JSON.stringify(all)}), 004:1817–1819 only to the first (others −100). Both are standard (HF's label_all_tokens flag). ` +
          `They train different losses: in the example the token mean is ${b} (all subwords) vs ${a} (first subword) — a word of k pieces weighs k times. ` +
          `Decoding from the first subword (003:694, 004:1817) is common to both.`,
      },
    ];
  },
};
