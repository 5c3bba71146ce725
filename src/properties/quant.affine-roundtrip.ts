/**
 * quant.affine-roundtrip — affine quantisation: |x − x̂| ≤ s/2 on [x_min, x_max], Q(x̂) = Q(x),
 * and 0 is exactly representable; conformance of quant.affine-params, quant.quantize and
 * quant.dequantize, chained and each on its own generator.
 * Seed 004_975819c312b074f9.txt, line 3421: "z = round(−x_min/s) = round(−(−2.3)/0.0270588) = round(84.99) = 85"
 *
 * Generators (issue 10, item 2). Their input classes, with the minimum shares declared in
 * src/ops/quantisation.ts, are measured by test/power/quant.*-generators.test.ts through the content
 * classifiers exported here:
 *  - calibration ranges that contain 0, that exclude it (x_min > 0 or x_max < 0, point ranges
 *    included: the widening to 0 is then visible), dyadic ones (s a power of two: exact-friendly),
 *    and the degenerate [0, 0];
 *  - values inside the range, outside it (saturation: the lower clamp) and huge (|x/s| ≥ 2³²:
 *    float → int conversion before the clamp);
 *  - integer ranges int8, uint8, int4, uint4, int16, uint16 and the narrow ones [−127, 127],
 *    [0, 127], [−64, 63], [−7, 7] (dequantize also int32, where q − z overflows int32);
 *  - values generated with float64 mantissas: a float64 run receives float64-only inputs, a float32
 *    run their float32 roundings (`inDtype`), on which the oracle is evaluated.
 */

import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome, Dtype } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { affineParams, quantize, dequantize, paramIndex, type QuantParams } from '../oracles/quantisation.js';
import { precisionOf, quantQuotientSlack, dequantizeBound, type Precision } from '../numerics/bounds.js';
import { gamma, roundToFormat, FLOAT32, FLOAT64, type FloatFormat } from '../numerics/float-format.js';

export interface QuantCase { xmin: number; xmax: number; xs: number[]; qmin: number; qmax: number }
export interface QuantizeArgs { x: number[]; scale: number; zeroPoint: number; qmin: number; qmax: number }
export interface DequantizeArgs { q: number[]; scale: number; zeroPoint: number }

/** The integer ranges: the six ONNX types, the narrow/reduced ones PyTorch and TFLite use. */
export const QTYPES: readonly { name: string; qmin: number; qmax: number; family: '8-bit' | '4-bit' | '16-bit' | 'narrow' }[] = [
  { name: 'int8', qmin: -128, qmax: 127, family: '8-bit' },
  { name: 'uint8', qmin: 0, qmax: 255, family: '8-bit' },
  { name: 'int4', qmin: -8, qmax: 7, family: '4-bit' },
  { name: 'uint4', qmin: 0, qmax: 15, family: '4-bit' },
  { name: 'int16', qmin: -32768, qmax: 32767, family: '16-bit' },
  { name: 'uint16', qmin: 0, qmax: 65535, family: '16-bit' },
  { name: 'int8-narrow', qmin: -127, qmax: 127, family: 'narrow' },
  { name: 'uint8-reduced', qmin: 0, qmax: 127, family: 'narrow' },
  { name: 'int8-reduced', qmin: -64, qmax: 63, family: 'narrow' },
  { name: 'int4-narrow', qmin: -7, qmax: 7, family: 'narrow' },
];
const INT32 = { qmin: -(2 ** 31), qmax: 2 ** 31 - 1 };
export const F32_MAX = 3.4028234663852886e38;
/** The longest x / q vector the direct generators produce (a "long" class reaches it). */
export const QUANT_MAX_N = 256;

// ----------------------------------------------------------------------------------- arbitraries

/** A positive float64 with a full 52-bit mantissa (float64-only), or a float32 one, times 2^e. */
function magnitude(emin: number, emax: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.tuple(fc.integer({ min: 2 ** 20, max: 2 ** 21 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: emin, max: emax }))
      .map(([hi, lo, e]) => (hi * 2 ** 32 + lo) * 2 ** (e - 52)),
    fc.tuple(fc.integer({ min: 2 ** 23, max: 2 ** 24 - 1 }), fc.integer({ min: emin, max: emax })).map(([m, e]) => m * 2 ** (e - 23)),
    fc.tuple(fc.integer({ min: 1, max: 255 }), fc.integer({ min: emin, max: emax })).map(([m, e]) => m * 2 ** (e - 7)),
  );
}
const signed = (a: fc.Arbitrary<number>) => fc.tuple(a, fc.boolean()).map(([v, neg]) => (neg ? -v : v));
const qtypeArb = fc.constantFrom(...QTYPES);
const HUGE = [1e10, 1e12, 2 ** 40, 1e20, 1e30, F32_MAX];

