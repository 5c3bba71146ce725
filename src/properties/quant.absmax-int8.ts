/**
 * quant.absmax-int8 — symmetric absmax quantisation q = round(127·x/absmax(x)) ∈ [−127, 127]:
 * the absmax element maps to ±127, |x − x̂| ≤ absmax/254, Q(x̂) = Q(x); conformance of
 * quant.quantize with s = absmax/127, z = 0 on [−127, 127].
 * Seed 003_c2e944a0f3874627.txt, line 1150: "x^int8 = round(x^FP32 / absmax(x^FP32))" (the 127 is missing).
 */
import fc from 'fast-check';
import type { ClaimModule, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { absmaxQuantize, absmaxDequantize } from '../oracles/quantisation.js';
import { quantizeConformance } from './quant.affine-roundtrip.js';

/** Vectors of floats: generic float64 values, small integers (exact ties of 127x/absmax), and one outlier. */
export const absmaxVectorArb: fc.Arbitrary<number[]> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 24 }) },
  { weight: 2, arbitrary: fc.array(fc.integer({ min: -254, max: 254 }), { minLength: 1, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.tuple(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 16 }), fc.double({ min: 10, max: 1e6, noNaN: true })).map(([xs, o]) => [...xs, o]) },
).filter((xs) => { const a = Math.max(...xs.map(Math.abs)); return a === 0 || a >= 1e-30; }); // absmax/127 stays a normal float32

export function absmaxOutcome(xs: number[]): Outcome {
  const rs = xs.map(Rational.fromFloat64);
  const { absmax: a, q } = absmaxQuantize(rs, 127n);
  if (a.isZero()) return q.every((v) => v === 0n) ? { ok: true } : { ok: false, detail: 'zero vector not mapped to 0' };
  const xh = absmaxDequantize(q, a, 127n);
  const half = a.div(Rational.of(254));
  for (let i = 0; i < rs.length; i++) {
    if (q[i]! < -127n || q[i]! > 127n) return { ok: false, detail: `x = ${xs[i]}: code ${q[i]} outside [−127, 127]` };
    if (rs[i]!.abs().eq(a) && q[i] !== BigInt(rs[i]!.sign()) * 127n) return { ok: false, detail: `absmax element ${xs[i]} → ${q[i]}, not ±127` };
    const err = rs[i]!.sub(xh[i]!).abs();
    if (err.gt(half)) return { ok: false, detail: `x = ${xs[i]}: |x − x̂| = ${err.toDecimal(8)} > absmax/254 = ${half.toDecimal(8)}` };
  }
  const again = absmaxQuantize(xh, 127n).q;
  if (again.some((v, i) => v !== q[i])) return { ok: false, detail: `Q(x̂) = [${again.join(', ')}] ≠ Q(x) = [${q.join(', ')}]` };
  return { ok: true };
}

export const claim: ClaimModule = {
  id: 'quant.absmax-int8',
  properties: [
    {
      name: 'absmax-roundtrip',
      kind: 'identity',
      description: 'Exact: q = round_half_even(127x/absmax) lies in [−127, 127], the absmax element maps to ±127, |x − x̂| ≤ absmax/254 and Q(x̂) = Q(x).',
      arbitrary: absmaxVectorArb,
      runs: 100,
      check: (xs) => absmaxOutcome(xs),
    },
    {
      name: 'quantize-absmax',
      kind: 'conformance',
      description: 'quant.quantize with s = absmax/127 (rounded to the dtype), z = 0, [−127, 127]: every code an admissible half-to-even rounding of x/s (either neighbour only within float error).',
      arbitrary: absmaxVectorArb,
      ops: ['quant.quantize'],
      runs: 60,
      check: (xs, impl) => {
        const a = Math.max(...xs.map(Math.abs));
        if (a === 0) return { ok: true };
        return quantizeConformance({ x: xs, scale: a / 127, zeroPoint: 0, qmin: -127, qmax: 127 }, impl!);
      },
    },
  ],
  audit: () => {
    const xs = [Rational.parse('0.3'), Rational.ONE];
    const notes = xs.map((x) => x.div(Rational.ONE).round('half-even'));
    const exact = absmaxQuantize(xs, 127n).q;
    return [{
      id: 'quant.absmax-int8',
      verdict: 'refuted',
      evidence: `As written, round(x/absmax(x)) ∈ {−1, 0, 1} because |x/absmax(x)| ≤ 1: x = (0.3, 1) gives (${notes.join(', ')}), ` +
        `while the int8 absmax quantisation onto [−127, 127] (003:1148) is round(127·x/absmax(x)) = (${exact.join(', ')}) with c = 127/absmax(x) (the notes label c = absmax(x)).`,
    }];
  },
};
