/**
 * scale.power-laws — L(N) = (N_c/N)^{α_N}, L(D) = (D_c/D)^{α_D}, L(C) = (C_c/C)^{α_C} (Kaplan et al. 2020).
 * Seed 003_c2e944a0f3874627.txt, line 893 (n_c for N_c).
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { powerLaw, powR } from '../oracles/scaling.js';

const mid = (b: { lo: Rational; hi: Rational }) => b.lo.add(b.hi).div(Rational.of(2));
/** Kaplan et al. (2020), eq. (1.1)–(1.3): α_N = 0.076, N_c = 8.8·10¹³; α_D = 0.095, D_c = 5.4·10¹³; α_C^min = 0.050, C_c^min = 3.1·10⁸ (PF-days). */
const KAPLAN = { N: ['0.076', '88000000000000'], D: ['0.095', '54000000000000'], C: ['0.050', '310000000'] } as const;

export const claim: ClaimModule = {
  id: 'scale.power-laws',
  properties: [
    {
      name: 'scale-free',
      kind: 'identity',
      description: 'Exactly (enclosures): a power law is scale-free, L(kX)/L(X) = k^{−α} for every X (a straight line of slope −α on log–log axes), and strictly decreasing in X for α > 0.',
      arbitrary: fc.record({
        alpha: fc.integer({ min: 1, max: 200 }).map((k) => Rational.of(k, 1000)),
        Xc: fc.integer({ min: 1, max: 1_000_000 }).map((k) => Rational.fromInt(k).mul(Rational.fromInt(10 ** 6))),
        X: fc.integer({ min: 1, max: 1_000_000 }).map((k) => Rational.fromInt(k).mul(Rational.fromInt(1000))),
        k: fc.integer({ min: 2, max: 1000 }),
      }),
      runs: 80,
      check: ({ alpha, Xc, X, k }: { alpha: Rational; Xc: Rational; X: Rational; k: number }) => {
        const K = Rational.fromInt(k);
        const a = powerLaw(Xc, X, alpha), b = powerLaw(Xc, X.mul(K), alpha), r = powR(K, alpha.neg());
        // b/a ∈ [b.lo/a.hi, b.hi/a.lo] must meet r
        const lo = b.lo.div(a.hi), hi = b.hi.div(a.lo);
        if (hi.lt(r.lo) || r.hi.lt(lo)) return { ok: false, detail: `L(kX)/L(X) ∈ [${lo.toDecimal(12)}, ${hi.toDecimal(12)}] vs k^−α ∈ [${r.lo.toDecimal(12)}, ${r.hi.toDecimal(12)}]` };
        if (!b.hi.lt(a.lo)) return { ok: false, detail: 'not decreasing' };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const two = Rational.fromInt(2), ten = Rational.fromInt(10);
    const dN = mid(powR(two, Rational.parse(KAPLAN.N[0]).neg())), dD = mid(powR(two, Rational.parse(KAPLAN.D[0]).neg())), dC = mid(powR(ten, Rational.parse(KAPLAN.C[0]).neg()));
    const L175 = mid(powerLaw(Rational.parse(KAPLAN.N[1]), Rational.fromInt(175_000_000_000), Rational.parse(KAPLAN.N[0])));
    return [{
      id: 'scale.power-laws',
      verdict: 'confirmed',
      evidence: `Read with N_c for the written n_c (a typo: the other two laws on the line use D_c and C_c), these are the three power laws of Kaplan et al. (2020), eqs. (1.1)–(1.3); the notes give no constants. ` +
        `Each is scale-free: L(kX)/L(X) = k^{−α}, independent of X. With Kaplan's fits, doubling the parameters multiplies the loss by 2^{−0.076} = ${dN.toDecimal(5)}, doubling the data by 2^{−0.095} = ${dD.toDecimal(5)}, ` +
        `ten times the compute by 10^{−0.050} = ${dC.toDecimal(5)}; L(N) at N = 1.75·10¹¹ is ${L175.toDecimal(4)} nats.`,
    }];
  },
};