/** Points on [lo, hi] (fractions), outside it (below lo and above hi by up to its width), and huge ones. */
function pointsFor(lo: number, hi: number, s: number): fc.Arbitrary<number[]> {
  const w = Math.max(hi - lo, s);
  return fc.record({
    inside: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 10 }),
    below: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
    above: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
    huge: fc.oneof({ weight: 3, arbitrary: fc.constant([] as number[]) }, { weight: 1, arbitrary: fc.array(signed(fc.constantFrom(...HUGE)), { minLength: 1, maxLength: 2 }) }),
  }).map(({ inside, below, above, huge }) => [
    ...inside.map((t) => Math.min(hi, Math.max(lo, lo + t * (hi - lo)))),
    ...below.map((t) => lo - s - t * w),
    ...above.map((t) => hi + s + t * w),
    ...huge,
  ]);
}

/**
 * Dyadic calibration: s = 2^e and [lo, hi] with hi − lo = (q_max − q_min)·s, so every standard
 * algorithm computes s, z and x/s exactly. lo/s is an integer or a half-integer (a tie in z);
 * the range may also exclude 0 (then it widens to a dyadic one). Values are multiples of s/4 from
 * 8 steps below to 8 above the representable range: exact ties (k + ½)s included.
 */
const dyadicCase: fc.Arbitrary<QuantCase> = fc.record({
  t: qtypeArb,
  e: fc.integer({ min: -14, max: 6 }),
  m: fc.double({ min: 0, max: 1, noNaN: true }),
  half: fc.boolean(),
  shape: fc.constantFrom('contains', 'contains', 'positive', 'negative'),
  ks: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 16 }),
  quarter: fc.array(fc.constantFrom(0, 1, 2, 2, 3), { minLength: 16, maxLength: 16 }),
}).map(({ t, e, m, half, shape, ks, quarter }) => {
  const s = 2 ** e, R = t.qmax - t.qmin;
  let lo: number, hi: number, xmin: number, xmax: number;
  if (shape === 'contains') {
    const mm = Math.min(R - 1, Math.floor(m * R)) + (half ? 0.5 : 0);
    lo = -mm * s; hi = lo + R * s; xmin = lo; xmax = hi;
  } else if (shape === 'positive') {
    lo = 0; hi = R * s; xmin = Math.max(1, Math.floor(m * R)) * s; xmax = hi;
  } else {
    hi = 0; lo = -R * s; xmin = lo; xmax = -Math.max(1, Math.floor(m * R)) * s;
  }
  const z = t.qmin - Math.round(lo / s); // lo/s is an integer or a half-integer; its rounding does not matter here
  const xs = ks.map((k, i) => (Math.floor(k * (R + 17)) + t.qmin - z - 8 + quarter[i]! / 4) * s);
  return { xmin, xmax, qmin: t.qmin, qmax: t.qmax, xs: [xmin, xmax, 0, ...xs] };
});

/** A generic calibration range of the given shape, points inside, outside and (sometimes) huge. */
function genericCase(shape: 'contains' | 'positive' | 'negative'): fc.Arbitrary<QuantCase> {
  return fc.record({ t: qtypeArb, a: magnitude(-12, 10), b: magnitude(-12, 10), point: fc.integer({ min: 0, max: 5 }) })
    .chain(({ t, a, b, point }) => {
      let xmin: number, xmax: number;
      if (shape === 'contains') { xmin = -a; xmax = b; } else if (shape === 'positive') { xmin = Math.min(a, b); xmax = point === 0 ? xmin : Math.max(a, b); } else { xmin = -Math.max(a, b); xmax = point === 0 ? xmin : -Math.min(a, b); }
      const lo = Math.min(xmin, 0), hi = Math.max(xmax, 0);
      const s = (hi - lo) / (t.qmax - t.qmin);
      return pointsFor(xmin, xmax, s).map((pts) => ({ xmin, xmax, qmin: t.qmin, qmax: t.qmax, xs: [xmin, xmax, 0, ...pts] }));
    });
}

const degenerateCase: fc.Arbitrary<QuantCase> = qtypeArb.map((t) => ({ xmin: 0, xmax: 0, qmin: t.qmin, qmax: t.qmax, xs: [0] }));

/**
 * The chained case (affine-params → quantize → dequantize): weighted classes, see
 * `quantCaseClasses` and the minimum shares in src/ops/quantisation.ts.
 */
export const quantCaseArb: fc.Arbitrary<QuantCase> = fc.oneof(
  { weight: 30, arbitrary: genericCase('contains') },
  { weight: 15, arbitrary: genericCase('positive') },
  { weight: 15, arbitrary: genericCase('negative') },
  { weight: 35, arbitrary: dyadicCase },
  { weight: 5, arbitrary: degenerateCase },
);

