/**
 * ret.student-softmax — softmax of the ColBERT student scores 8.7, 2.5, −0.2.
 * Seed 004_975819c312b074f9.txt, lines 3003–3011: "Student softmax / P1: 0.88 / P2: 0.10 / P3: 0.02".
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { softmaxR } from '../numerics/precise.js';

const mid = (b: { lo: Rational; hi: Rational }) => b.lo.add(b.hi).div(Rational.of(2));
const dec = (xs: readonly string[]) => xs.map((s) => Rational.parse(s));

// The implementation's softmax is gated by ret.teacher-softmax/conformance (the op nn.softmax has one
// conformance property, so that `--ops nn.softmax` selects one property).

export const claim: ClaimModule = {
  id: 'ret.student-softmax',
  properties: [
    {
      name: 'odds-identity',
      kind: 'identity',
      description: 'Exactly (120-bit enclosures of the decimal scores): the probabilities sum to 1 and p_i/p_j = e^{s_i − s_j}, so no rounding of the scores to two decimals can give odds p₁/p₂ = 8.8 when s₁ − s₂ ≥ 2.',
      arbitrary: fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 })),
      runs: 60,
      check: ([a, b, c]: [number, number, number]) => {
        const s = [Rational.of(a, 10), Rational.of(b, 10), Rational.of(c, 10)];
        const p = softmaxR(s, 100);
        const lo = Rational.sum(p.map((v) => v.lo)), hi = Rational.sum(p.map((v) => v.hi));
        if (lo.gt(Rational.ONE) || hi.lt(Rational.ONE)) return { ok: false, detail: `Σp ∈ [${lo.toDecimal(20)}, ${hi.toDecimal(20)}] excludes 1` };
        // p1 > p2 iff s1 > s2 (strict monotonicity)
        if (s[0]!.gt(s[1]!) && !p[0]!.lo.gt(p[1]!.hi)) return { ok: false, detail: 'softmax not monotone' };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const S = softmaxR(dec(['8.7', '2.5', '-0.2']), 120);
    const notes = [0.88, 0.1, 0.02];
    const wrong = S.some((b, i) => Math.abs(mid(b).toFloat64() - notes[i]!) > 0.005);
    const odds = mid(S[0]!).div(mid(S[1]!));
    return [{
      id: 'ret.student-softmax',
      verdict: wrong ? 'refuted' : 'confirmed',
      evidence: `softmax(8.7, 2.5, −0.2) = (${S.map((b) => mid(b).toDecimal(10)).join(', ')}) (120-bit enclosures), i.e. 1.00 / 0.00 / 0.00 to two decimals, not 0.88 / 0.10 / 0.02 (004:3003–3011): ` +
        `the odds p₁/p₂ = e^{6.2} ≈ ${odds.toDecimal(4)}, not 8.8.`,
    }];
  },
};
