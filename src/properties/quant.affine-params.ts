/**
 * quant.affine-params — z = q_min − round(x_min/s) maps x_min to q_min (the notes' round(−x_min/s)
 * is right only for q_min = 0); Q(x_max) = q_max except at a tie of x_min/s with q_max − q_min odd.
 * Seed 004_975819c312b074f9.txt, line 3299: "zero-point z = round(−x_min/s)"
 */
import fc from 'fast-check';
import type { ClaimModule, Outcome, Implementation, Dtype } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { affineParams, quantize } from '../oracles/quantisation.js';
import { precisionOf } from '../numerics/bounds.js';
import { FLOAT32, FLOAT64, type FloatFormat } from '../numerics/float-format.js';
import { QTYPES, quantCaseArb, inDtype, admissibleZeroPoint, scaleBound, type QuantCase } from './quant.affine-roundtrip.js';

export interface ParamCase { xmin: number; xmax: number; qmin: number; qmax: number }

/** Ranges containing 0: dyadic (x_min/s an integer or a half-integer: the tie case) and generic. The scale of a generic range is (x_max − x_min)/(q_max − q_min). */
export const paramCaseArb: fc.Arbitrary<ParamCase> = fc.record({
  t: fc.constantFrom(...QTYPES),
  e: fc.integer({ min: -10, max: 4 }),
  m: fc.integer({ min: 0, max: 2 ** 16 }),
  half: fc.boolean(),
  generic: fc.boolean(),
  a: fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
  b: fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
}).map(({ t, e, m, half, generic, a, b }) => {
  const R = t.qmax - t.qmin;
  if (generic) return { xmin: -a, xmax: b, qmin: t.qmin, qmax: t.qmax };
  const s = 2 ** e, k = (m % (R - 1)) + 1 + (half ? 0.5 : 0);
  return { xmin: -k * s, xmax: (R - k) * s, qmin: t.qmin, qmax: t.qmax };
});

export function paramsOutcome(c: ParamCase): Outcome {
  const xmin = Rational.fromFloat64(c.xmin), xmax = Rational.fromFloat64(c.xmax);
  const qmin = BigInt(c.qmin), qmax = BigInt(c.qmax);
  const p = affineParams(xmin, xmax, qmin, qmax);
  const lo = Rational.min(xmin, Rational.ZERO);
  const qlo = quantize(lo, p, qmin, qmax), qhi = quantize(Rational.max(xmax, Rational.ZERO), p, qmin, qmax);
  if (qlo !== qmin) return { ok: false, detail: `Q(x_min) = ${qlo} ≠ q_min = ${qmin} (s = ${p.scale}, z = ${p.zeroPoint})` };
  const t = lo.div(p.scale);
  const tie = t.sub(Rational.of(t.floor())).eq(Rational.of(1n, 2n));
  const odd = (qmax - qmin) % 2n !== 0n;
  // t = n + ½, R odd: round_half_even(t) = n + 1 and round_half_even(t + R) = n + R when n is odd (one short), else n and n + R + 1 (clamped)
  const want = tie && odd && (t.floor() % 2n !== 0n) ? qmax - 1n : qmax;
  if (qhi !== want) return { ok: false, detail: `Q(x_max) = ${qhi}, expected ${want} (x_min/s = ${t}${tie ? ', a tie' : ''}, q_max − q_min = ${qmax - qmin})` };
  if (p.zeroPoint < qmin || p.zeroPoint > qmax) return { ok: false, detail: `z = ${p.zeroPoint} outside the range` };
  return { ok: true };
}

const FORMAT: Record<Dtype, FloatFormat> = { float32: FLOAT32, float64: FLOAT64 };

/** quant.affine-params alone: scale within the derived bound, zero point admissible. */
export function paramsConformance(c0: QuantCase, impl: Implementation): Outcome {
  const p = precisionOf(impl);
  const fmt = FORMAT[impl.dtype];
  const c = inDtype(c0, impl.dtype);
  if (c.xmin === 0 && c.xmax === 0) return { ok: true };
  const got = impl.ops['quant.affine-params']!({ xmin: c.xmin, xmax: c.xmax, qmin: c.qmin, qmax: c.qmax }) as { scale: number; zeroPoint: number };
  if (!got || !Number.isFinite(got.scale) || got.scale <= 0 || !Number.isInteger(got.zeroPoint)) return { ok: false, detail: `params ${JSON.stringify(got)}` };
  const lo = Rational.min(Rational.fromFloat64(c.xmin), Rational.ZERO), hi = Rational.max(Rational.fromFloat64(c.xmax), Rational.ZERO);
  const exact = affineParams(lo, hi, BigInt(c.qmin), BigInt(c.qmax));
  const sHat = Rational.fromFloat64(got.scale);
  const bound = scaleBound(lo, hi, exact.scale, fmt, p);
  if (sHat.sub(exact.scale).abs().gt(bound)) return { ok: false, detail: `scale ${got.scale} vs exact ${exact.scale.toDecimal(10)}` };
  const [za, zb] = admissibleZeroPoint(lo, sHat, BigInt(c.qmin), BigInt(c.qmax), fmt, p);
  const z = BigInt(got.zeroPoint);
  if (z < za || z > zb) return { ok: false, detail: `zero point ${z}, admissible ${za}…${zb} (exact z = q_min − round(x_min/s) = ${exact.zeroPoint}; the notes' round(−x_min/s) = ${lo.neg().div(exact.scale).round('half-even')})` };
  return { ok: true };
}

export const claim: ClaimModule = {
  id: 'quant.affine-params',
  properties: [
    {
      name: 'endpoints',
      kind: 'identity',
      description: 'Exact: with z = q_min − round(x_min/s), Q(x_min) = q_min and Q(x_max) = q_max, except Q(x_max) = q_max − 1 when x_min/s is an exact half-integer and q_max − q_min is odd (half-to-even rounding does not commute with an odd shift).',
      arbitrary: paramCaseArb,
      runs: 100,
      check: (c) => paramsOutcome(c),
    },
    {
      name: 'params-conformance',
      kind: 'conformance',
      description: 'quant.affine-params: scale within γ₂·s (exact on dyadic ranges), zero point an admissible half-to-even rounding of q_min − x_min/ŝ.',
      arbitrary: quantCaseArb,
      ops: ['quant.affine-params'],
      runs: 80,
      check: (c, impl) => paramsConformance(c, impl!),
    },
  ],
  audit: () => {
    const xmin = Rational.of(-1), xmax = Rational.ONE;
    const s = xmax.sub(xmin).div(Rational.of(255));
    const zNotes = xmin.neg().div(s).round('half-even');
    const good = affineParams(xmin, xmax, -128n, 127n);
    const qminNotes = xmin.div(s).round('half-even') + zNotes, qmaxNotes = xmax.div(s).round('half-even') + zNotes;
    return [{
      id: 'quant.affine-params',
      verdict: 'refuted',
      evidence: `For a range [q_min, q_max] with q_min ≠ 0 the zero point must be q_min − round(x_min/s); round(−x_min/s) (004:3299) is right only for q_min = 0. ` +
        `int8, [x_min, x_max] = [−1, 1]: s = 2/255, the notes' z = round(127.5) = ${zNotes} (not an int8 value); x_min ↦ ${qminNotes}, x_max ↦ ${qmaxNotes} → clipped to 127; exactly z = ${good.zeroPoint}, x_min ↦ −128, x_max ↦ 127.`,
    }];
  },
};