/** Direct quantize: scale dyadic (exact, ties), or generic; values spanning, saturating and huge. */
export const quantizeArb: fc.Arbitrary<QuantizeArgs> = fc.record({
  t: qtypeArb,
  dyadic: fc.boolean(),
  e: fc.integer({ min: -14, max: 6 }),
  mag: magnitude(-16, 4),
  zf: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1)),
  n: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 32 }) }, { weight: 1, arbitrary: fc.integer({ min: 128, max: QUANT_MAX_N }) }),
  huge: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
}).chain(({ t, dyadic, e, mag, zf, n, huge, seed }) => {
  const scale = dyadic ? 2 ** e : mag;
  const R = t.qmax - t.qmin;
  const zeroPoint = t.qmin + Math.round(zf * R);
  const k = fc.integer({ min: t.qmin - zeroPoint - 24, max: t.qmax - zeroPoint + 24 });
  const el = dyadic
    ? fc.tuple(k, fc.constantFrom(0, 0.25, 0.5, 0.5, 0.75)).map(([i, f]) => (i + f) * scale)
    : fc.tuple(k, fc.double({ min: 0, max: 1, noNaN: true })).map(([i, f]) => (i + f) * scale);
  return fc.tuple(fc.array(el, { minLength: n, maxLength: n }), fc.array(signed(fc.constantFrom(...HUGE)), { minLength: huge, maxLength: huge }))
    .map(([xs, hs]) => {
      const x = [...xs];
      hs.forEach((h, i) => { if (x.length > 0) x[(seed + 7 * i) % x.length] = h; else x.push(h); });
      return { x, scale, zeroPoint, qmin: t.qmin, qmax: t.qmax };
    });
});

/** Direct dequantize: every integer range (int32 with q − z beyond int32 included), dyadic or generic scale. */
export const dequantizeArb: fc.Arbitrary<DequantizeArgs> = fc.record({
  t: fc.oneof({ weight: 4, arbitrary: qtypeArb.map((t) => ({ qmin: t.qmin, qmax: t.qmax })) }, { weight: 1, arbitrary: fc.constant(INT32) }),
  dyadic: fc.boolean(),
  e: fc.integer({ min: -20, max: 4 }),
  mag: magnitude(-20, 4),
  zf: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1)),
  n: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 32 }) }, { weight: 1, arbitrary: fc.integer({ min: 128, max: QUANT_MAX_N }) }),
}).chain(({ t, dyadic, e, mag, zf, n }) => {
  const zeroPoint = t.qmin + Math.round(zf * (t.qmax - t.qmin));
  const q = fc.oneof(fc.integer({ min: t.qmin, max: t.qmax }), fc.constantFrom(t.qmin, t.qmax, zeroPoint));
  return fc.array(q, { minLength: n, maxLength: n }).map((qs) => ({ q: qs, scale: dyadic ? 2 ** e : mag, zeroPoint }));
});

// ------------------------------------------------------------------------------------ classes

const FORMAT: Record<Dtype, FloatFormat> = { float32: FLOAT32, float64: FLOAT64 };
const cast = (dtype: Dtype) => (dtype === 'float32' ? Math.fround : (v: number) => v);

/** The case as a run in `dtype` sees it: float arguments rounded to that dtype (float32 runs). */
export function inDtype(c: QuantCase, dtype: Dtype): QuantCase {
  const r = cast(dtype);
  return { ...c, xmin: r(c.xmin), xmax: r(c.xmax), xs: c.xs.map(r) };
}

const isPow2 = (v: Rational) => v.sign() > 0 && (v.num === 1n || v.den === 1n) && ((v.num & (v.num - 1n)) === 0n) && ((v.den & (v.den - 1n)) === 0n);
const representable = (v: Rational, f: FloatFormat) => { const r = roundToFormat(v, f); return r !== 'inf' && r !== '-inf' && r.eq(v); };

/** The documented input classes a chained case belongs to (measured by the generator tests). */
export function quantCaseClasses(c: QuantCase): string[] {
  const out: string[] = [];
  const t = QTYPES.find((q) => q.qmin === c.qmin && q.qmax === c.qmax);
  if (t) out.push(`qtype-${t.family}`);
  if (c.xmin === 0 && c.xmax === 0) return [...out, 'degenerate'];
  if (c.xmin < 0 && c.xmax > 0) out.push('range-contains-zero');
  if (c.xmin > 0 || c.xmax < 0) out.push('range-excludes-zero');
  const lo = Math.min(c.xmin, 0), hi = Math.max(c.xmax, 0);
  const s = Rational.fromFloat64(hi).sub(Rational.fromFloat64(lo)).div(Rational.of(c.qmax - c.qmin));
  if (isPow2(s) && representable(s.mul(Rational.of(c.qmax - c.qmin)), FLOAT32)) out.push('dyadic');
  if (c.xs.some((x) => x < c.xmin || x > c.xmax)) out.push('outside-range');
  const sf = s.toFloat64();
  if (c.xs.some((x) => Math.abs(x) >= 2 ** 32 * sf)) out.push('huge');
  return out;
}

export function quantizeClasses(a: QuantizeArgs): string[] {
  const out: string[] = [];
  const s = Rational.fromFloat64(a.scale);
  if (isPow2(s)) {
    out.push('dyadic');
    if (a.x.some((x) => { const t = Rational.fromFloat64(x).div(s); return !t.isInteger() && t.add(Rational.of(1, 2)).isInteger(); })) out.push('exact-ties');
  } else out.push('generic-scale');
  if (a.x.some((x) => x / a.scale + a.zeroPoint < a.qmin - 1 || x / a.scale + a.zeroPoint > a.qmax + 1)) out.push('saturating');
  if (a.x.some((x) => Math.abs(x / a.scale) >= 2 ** 32)) out.push('huge');
  if (a.x.length >= 128) out.push('long');
  return out;
}

