/**
 * ml.temp-sampling — temperature (exponent) sampling over languages p_i = q_i^α / Σ_j q_j^α.
 * Seed 004_975819c312b074f9.txt, lines 2585–2626.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { temperatureSampling, powR } from '../oracles/scaling.js';
import { CORPUS } from './ml.token-ratio.js';

const mid = (b: { lo: Rational; hi: Rational }) => b.lo.add(b.hi).div(Rational.of(2));
const near = (b: { lo: Rational; hi: Rational }, s: string, digits: number) => {
  const d = Rational.of(1, 2 * 10 ** digits), v = Rational.parse(s);
  return !(b.hi.lt(v.sub(d)) || b.lo.gt(v.add(d)));
};

export const claim: ClaimModule = {
  id: 'ml.temp-sampling',
  properties: [
    {
      name: 'flattening',
      kind: 'identity',
      description: 'Exactly (enclosures), for rational q > 0 summing to 1 and 0 < α < 1: the p_i sum to 1, the order of the languages is kept, the largest share does not grow (max p ≤ max q) and the smallest does not shrink (min p ≥ min q), strictly unless q is uniform; as α → 0 (α = 10⁻⁶) every p_i is within 10⁻⁴ of 1/n.',
      arbitrary: fc.tuple(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 6 }), fc.integer({ min: 1, max: 99 })),
      runs: 80,
      check: ([w, a]: [number[], number]) => {
        const s = w.reduce((x, y) => x + y, 0);
        const q = w.map((v) => Rational.of(v, s));
        const alpha = Rational.of(a, 100);
        const p = temperatureSampling(q, alpha);
        const lo = Rational.sum(p.map((b) => b.lo)), hi = Rational.sum(p.map((b) => b.hi));
        if (lo.gt(Rational.ONE) || hi.lt(Rational.ONE)) return { ok: false, detail: 'Σp ≠ 1' };
        const iMax = w.indexOf(Math.max(...w)), iMin = w.indexOf(Math.min(...w));
        const uniform = w.every((v) => v === w[0]);
        if (p[iMax]!.lo.gt(q[iMax]!) || (!uniform && !p[iMax]!.hi.lt(q[iMax]!))) return { ok: false, detail: `largest share ${q[iMax]} → [${p[iMax]!.lo.toDecimal(8)}, ${p[iMax]!.hi.toDecimal(8)}]` };
        if (p[iMin]!.hi.lt(q[iMin]!) || (!uniform && !p[iMin]!.lo.gt(q[iMin]!))) return { ok: false, detail: `smallest share ${q[iMin]} → [${p[iMin]!.lo.toDecimal(8)}, ${p[iMin]!.hi.toDecimal(8)}]` };
        for (let i = 0; i < w.length; i++) for (let j = 0; j < w.length; j++) if (w[i]! > w[j]! && !p[i]!.lo.gt(p[j]!.hi)) return { ok: false, detail: 'order not kept' };
        const p0 = temperatureSampling(q, Rational.of(1, 1_000_000));
        const u = Rational.of(1, w.length), tol = Rational.of(1, 10_000);
        if (p0.some((b) => b.lo.lt(u.sub(tol)) || b.hi.gt(u.add(tol)))) return { ok: false, detail: 'α → 0 not near uniform' };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const half = Rational.of(1, 2);
    const r09 = powR(Rational.of(9, 10), half), r01 = powR(Rational.of(1, 10), half);
    const p = temperatureSampling([Rational.of(9, 10), Rational.of(1, 10)], half);
    const ok = near(r09, '0.949', 3) && near(r01, '0.316', 3) && near(p[0]!, '0.75', 2) && near(p[1]!, '0.25', 2);
    const tot = CORPUS.reduce((s, [, t]) => s + t, 0);
    const q = CORPUS.map(([, t]) => Rational.of(t, tot));
    const p03 = temperatureSampling(q, Rational.of(3, 10));
    const p07 = temperatureSampling(q, Rational.of(7, 10));
    const show = (ps: { lo: Rational; hi: Rational }[]) => ps.map((b, i) => `${CORPUS[i]![0]} ${(mid(b).toFloat64() * 100).toPrecision(3)}%`).join(', ');
    const p0 = temperatureSampling(q, Rational.of(1, 10 ** 9));
    return [
      {
        id: 'ml.temp-sampling',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `0.9^{1/2} = ${mid(r09).toDecimal(6)}, 0.1^{1/2} = ${mid(r01).toDecimal(6)} (004:2621 rounds them to 0.949, 0.316); the normalised shares are exactly 3/4 and 1/4 ` +
          `(√0.9/(√0.9 + √0.1) = 3/(3 + 1); enclosures ${mid(p[0]!).toDecimal(12)}, ${mid(p[1]!).toDecimal(12)}), as 004:2625–2626 state.`,
      },
      {
        id: 'ml.temp-sampling#flattening',
        verdict: 'confirmed',
        evidence: `For 0 < α < 1 the odds (q_i/q_j)^α move toward 1: the largest language's share falls and the smallest's rises (004:2591). On the notes' corpus (004:2568–2572), true shares ${show(q.map((v) => ({ lo: v, hi: v })))}; ` +
          `α = 0.7: ${show(p07)}; α = 0.3 (XLM-R, 004:2632): ${show(p03)}.`,
      },
      {
        id: 'ml.temp-sampling#alpha-to-zero',
        verdict: 'confirmed',
        evidence: `As α → 0, q_i^α → 1 for every q_i > 0, so p_i → 1/n, "equally likely regardless of corpus size" (004:2595–2597): at α = 10⁻⁹ the five shares are ${p0.map((b) => mid(b).toDecimal(9)).join(', ')}.`,
      },
    ];
  },
};
