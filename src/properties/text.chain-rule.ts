/**
 * text.chain-rule — P(w_1..w_n) = Π_i P(w_i | w_1..w_{i−1}), exactly, for any joint distribution.
 * Seed 004_975819c312b074f9.txt, line 163; 003_c2e944a0f3874627.txt, lines 21–23.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { chainRuleProduct, type SeqDist } from '../oracles/text.js';

/** A random distribution over all sequences of length L (1–3) over 2–3 words, with integer weights 0–9 (some zero). */
export const seqDistArb = fc.record({ L: fc.integer({ min: 1, max: 3 }), V: fc.integer({ min: 2, max: 3 }) }).chain(({ L, V }) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: V ** L, maxLength: V ** L })
    .filter((w) => w.some((x) => x > 0))
    .map((w) => {
      const total = w.reduce((a, b) => a + b, 0);
      const d: SeqDist = new Map();
      w.forEach((x, idx) => {
        const seq: string[] = [];
        let r = idx;
        for (let i = 0; i < L; i++) { seq.push('w' + (r % V)); r = Math.floor(r / V); }
        d.set(seq.join(' '), { seq, p: Rational.of(x, total) });
      });
      return d;
    }));

export const claim: ClaimModule = {
  id: 'text.chain-rule',
  properties: [
    {
      name: 'exact-decomposition',
      kind: 'identity',
      description: 'For every sequence of a random joint distribution (rational, with zero-probability sequences), the product of the conditional probabilities (ratios of prefix marginals) equals the joint probability exactly; the products sum to 1.',
      arbitrary: seqDistArb,
      runs: 150,
      check: (d) => {
        let sum = Rational.ZERO;
        for (const { seq, p } of d.values()) {
          const c = chainRuleProduct(d, seq);
          if (!c.eq(p)) return { ok: false, detail: `${seq.join(' ')}: chain product ${c} ≠ joint ${p}` };
          sum = sum.add(c);
        }
        return sum.eq(Rational.ONE) ? { ok: true } : { ok: false, detail: `products sum to ${sum}` };
      },
    },
  ],
  audit: () => {
    // "its water is so" under a distribution putting mass on a few four-word sequences.
    const d: SeqDist = new Map();
    const add = (s: string, p: Rational) => d.set(s, { seq: s.split(' '), p });
    add('its water is so', Rational.of(1, 8)); add('its water is cold', Rational.of(1, 8));
    add('its colour is blue', Rational.of(1, 4)); add('the water is so', Rational.of(1, 2));
    const c = chainRuleProduct(d, 'its water is so'.split(' '));
    return [
      {
        id: 'text.chain-rule',
        verdict: c.eq(Rational.of(1, 8)) ? 'confirmed' : 'refuted',
        evidence: `P(its water is so) = P(its)·P(water|its)·P(is|its water)·P(so|its water is) is the chain rule, exact for every joint distribution ` +
          `(checked on random rational distributions). Instance: P(its) = 1/2, P(water|its) = 1/2, P(is|its water) = 1, P(so|its water is) = 1/2, product ${c} = the joint 1/8.`,
      },
      {
        id: 'text.chain-rule#003',
        verdict: 'confirmed',
        evidence: 'P(x^(1), …, x^(T)) = Π_t P(x^(t) | x^(t−1), …, x^(1)) (003:21–23) is the same chain rule: exact.',
      },
    ];
  },
};