export function dequantizeClasses(a: DequantizeArgs): string[] {
  const out: string[] = [];
  if (a.q.some((q) => Math.abs(q - a.zeroPoint) >= 2 ** 31)) out.push('int32-overflow');
  out.push(isPow2(Rational.fromFloat64(a.scale)) ? 'dyadic' : 'generic-scale');
  if (a.q.length >= 128) out.push('long');
  return out;
}

// --------------------------------------------------------------------------------- acceptance

const clampB = (v: bigint, lo: bigint, hi: bigint) => (v < lo ? lo : v > hi ? hi : v);

/**
 * The integers round_half_even(t̂) for every t̂ with |t̂ − t| ≤ ρ|t|: round_half_even is monotone
 * and steps by 1, so they are exactly the integers from rhe(t − ρ|t|) to rhe(t + ρ|t|). With ρ = 0
 * this is the single half-to-even rounding of t (ties pinned); with ρ > 0 a near-tie admits both
 * neighbours (ties within float error are not bugs).
 */
export function roundingsOf(t: Rational, rho: Rational): [bigint, bigint] {
  const slack = t.abs().mul(rho);
  return [t.sub(slack).round('half-even'), t.add(slack).round('half-even')];
}

/** |t̂ − t| ≤ ρ|t| for t = x/s in `fmt`: ρ = 0 when t and 1/s are representable (bounds.ts quantQuotientSlack). */
export function quotientSlack(t: Rational, s: Rational, fmt: FloatFormat, p: Precision): Rational {
  return Rational.fromFloat64(quantQuotientSlack(isPow2(s) && representable(s, fmt) && representable(t, fmt), p));
}

/** Admissible quantize results [lo, hi] for x with scale s and zero point z (clamped to [qmin, qmax]). */
export function admissibleQuantize(x: Rational, s: Rational, z: bigint, qmin: bigint, qmax: bigint, fmt: FloatFormat, p: Precision): [bigint, bigint] {
  const t = x.div(s);
  const [k1, k2] = roundingsOf(t, quotientSlack(t, s, fmt, p));
  return [clampB(k1 + z, qmin, qmax), clampB(k2 + z, qmin, qmax)];
}

/** Admissible zero points for the implementation's scale ŝ: clamp(q_min − rhe(t̂)), t̂ within slack of lo/ŝ. */
export function admissibleZeroPoint(lo: Rational, sHat: Rational, qmin: bigint, qmax: bigint, fmt: FloatFormat, p: Precision): [bigint, bigint] {
  const t = lo.div(sHat);
  const [k1, k2] = roundingsOf(t, quotientSlack(t, sHat, fmt, p));
  const a = clampB(qmin - k2, qmin, qmax), b = clampB(qmin - k1, qmin, qmax);
  return [a, b];
}

/** The scale slack: 0 when hi − lo and s are representable (every algorithm exact), else γ₂ (two roundings). */
export function scaleBound(lo: Rational, hi: Rational, s: Rational, fmt: FloatFormat, p: Precision): Rational {
  if (representable(hi.sub(lo), fmt) && representable(s, fmt)) return Rational.ZERO;
  return s.mul(Rational.fromFloat64(gamma(2, p.u)));
}

const intRepresentable = (v: bigint, fmt: FloatFormat) => representable(Rational.of(v), fmt);

/** |x̂ − s(q − z)| allowed for dequantize (bounds.ts dequantizeBound), as an exact rational. */
export function dequantizeAllowance(q: bigint, s: Rational, z: bigint, fmt: FloatFormat, p: Precision): Rational {
  const x = s.mul(Rational.of(q - z));
  const sf = s.toFloat64();
  const b = dequantizeBound({
    s: sf, q: Number(q), z: Number(z), x: Math.abs(x.toFloat64()) * (1 + 2 ** -50),
    sPow2: isPow2(s), qExact: intRepresentable(q, fmt), zExact: intRepresentable(z, fmt), dExact: intRepresentable(q - z, fmt),
    sSubnormal: s.lt(Rational.of(1n, 1n << BigInt(-(fmt.emin)))),
  }, p);
  return Rational.fromFloat64(b);
}

const show = (a: bigint, b: bigint) => (a === b ? `${a}` : `${a}…${b}`);

/** Check quantize results element by element. */
function checkQuantized(xs: number[], qs: unknown, sHat: Rational, zHat: bigint, qmin: bigint, qmax: bigint, fmt: FloatFormat, p: Precision, scale: number): Outcome {
  if (!Array.isArray(qs) || qs.length !== xs.length) return { ok: false, detail: `quantize returned ${JSON.stringify(qs)?.slice(0, 80)} for ${xs.length} values` };
  for (let i = 0; i < xs.length; i++) {
    const [a, b] = admissibleQuantize(Rational.fromFloat64(xs[i]!), sHat, zHat, qmin, qmax, fmt, p);
    const got = qs[i];
    if (typeof got !== 'number' || !Number.isInteger(got) || BigInt(got) < a || BigInt(got) > b) {
      return { ok: false, detail: `quantize(${xs[i]}) = ${got}, admissible ${show(a, b)} (s = ${scale}, z = ${zHat}, [${qmin}, ${qmax}]; round half to even${a === b ? ', every algorithm exact here' : ''})` };
    }
  }
  return { ok: true };
}

