/**
 * fourier.nyquist — the Nyquist–Shannon sampling rate (at least twice the bandwidth) and aliasing: a component
 * above f_s/2 is indistinguishable from a lower one. Seed 000_1c190711b4cfcedd.txt, lines 706–712.
 */
import fc from 'fast-check';
import type { ClaimModule, Outcome } from '../registry/types.js';
import { sampledCos, sampledSin } from '../oracles/fourier.js';

/** The alias of a frequency of p/q cycles per sample: |p/q − round(p/q)| ∈ [0, ½], as a numerator over q. */
export const aliasNumerator = (p: number, q: number): number => { const r = ((p % q) + q) % q; return Math.min(r, q - r); };

/**
 * Sampling cos(2πft) and sin(2πft) at f_s with f/f_s = p/q gives, for every n, the samples of cos(2πf_a t) and
 * ±sin(2πf_a t) with the alias f_a = |f − k f_s| ≤ f_s/2 (k the nearest integer): enclosures overlap for n < 2q.
 */
export function aliasIdentity(p: number, q: number): Outcome {
  const a = aliasNumerator(p, q);
  const r = ((p % q) + q) % q;
  const sgn = r <= q - r ? 1 : -1;
  for (let n = 0; n < 2 * q; n++) {
    const c1 = sampledCos(p, n, q), c2 = sampledCos(a, n, q);
    const s1 = sampledSin(p, n, q), s2 = sampledSin(a, n, q);
    const s2lo = sgn > 0 ? s2.lo : -s2.hi, s2hi = sgn > 0 ? s2.hi : -s2.lo;
    if (!(c1.lo <= c2.hi && c2.lo <= c1.hi) || !(s1.lo <= s2hi && s2lo <= s1.hi)) {
      return { ok: false, detail: `f/f_s = ${p}/${q}, alias ${a}/${q}: samples differ at n = ${n}` };
    }
  }
  return { ok: true };
}

export const claim: ClaimModule = {
  id: 'fourier.nyquist',
  properties: [
    {
      name: 'alias',
      kind: 'identity',
      description: 'Rigorous enclosures: a sinusoid of f = (p/q)·f_s (any p, q ≤ 40) and its alias f_a = |f − k f_s| ≤ f_s/2 have the same samples (cosine) or opposite ones (sine, when the fold reflects), for n < 2q.',
      arbitrary: fc.record({ q: fc.integer({ min: 1, max: 40 }), p: fc.integer({ min: -200, max: 200 }) }),
      runs: 30,
      check: ({ p, q }) => aliasIdentity(p, q),
    },
    {
      name: 'critical-rate',
      kind: 'identity',
      description: 'Exactly: sampling sin(2πBt) at f_s = 2B gives sin(πn) = 0 for every n (enclosures are the point 0): a tone at exactly half the rate is lost, so f_s = 2B suffices only for signals without a spectral line at ±B.',
      arbitrary: fc.integer({ min: -1000, max: 1000 }),
      runs: 20,
      check: (n) => { const s = sampledSin(1, n, 2); return s.lo === 0 && s.hi === 0 ? { ok: true } : { ok: false, detail: `sin(π·${n}) ∈ [${s.lo}, ${s.hi}]` }; },
    },
  ],
  audit: () => {
    const al = aliasIdentity(7, 10);
    const zeros = Array.from({ length: 8 }, (_, n) => sampledSin(1, n, 2)).every((s) => s.lo === 0 && s.hi === 0);
    return [
      {
        id: 'fourier.nyquist',
        verdict: 'confirmed',
        evidence: `f_s ≥ 2B suffices for a finite-energy signal band-limited to [−B, B] (Whittaker–Shannon interpolation), and below 2B two such signals can share their samples; but at exactly f_s = 2B the tone sin(2πBt) samples to sin(πn) = 0 for all n (${zeros ? 'exact zeros' : 'NOT zero'}), indistinguishable from x ≡ 0: "at least" needs X(f) without a spectral line at ±B (the standing hypothesis that x has a Fourier transform X(f) in the function sense, 000:708); for tones the rate must exceed 2B strictly.`,
        rule: 'assumption-needed',
      },
      {
        id: 'fourier.nyquist#alias',
        verdict: al.ok ? 'confirmed' : 'refuted',
        evidence: 'f = 0.7 f_s: cos(2π·0.7n) = cos(2π·0.3n) and sin(2π·0.7n) = −sin(2π·0.3n) for every n (enclosures, n < 20): the component at 0.7 f_s is indistinguishable from one at 0.3 f_s < f_s/2. ' +
          'When f_s < 2B the copies X(f − k f_s) of a spectrum supported on [−B, B] overlap on (f_s − B, B) (000:711).',
      },
    ];
  },
};
