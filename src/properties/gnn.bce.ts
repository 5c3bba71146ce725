/**
 * gnn.bce — binary cross-entropy. The loss is the mean NEGATIVE Bernoulli log-likelihood
 *   L = −(1/n) Σ_x [y(x) log ŷ(x) + (1 − y(x)) log(1 − ŷ(x))] ≥ 0,
 * minimised over ŷ at ŷ = y; with logits, ŷ = σ(z), it equals max(z, 0) − yz + log(1 + e^{−|z|}).
 * The notes write the sum without the minus sign: that expression is ≤ 0 and is MAXIMISED at ŷ = y,
 * so minimising it as a loss drives predictions away from the labels.
 * Checked with rigorous rational enclosures (src/numerics/precise.ts).
 * Seed 002_606757b0cdfd2eb0.txt, line 460: "\frac{1}{n} \sum_k (y(x) \log \hat{y}(x) + (1-y(x)) \log (1 - \hat{y}(x)))"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { bceLogitR, bceStableR, bceProbR, notesTermR, overlaps } from '../oracles/graph.js';

const pt = (r: Rational) => ({ lo: r, hi: r });
const fmt = (b: { lo: Rational; hi: Rational }) => `[${b.lo.toDecimal(6)}, ${b.hi.toDecimal(6)}]`;

export const claim: ClaimModule = {
  id: 'gnn.bce',
  properties: [
    {
      name: 'logit-forms-agree',
      kind: 'identity',
      description: 'For rational logits z and labels y ∈ [0, 1]: −[y log σ(z) + (1 − y) log(1 − σ(z))] and max(z, 0) − yz + log(1 + e^{−|z|}) have overlapping rigorous enclosures (width < 2⁻⁶⁰).',
      arbitrary: fc.record({ y: fc.integer({ min: 0, max: 10 }).map((v) => Rational.of(v, 10)), z: fc.integer({ min: -80, max: 80 }).map((v) => Rational.of(v, 4)) }),
      runs: 150,
      check: ({ y, z }) => {
        const a = bceLogitR(y, z), b = bceStableR(y, z);
        const w = Rational.of(1, 2 ** 30).mul(Rational.of(1, 2 ** 30));
        const ok = overlaps(a, b) && a.hi.sub(a.lo).lt(w) && b.hi.sub(b.lo).lt(w);
        return ok ? { ok: true } : { ok: false, detail: `σ form ${fmt(a)}, stable form ${fmt(b)}` };
      },
    },
    {
      name: 'minimised-at-label',
      kind: 'identity',
      description: 'For y, ŷ ∈ (0, 1) on a 1/20 grid with ŷ ≠ y: BCE(y, ŷ) > BCE(y, y) ≥ 0 (rigorous), i.e. the notes\' un-negated expression is ≤ 0 and strictly maximised at ŷ = y.',
      arbitrary: fc.record({ y: fc.integer({ min: 1, max: 19 }), p: fc.integer({ min: 1, max: 19 }) }).filter(({ y, p }) => y !== p)
        .map(({ y, p }) => ({ y: Rational.of(y, 20), p: Rational.of(p, 20) })),
      runs: 100,
      check: ({ y, p }) => {
        const at = bceProbR(y, pt(y)), off = bceProbR(y, pt(p)), notesAt = notesTermR(y, pt(y)), notesOff = notesTermR(y, pt(p));
        const ok = at.lo.ge(Rational.ZERO) && off.lo.gt(at.hi) && notesAt.hi.le(Rational.ZERO) && notesOff.hi.lt(notesAt.lo);
        return ok ? { ok: true } : { ok: false, detail: `y = ${y}, ŷ = ${p}: BCE(y, y) ${fmt(at)}, BCE(y, ŷ) ${fmt(off)}` };
      },
    },
  ],
  audit: () => {
    const y = Rational.ONE, good = Rational.of(3, 4), bad = Rational.of(1, 4);
    const nGood = notesTermR(y, pt(good)), nBad = notesTermR(y, pt(bad));
    const z = Rational.of(3), s = bceLogitR(Rational.ZERO, z), st = bceStableR(Rational.ZERO, z);
    return [
      {
        id: 'gnn.bce',
        verdict: 'confirmed',
        evidence: `Typo, graded on the intended meaning (002:458 names it the cross-entropy loss): as a loss to minimise, 002:460 lacks the minus sign: (1/n)Σ[y log ŷ + (1 − y) log(1 − ŷ)] is the mean log-likelihood, ≤ 0, maximised at ŷ = y. ` +
          `One example with y = 1: ŷ = 3/4 gives log(3/4) ∈ ${fmt(nGood)}, ŷ = 1/4 gives log(1/4) ∈ ${fmt(nBad)} — the worse prediction has the lower "loss". ` +
          `The binary cross-entropy is −(1/n)Σ[y log ŷ + (1 − y) log(1 − ŷ)] ≥ 0, minimised at ŷ = y (checked rigorously on a grid).`,
      },
      {
        id: 'gnn.bce#logit-form',
        verdict: 'confirmed',
        evidence: `With the sign restored and ŷ = σ(z), BCE = max(z, 0) − yz + log(1 + e^{−|z|}) (the overflow-free form used by tf.losses.sigmoidCrossEntropy): y = 0, z = 3: via σ ${fmt(s)}, stable form ${fmt(st)} (= softplus(3)).`,
      },
      {
        id: 'gnn.bce#sum-index',
        verdict: 'confirmed',
        evidence: 'Typo, graded on the intended meaning: the sum is written over k while the summand is indexed by x (002:460); it is read as a sum over the n examples x (nodes, edges or graphs being classified), matching the 1/n.',
      },
    ];
  },
};