/** Check dequantize results; returns the worst error/bound ratio. */
function checkDequantized(qs: number[], xh: unknown, sHat: Rational, zHat: bigint, fmt: FloatFormat, p: Precision): Outcome {
  if (!Array.isArray(xh) || xh.length !== qs.length) return { ok: false, detail: `dequantize returned ${JSON.stringify(xh)?.slice(0, 80)} for ${qs.length} values` };
  let worst = 0;
  for (let i = 0; i < qs.length; i++) {
    const v = xh[i];
    const want = dequantize(BigInt(qs[i]!), { scale: sHat, zeroPoint: zHat });
    if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, detail: `dequantize(${qs[i]}) = ${v}, exact ŝ(q − ẑ) = ${want.toDecimal(10)}` };
    const err = Rational.fromFloat64(v).sub(want).abs();
    const bound = dequantizeAllowance(BigInt(qs[i]!), sHat, zHat, fmt, p);
    if (err.gt(bound)) {
      return { ok: false, ratio: bound.isZero() ? Infinity : err.div(bound).toFloat64(), detail: `dequantize(${qs[i]}) = ${v}, exact s(q − z) = ${want.toDecimal(10)} (s = ${sHat.toFloat64()}, z = ${zHat}), allowed error ${bound.toFloat64().toExponential(3)}${bound.isZero() ? ' (every algorithm exact here)' : ''}` };
    }
    if (!bound.isZero()) worst = Math.max(worst, err.div(bound).toFloat64());
  }
  return { ok: true, ratio: worst };
}

/** Exact round-trip properties for given parameters (used with the oracle's and with wrong parameters). */
export function roundTripOutcome(c: QuantCase, p: QuantParams): Outcome {
  const qmin = BigInt(c.qmin), qmax = BigInt(c.qmax);
  const half = p.scale.div(Rational.of(2));
  const lo = Math.min(c.xmin, 0), hi = Math.max(c.xmax, 0);
  for (const v of c.xs) {
    if (v < lo || v > hi) continue; // the round-trip claim is about the calibration range
    const x = Rational.fromFloat64(v);
    const q = quantize(x, p, qmin, qmax);
    const xh = dequantize(q, p);
    const err = x.sub(xh).abs();
    if (err.gt(half)) return { ok: false, detail: `x = ${v}: q = ${q}, x̂ = ${xh.toDecimal(8)}, |x − x̂| = ${err.toDecimal(6)} > s/2 = ${half.toDecimal(6)} (s = ${p.scale}, z = ${p.zeroPoint})` };
    const q2 = quantize(xh, p, qmin, qmax);
    if (q2 !== q) return { ok: false, detail: `x = ${v}: Q(x) = ${q} but Q(x̂) = ${q2}` };
  }
  const zero = dequantize(quantize(Rational.ZERO, p, qmin, qmax), p);
  if (!zero.isZero()) return { ok: false, detail: `0 dequantises to ${zero}` };
  return { ok: true };
}

/** Conformance of quant.affine-params, quant.quantize, quant.dequantize on one chained case. */
export function quantConformance(c0: QuantCase, impl: Implementation): Outcome {
  const p = precisionOf(impl);
  const fmt = FORMAT[impl.dtype];
  const c = inDtype(c0, impl.dtype);
  const qmin = BigInt(c.qmin), qmax = BigInt(c.qmax);
  const got = impl.ops['quant.affine-params']!({ xmin: c.xmin, xmax: c.xmax, qmin: c.qmin, qmax: c.qmax }) as { scale: number; zeroPoint: number };
  if (!got || !Number.isFinite(got.scale) || got.scale <= 0 || !Number.isInteger(got.zeroPoint)) return { ok: false, detail: `params ${JSON.stringify(got)}` };
  // Degenerate range x_min = x_max = 0: no scale is determined (the oracle's convention is s = 1,
  // z = 0; other libraries pick another positive s or a zero point such as q_min). Any positive
  // scale and any in-range zero point keep 0 exactly representable, which is all the claim asks.
  if (c.xmin === 0 && c.xmax === 0) {
    if (got.zeroPoint < c.qmin || got.zeroPoint > c.qmax) return { ok: false, detail: `degenerate range: zero point ${got.zeroPoint} outside [${c.qmin}, ${c.qmax}]` };
    const q0 = impl.ops['quant.quantize']!({ x: [0], scale: got.scale, zeroPoint: got.zeroPoint, qmin: c.qmin, qmax: c.qmax }) as number[];
    const x0 = impl.ops['quant.dequantize']!({ q: q0, scale: got.scale, zeroPoint: got.zeroPoint }) as number[];
    return x0[0] === 0 ? { ok: true, ratio: 0 } : { ok: false, detail: `degenerate range: 0 quantises to ${q0[0]} and dequantises to ${x0[0]}` };
  }
  const lo = Rational.min(Rational.fromFloat64(c.xmin), Rational.ZERO);
  const hi = Rational.max(Rational.fromFloat64(c.xmax), Rational.ZERO);
  const exact = affineParams(lo, hi, qmin, qmax);
  const sHat = Rational.fromFloat64(got.scale);
  const sErr = sHat.sub(exact.scale).abs();
  const sBound = scaleBound(lo, hi, exact.scale, fmt, p);
  if (sErr.gt(sBound)) {
    return { ok: false, ratio: sBound.isZero() ? Infinity : sErr.div(sBound).toFloat64(), detail: `scale ${got.scale} vs exact ${exact.scale.toDecimal(10)} for the range [${c.xmin}, ${c.xmax}] widened to contain 0, [${c.qmin}, ${c.qmax}]: ${sBound.isZero() ? 'every algorithm is exact here' : '|error| beyond γ₂·s'}` };
  }
  const [za, zb] = admissibleZeroPoint(lo, sHat, qmin, qmax, fmt, p);
  const zHat = BigInt(got.zeroPoint);
  if (zHat < za || zHat > zb) return { ok: false, detail: `zero point ${zHat}, admissible ${show(za, zb)} for ŝ = ${got.scale} (exact z = ${exact.zeroPoint}, range [${c.xmin}, ${c.xmax}] → [${lo.toFloat64()}, ${hi.toFloat64()}], [${c.qmin}, ${c.qmax}], round half to even)` };
  const qs = impl.ops['quant.quantize']!({ x: c.xs, scale: got.scale, zeroPoint: got.zeroPoint, qmin: c.qmin, qmax: c.qmax });
  const rq = checkQuantized(c.xs, qs, sHat, zHat, qmin, qmax, fmt, p, got.scale);
  if (!rq.ok) return rq;
  const xh = impl.ops['quant.dequantize']!({ q: qs, scale: got.scale, zeroPoint: got.zeroPoint });
  const rd = checkDequantized(qs as number[], xh, sHat, zHat, fmt, p);
  if (!rd.ok) return rd;
  return { ok: true, ratio: Math.max(rd.ratio ?? 0, sErr.isZero() ? 0 : sErr.div(sBound).toFloat64()) };
}

