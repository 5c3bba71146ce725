/**
 * ml.token-ratio — the imbalance of multilingual corpora: 150B English vs 20M Swahili tokens → 7500×;
 * and the sampling odds before and after smoothing (9× → 3× at α = 0.5).
 * Seed 004_975819c312b074f9.txt, lines 2568–2576, 2615, 2628.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { temperatureSampling } from '../oracles/scaling.js';

export const CORPUS = [['English', 150_000_000_000], ['Chinese', 100_000_000_000], ['Spanish', 40_000_000_000], ['Swahili', 20_000_000], ['Amharic', 10_000_000]] as const;

export const claim: ClaimModule = {
  id: 'ml.token-ratio',
  properties: [
    {
      name: 'odds-power',
      kind: 'identity',
      description: 'Exactly (enclosures): exponent smoothing raises the odds to the power α, p_i/p_j = (q_i/q_j)^α; with α = 1/2 and q_i/q_j = k² the smoothed odds are exactly k (the notes’ 9× → 3×).',
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 4 })),
      runs: 100,
      check: ([k, base, extra]: [number, number, number]) => {
        // q = (k²·b, b, and `extra` more languages of weight b)
        const b = Rational.fromInt(base);
        const q = [Rational.fromInt(k * k).mul(b), b, ...Array.from({ length: extra }, () => b)];
        const s = Rational.sum(q);
        const p = temperatureSampling(q.map((v) => v.div(s)), Rational.of(1, 2));
        const lo = p[0]!.lo.div(p[1]!.hi), hi = p[0]!.hi.div(p[1]!.lo);
        const K = Rational.fromInt(k);
        return lo.le(K) && hi.ge(K) ? { ok: true } : { ok: false, detail: `odds ∈ [${lo.toDecimal(10)}, ${hi.toDecimal(10)}], expected ${k}` };
      },
    },
  ],
  audit: () => {
    const en = Rational.fromInt(CORPUS[0][1]), sw = Rational.fromInt(CORPUS[3][1]);
    const ratio = en.div(sw);
    const p = temperatureSampling([Rational.of(9, 10), Rational.of(1, 10)], Rational.of(1, 2));
    const oddsLo = p[0]!.lo.div(p[1]!.hi), oddsHi = p[0]!.hi.div(p[1]!.lo);
    const three = Rational.fromInt(3);
    return [
      {
        id: 'ml.token-ratio',
        verdict: ratio.eq(Rational.fromInt(7500)) ? 'confirmed' : 'refuted',
        evidence: `150,000,000,000 / 20,000,000 = ${ratio.toString()} exactly (004:2576); English/Amharic is ${en.div(Rational.fromInt(CORPUS[4][1])).toString()}×.`,
      },
      {
        id: 'ml.token-ratio#odds',
        verdict: oddsLo.le(three) && oddsHi.ge(three) ? 'confirmed' : 'refuted',
        evidence: `q = (0.9, 0.1): odds 9 at α = 1 (004:2615); at α = 1/2 the odds are 9^{1/2} = 3 exactly (enclosure [${oddsLo.toDecimal(15)}, ${oddsHi.toDecimal(15)}], 004:2628).`,
      },
    ];
  },
};
