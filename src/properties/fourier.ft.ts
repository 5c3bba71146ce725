/**
 * fourier.ft — the Fourier transform in angular frequency, X(ω) = ∫x(t)e^{−iωt}dt, and its inverse
 * x(t) = (1/2π)∫X(ω)e^{iωt}dω. Seed 000_1c190711b4cfcedd.txt, lines 652–658.
 */
import fc from 'fast-check';
import type { ClaimModule, Outcome } from '../registry/types.js';
import { Interval, div as idiv, mul as imul, sqrt as isqrt } from '../numerics/interval.js';
import { lorentzianInverseAt0, lorentzianFT, PI_IV } from '../oracles/fourier.js';

type Terms = { c: number; a: number }[];

/** x(t) = Σ c_m e^{−a_m|t|}: 1–3 terms, c_m ∈ {1/8, …, 4}, a_m ∈ {1/4, …, 4} (dyadic). */
const termsArb: fc.Arbitrary<Terms> = fc.array(fc.record({
  c: fc.integer({ min: 1, max: 32 }).map((k) => k / 8),
  a: fc.integer({ min: 1, max: 16 }).map((k) => k / 4),
}), { minLength: 1, maxLength: 3 });

const ONE_OVER_2PI = idiv(new Interval(1, 1), imul(new Interval(2, 2), PI_IV));

/** (1/2π)∫X(ω)dω, enclosed by monotone Riemann sums, contains x(0) = Σc_m, and is narrower than 10% of it. */
export function inversionAt0(terms: Terms, norm: Interval = ONE_OVER_2PI): Outcome {
  const x0 = terms.reduce((s, t) => s + t.c, 0);
  const iv = lorentzianInverseAt0(terms, norm);
  const ok = iv.lo <= x0 && x0 <= iv.hi && iv.hi - iv.lo <= 0.1 * x0;
  return ok ? { ok: true } : { ok: false, detail: `x(t) = ${terms.map((t) => `${t.c}e^{−${t.a}|t|}`).join(' + ')}: (1/2π)∫X(ω)dω ∈ [${iv.lo}, ${iv.hi}], x(0) = ${x0}` };
}

export const claim: ClaimModule = {
  id: 'fourier.ft',
  properties: [
    {
      name: 'inversion',
      kind: 'identity',
      description: 'For x(t) = Σ_m c_m e^{−a_m|t|} (c_m > 0), X(ω) = ∫x(t)e^{−iωt}dt = Σ 2a_m c_m/(a_m² + ω²) exactly, and the notes’ inverse (1/2π)∫X(ω)dω, enclosed rigorously by monotone Riemann sums plus a tail bound, contains x(0) = Σc_m (enclosure narrower than 10% of x(0)).',
      arbitrary: termsArb,
      runs: 20,
      check: (t) => inversionAt0(t),
    },
  ],
  audit: () => {
    const terms = [{ c: 1, a: 1 }];
    const good = lorentzianInverseAt0(terms, ONE_OVER_2PI);
    const noNorm = lorentzianInverseAt0(terms, new Interval(1, 1));
    const sym = lorentzianInverseAt0(terms, idiv(new Interval(1, 1), isqrt(imul(new Interval(2, 2), PI_IV))));
    const X1 = lorentzianFT(terms, new Interval(1, 1));
    const f = (iv: Interval) => `[${iv.lo.toFixed(4)}, ${iv.hi.toFixed(4)}]`;
    const ok = good.lo <= 1 && 1 <= good.hi;
    return [
      {
        id: 'fourier.ft',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `x(t) = e^{−|t|}: X(ω) = ∫e^{−|t|}e^{−iωt}dt = 2/(1 + ω²) exactly (X(1) ∈ ${f(X1)}); the notes’ inverse (1/2π)∫X(ω)dω ∈ ${f(good)} ∋ x(0) = 1 ` +
          `(rigorous Riemann-sum enclosure), while without the 1/(2π) it would be ${f(noNorm)} and with the unitary 1/√(2π) ${f(sym)}. ` +
          'The pair (e^{−iωt}, 1/(2π)) is the angular-frequency convention; the Hz convention (e^{−2πift}, no factor) and the unitary one (1/√(2π) on both) are the other standard pairs — the notes fix theirs consistently.',
      },
      {
        id: 'fourier.ft#inverse',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `x(t) = (1/2π)∫X(ω)e^{iωt}dω: at t = 0 for x(t) = e^{−|t|} the enclosure ${f(good)} contains 1 (and on 20 random sums of two-sided exponentials, property fourier.ft/inversion).`,
      },
    ];
  },
};