/** Conformance of quant.quantize on its own generator. */
export function quantizeConformance(a0: QuantizeArgs, impl: Implementation): Outcome {
  const r = cast(impl.dtype);
  const a = { ...a0, x: a0.x.map(r), scale: r(a0.scale) };
  const qs = impl.ops['quant.quantize']!(a);
  return checkQuantized(a.x, qs, Rational.fromFloat64(a.scale), BigInt(a.zeroPoint), BigInt(a.qmin), BigInt(a.qmax), FORMAT[impl.dtype], precisionOf(impl), a.scale);
}

/** Conformance of quant.dequantize on its own generator. */
export function dequantizeConformance(a0: DequantizeArgs, impl: Implementation): Outcome {
  const a = { ...a0, scale: cast(impl.dtype)(a0.scale) };
  const xh = impl.ops['quant.dequantize']!(a);
  return checkDequantized(a.q, xh, Rational.fromFloat64(a.scale), BigInt(a.zeroPoint), FORMAT[impl.dtype], precisionOf(impl));
}

const dec = (s: string) => Rational.parse(s);
const NOTES_X = ['0.5', '-1.2', '3.4', '2.1', '-0.7', '1.8', '0.0', '4.6', '-2.3', '1.1'];
const NOTES_Q = [103n, 41n, 127n, 127n, 59n, 127n, 85n, 127n, 0n, 126n];


// ------------------------------------------------------------------------ per-axis / blocked layout

export interface LayoutArgs { x: number[]; scale: number; zeroPoint: number; qmin: number; qmax: number; shape: number[]; axis: number; blockSize?: number; scales: number[]; zeroPoints: number[] }

/** Integer target ranges of the layout generator: the ONNX types incl. the 2-bit ones (int2 [−2, 1], uint2 [0, 3]). */
export const LAYOUT_QTYPES = [...QTYPES.filter((t) => t.family !== 'narrow'), { name: 'int2', qmin: -2, qmax: 1, family: '2-bit' }, { name: 'uint2', qmin: 0, qmax: 3, family: '2-bit' }] as const;

/**
 * Shapes of rank 1–3 (dims 1–7), an axis (negative half the time), per-axis or blocked (B = 1…4 or
 * beyond the dim: one block), scales dyadic (exact ties) or generic, zero points anywhere in range;
 * x a multiple of s/4 near the range of its own scale (ties, saturation on both sides).
 */
