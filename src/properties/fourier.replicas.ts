/**
 * fourier.replicas — sampling x(t) every T = 1/f_s makes the DTFT of x[n] the sum of copies of X(f) shifted by
 * multiples of f_s (Poisson summation). Seed 000_1c190711b4cfcedd.txt, lines 708–709.
 */
import fc from 'fast-check';
import type { ClaimModule, Outcome } from '../registry/types.js';
import { Interval } from '../numerics/interval.js';
import { replicaSum, sampledExpDtft } from '../oracles/fourier.js';

/** Inputs: x(t) = e^{−a|t|}, a ∈ {1/8, …, 4}; T ∈ {1/8, …, 2}; f = j·f_s/M with 0 ≤ j ≤ M/2. */
const arb = fc.record({
  a: fc.integer({ min: 1, max: 32 }).map((k) => k / 8),
  T: fc.integer({ min: 1, max: 16 }).map((k) => k / 8),
  M: fc.integer({ min: 1, max: 16 }),
  j: fc.nat(8),
}).map((r) => ({ ...r, j: r.j % (Math.floor(r.M / 2) + 1) }));

const ivs = (iv: Interval) => `[${iv.lo.toPrecision(8)}, ${iv.hi.toPrecision(8)}]`;

/** DTFT of x(nT) at f and f_s·Σ_k X(f − k f_s) (enclosures) overlap. */
export function poisson(a: number, T: number, j: number, M: number, scale = new Interval(1 / T, 1 / T)): Outcome {
  const d = sampledExpDtft(a, T, j, M), r = replicaSum(a, T, j, M, scale);
  return d.lo <= r.hi && r.lo <= d.hi ? { ok: true } : { ok: false, detail: `a = ${a}, T = ${T}, f = ${j}/${M}·f_s: DTFT of x(nT) ∈ ${ivs(d)}, scaled replica sum ∈ ${ivs(r)}` };
}

export const claim: ClaimModule = {
  id: 'fourier.replicas',
  properties: [
    {
      name: 'poisson',
      kind: 'identity',
      description: 'Rigorous enclosures: for x(t) = e^{−a|t|} (X(f) = 2a/(a² + 4π²f²)) sampled every T, the DTFT Σ_n x(nT)e^{−2πifnT} = (1 − r²)/(1 − 2r cos 2πfT + r²), r = e^{−aT}, equals f_s·Σ_k X(f − k f_s) (truncated at |k| ≤ 2000, tail bounded).',
      arbitrary: arb,
      runs: 25,
      check: ({ a, T, j, M }) => poisson(a, T, j, M),
    },
  ],
  audit: () => {
    const a = 1, T = 0.5, j = 1, M = 4;
    const d = sampledExpDtft(a, T, j, M);
    const scaled = replicaSum(a, T, j, M, new Interval(1 / T, 1 / T));
    const unscaled = replicaSum(a, T, j, M, new Interval(1, 1));
    const ok = d.lo <= scaled.hi && scaled.lo <= d.hi;
    const off = !(d.lo <= unscaled.hi && unscaled.lo <= d.hi);
    return [
      {
        id: 'fourier.replicas',
        verdict: ok && off ? 'convention-dependent' : ok ? 'confirmed' : 'refuted',
        evidence: `x(t) = e^{−|t|}, X(f) = 2/(1 + 4π²f²), T = 1/2 (f_s = 2), f = f_s/4: the DTFT of the samples x[n] = x(nT) is ${ivs(d)}, ` +
          `f_s·Σ_k X(f − k f_s) = ${ivs(scaled)} (equal: copies shifted by multiples of f_s, the spacing the notes give) but the copies merely added, Σ_k X(f − k f_s) = ${ivs(unscaled)}, ` +
          'are off by the factor f_s = 1/T. The notes’ statement holds as written when the sample sequence is x[n] = T·x(nT) (Wikipedia’s X_{1/T}(f) = Σ_n T·x(nT)e^{−i2πfTn}); with x[n] = x(nT) the sum carries f_s. ' +
          'In the notes’ own DTFT variable ω = 2πfT (rad/sample, 000:662) the copies are spaced 2π apart.',
      },
    ];
  },
};