export const quantizeAxisArb: fc.Arbitrary<LayoutArgs> = fc.record({
  t: fc.constantFrom(...LAYOUT_QTYPES),
  shape: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
  axisPick: fc.nat(),
  negative: fc.boolean(),
  blocked: fc.boolean(),
  B: fc.integer({ min: 1, max: 9 }),
  seed: fc.integer({ min: 0, max: 2 ** 30 }),
  dyadic: fc.boolean(),
}).chain(({ t, shape, axisPick, negative, blocked, B, seed, dyadic }) => {
  const r = shape.length, ax = axisPick % r;
  const axis = negative ? ax - r : ax;
  const blockSize = blocked ? B : undefined;
  const nS = blocked ? shape.reduce((p, d, i) => p * (i === ax ? Math.ceil(d / B) : d), 1) : shape[ax]!;
  const n = shape.reduce((p, d) => p * d, 1);
  const R = t.qmax - t.qmin;
  return fc.record({
    scales: fc.array(dyadic ? fc.integer({ min: -10, max: 4 }).map((e) => 2 ** e) : magnitude(-10, 4), { minLength: nS, maxLength: nS }),
    zeroPoints: fc.array(fc.integer({ min: t.qmin, max: t.qmax }), { minLength: nS, maxLength: nS }),
    ks: fc.array(fc.tuple(fc.integer({ min: -R - 4, max: R + 4 }), fc.constantFrom(0, 0.25, 0.5, 0.5, 0.75), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: n, maxLength: n }),
  }).map(({ scales, zeroPoints, ks }) => {
    const x = ks.map(([k, f, g], i) => {
      const j = paramIndex(i, shape, axis, blockSize);
      return (k + (dyadic ? f : g)) * scales[j]!;
    });
    return { x, scale: 1, zeroPoint: 0, qmin: t.qmin, qmax: t.qmax, shape, axis, ...(blockSize ? { blockSize } : {}), scales, zeroPoints } as LayoutArgs;
  });
});

export function layoutClasses(a: LayoutArgs): string[] {
  const out: string[] = [a.blockSize ? 'blocked' : 'per-axis'];
  const ax = a.axis < 0 ? a.axis + a.shape.length : a.axis;
  if (a.blockSize && a.shape[ax]! % a.blockSize !== 0) out.push('partial-block');
  if (a.axis < 0) out.push('negative-axis');
  if (a.qmax - a.qmin === 3) out.push('2-bit');
  if (a.shape.length >= 2) out.push('rank-2+');
  return out;
}

/** Conformance of quant.quantize then quant.dequantize with a per-axis / blocked layout: element i against its own scale and zero point. */
export function layoutConformance(a0: LayoutArgs, impl: Implementation): Outcome {
  const r = cast(impl.dtype);
  const a = { ...a0, x: a0.x.map(r), scales: a0.scales.map(r) };
  const fmt = FORMAT[impl.dtype], p = precisionOf(impl);
  const qs = impl.ops['quant.quantize']!(a) as number[];
  if (!Array.isArray(qs) || qs.length !== a.x.length) return { ok: false, detail: `quantize returned ${JSON.stringify(qs)?.slice(0, 80)} for ${a.x.length} values` };
  const where = (i: number) => `element ${i} of shape [${a.shape}] (axis ${a.axis}${a.blockSize ? `, blockSize ${a.blockSize}` : ''}, scale index ${paramIndex(i, a.shape, a.axis, a.blockSize)})`;
  for (let i = 0; i < a.x.length; i++) {
    const k = paramIndex(i, a.shape, a.axis, a.blockSize);
    const s = Rational.fromFloat64(a.scales[k]!), z = BigInt(a.zeroPoints[k]!);
    const [lo, hi] = admissibleQuantize(Rational.fromFloat64(a.x[i]!), s, z, BigInt(a.qmin), BigInt(a.qmax), fmt, p);
    const g = qs[i]!;
    if (!Number.isInteger(g) || BigInt(g) < lo || BigInt(g) > hi) return { ok: false, detail: `quantize: ${where(i)}: x = ${a.x[i]}, s = ${a.scales[k]}, z = ${z}: q = ${g}, admissible ${show(lo, hi)}` };
  }
  const xh = impl.ops['quant.dequantize']!({ q: qs, scale: 1, zeroPoint: 0, shape: a.shape, axis: a.axis, ...(a.blockSize ? { blockSize: a.blockSize } : {}), scales: a.scales, zeroPoints: a.zeroPoints }) as number[];
  if (!Array.isArray(xh) || xh.length !== qs.length) return { ok: false, detail: `dequantize returned ${JSON.stringify(xh)?.slice(0, 80)}` };
  let worst = 0;
  for (let i = 0; i < qs.length; i++) {
    const k = paramIndex(i, a.shape, a.axis, a.blockSize);
    const s = Rational.fromFloat64(a.scales[k]!), z = BigInt(a.zeroPoints[k]!), q = BigInt(qs[i]!);
    const want = dequantize(q, { scale: s, zeroPoint: z });
    const v = xh[i]!;
    if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, detail: `dequantize: ${where(i)}: ${v}` };
    const err = Rational.fromFloat64(v).sub(want).abs(), bound = dequantizeAllowance(q, s, z, fmt, p);
    if (err.gt(bound)) return { ok: false, detail: `dequantize: ${where(i)}: q = ${q}: ${v}, exact s(q − z) = ${want.toDecimal(10)} (s = ${a.scales[k]}, z = ${z}), allowed ${bound.toFloat64().toExponential(3)}` };
    if (!bound.isZero()) worst = Math.max(worst, err.div(bound).toFloat64());
  }
  return { ok: true, ratio: worst };
}

export const claim: ClaimModule = {
  id: 'quant.affine-roundtrip',
  properties: [
    {
      name: 'roundtrip',
      kind: 'identity',
      description: 'Exact: |x − x̂| ≤ s/2 for x in [x_min, x_max] (widened to contain 0), Q(x̂) = Q(x), and x̂(0) = 0, for every integer range.',
      arbitrary: quantCaseArb,
      runs: 150,
      check: (c) => roundTripOutcome(c, affineParams(Rational.fromFloat64(c.xmin), Rational.fromFloat64(c.xmax), BigInt(c.qmin), BigInt(c.qmax))),
    },
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'Chained affine-params → quantize → dequantize: scale within γ₂·s (exact on dyadic ranges); zero point and every quantised value an admissible half-to-even rounding (either neighbour only of a near-tie within float error); dequantise within the derived bound.',
      arbitrary: quantCaseArb,
      ops: ['quant.affine-params', 'quant.quantize', 'quant.dequantize'],
      runs: 120,
      check: (c, impl) => quantConformance(c, impl!),
    },
    {
      name: 'quantize',
      kind: 'conformance',
      description: 'quant.quantize on its own: saturating, huge and exactly tied values, dyadic and generic scales, every integer range; each result an admissible half-to-even rounding plus z, clamped.',
      arbitrary: quantizeArb,
      ops: ['quant.quantize'],
      runs: 100,
      check: (a, impl) => quantizeConformance(a, impl!),
    },
    {
      name: 'dequantize',
      kind: 'conformance',
      description: 'quant.dequantize on its own, int32 ranges included (q − z beyond int32): within the bound covering the exact-difference, convert-then-subtract and scale-and-bias algorithms; exact for dyadic scales.',
      arbitrary: dequantizeArb,
      ops: ['quant.dequantize'],
      runs: 100,
      check: (a, impl) => dequantizeConformance(a, impl!),
    },
    {
      name: 'quantize-axis',
      kind: 'conformance',
      description: 'quant.quantize then quant.dequantize with per-axis and blocked (ONNX opset 21) scales and zero points, rank 1–3, negative axes, partial last blocks, int2…uint16 ranges: each element against its own scale (admissible half-to-even roundings; dequantise within the derived bound).',
      arbitrary: quantizeAxisArb,
      ops: ['quant.quantize', 'quant.dequantize'],
      runs: 80,
      check: (a, impl) => layoutConformance(a, impl!),
    },
  ],
  audit: () => {
    const xs = NOTES_X.map(dec);
    const xmin = dec('-2.3'), xmax = dec('4.6');
    const s = xmax.sub(xmin).div(Rational.of(255));
    const zNotes = xmin.neg().div(s).round();
    const notesP: QuantParams = { scale: s, zeroPoint: zNotes };
    const qNotes = xs.map((x) => quantize(x, notesP, -128n, 127n));
    const reproduces = qNotes.every((q, i) => q === NOTES_Q[i]);
    const errs = xs.map((x, i) => x.sub(dequantize(qNotes[i]!, notesP)).abs());
    const worst = errs.reduce((a, b) => (b.gt(a) ? b : a));
    const signed = affineParams(xmin, xmax, -128n, 127n);
    const qSigned = xs.map((x) => quantize(x, signed, -128n, 127n));
    const worstSigned = xs.map((x, i) => x.sub(dequantize(qSigned[i]!, signed)).abs()).reduce((a, b) => (b.gt(a) ? b : a));
    const clipped = xs.filter((x) => x.div(s).round() + zNotes > 127n).length;
    const r18 = dec('1.8').div(s);
    return [
      {
        id: 'quant.affine-roundtrip',
        verdict: 'refuted',
        evidence: `The worked example (004:3409–3477) mixes conventions: s uses the signed range (255 = 127 − (−128)) and q is clipped to [−128, 127], ` +
          `but z = round(−x_min/s) = ${zNotes} is the unsigned formula. Recomputing the notes' scheme exactly ${reproduces ? 'reproduces' : 'does NOT reproduce'} their ` +
          `q = [${qNotes.join(', ')}]; ${clipped} of 10 values inside [x_min, x_max] saturate at 127 and the worst error is ${worst.toDecimal(6)} ` +
          `(> s/2 = ${s.div(Rational.of(2)).toDecimal(6)}). Consistent signed parameters: z = ${signed.zeroPoint}, ` +
          `q = [${qSigned.join(', ')}], worst error ${worstSigned.toDecimal(6)} ≤ s/2.`,
      },
      {
        id: 'quant.affine-roundtrip#scale',
        verdict: 'confirmed',
        evidence: `s = 6.9/255 = ${s} = ${s.toDecimal(9)} (the notes' 0.0270588 and 0.02706 are roundings); −x_min/s = ${xmin.neg().div(s)} exactly, ` +
          `so z = 85 (the notes' "round(84.99)" is an artefact of the rounded s).`,
      },
      {
        id: 'quant.affine-roundtrip#row-1.8',
        verdict: 'refuted',
        evidence: `Row x = 1.8: the notes give x/s = 66.50 and round 66; exactly x/s = ${r18} ≈ ${r18.toDecimal(6)}, which rounds to ${r18.round()} ` +
          `(the clipped result 127 in the notes' scheme is unchanged; in the signed scheme q = ${qSigned[5]}).`,
      },
    ];
  },
};
