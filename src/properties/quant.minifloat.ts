/**
 * Shared by quant.type-table (the float8/float4 cast properties), the fixtures, the power tests and
 * the ONNX verifier: the exhaustive input sets of quant.cast-float8 / quant.cast-float4, their content
 * classifier, and the exact comparison with the oracle (miniEncode: a set of admissible codes).
 * Not a claim module (no `claim` export).
 */
import fc from 'fast-check';
import type { Implementation, Outcome, Dtype } from '../registry/types.js';
import { MINIFLOATS, miniDecode, miniEncode, miniMaxCode, paramIndex, quantizeFloat8, dequantizeFloat8, type MiniFloat, type MiniFloatName } from '../oracles/quantisation.js';
import { Rational } from '../numerics/rational.js';
import { roundToFormat, FLOAT32, FLOAT64 } from '../numerics/float-format.js';
import { precisionOf } from '../numerics/bounds.js';
import { float8DequantizeBound } from '../numerics/bounds-float8.js';

export const FLOAT8_FORMATS = ['E4M3FN', 'E4M3FNUZ', 'E5M2', 'E5M2FNUZ'] as const;
export interface CastArgs { x: number[]; format: MiniFloatName; saturate: boolean }

const f64 = new Float64Array(1), u64 = new BigUint64Array(f64.buffer);
const f32 = new Float32Array(1), u32 = new Uint32Array(f32.buffer);
/** The next float64 (dir = +1) or previous one (dir = −1) of a positive finite v. */
export function step64(v: number, dir: 1 | -1): number { f64[0] = v; u64[0] = u64[0]! + (dir > 0 ? 1n : -1n); return f64[0]!; }
/** The same in float32 (v a positive float32). */
export function step32(v: number, dir: 1 | -1): number { f32[0] = v; u32[0] = u32[0]! + dir; return f32[0]!; }

/** The positive levels 0 = v_0 < … < v_K of a format and the next value v_{K+1} of the unbounded grid. */
export function miniLevels(f: MiniFloat): number[] {
  const K = miniMaxCode(f);
  const out: number[] = [];
  for (let c = 0; c <= K; c++) { const d = miniDecode(f, c); if (d.kind === 'finite') out.push(d.value.toFloat64()); }
  const top = out[out.length - 1]!, prev = out[out.length - 2]!;
  // the next grid value above the largest: same spacing unless the largest ends a binade (then the next binade's first value)
  const spacing = top - prev, nextBinade = 2 ** Math.ceil(Math.log2(top + spacing / 2));
  out.push(Math.min(top + spacing, nextBinade));
  return out;
}

export type PointClass = 'every-code' | 'midpoints' | 'near-midpoints' | 'overflow' | 'nan-and-zeros';

/** Every level (both signs), every midpoint and its float32 and float64 neighbours (both signs), ±∞, huge values, NaN, ±0, tiny values. */
export function exhaustivePoints(f: MiniFloat): { x: number; cls: PointClass }[] {
  const L = miniLevels(f);
  const pts: { x: number; cls: PointClass }[] = [];
  const both = (x: number, cls: PointClass) => { pts.push({ x, cls }, { x: -x, cls }); };
  for (let j = 1; j < L.length - 1; j++) both(L[j]!, 'every-code');
  for (let j = 0; j + 1 < L.length; j++) {
    const m = (L[j]! + L[j + 1]!) / 2;
    both(m, 'midpoints');
    for (const d of [1, -1] as const) { both(step32(m, d), 'near-midpoints'); both(step64(m, d), 'near-midpoints'); }
  }
  const top = L[L.length - 1]!;
  for (const h of [top, top * 1.5, 1e6, 3.4028234663852886e38, 1e300, Infinity]) both(h, 'overflow');
  pts.push({ x: NaN, cls: 'nan-and-zeros' });
  for (const t of [0, 2 ** -149, 2 ** -1074, L[1]! / 4]) both(t, 'nan-and-zeros');
  return pts;
}

const cache = new Map<string, CastArgs & { classes: string[] }>();
/** The exhaustive case of one format and saturate flag (cached: the same array every time). */
export function exhaustiveCase(format: MiniFloatName, saturate: boolean): CastArgs {
  const key = `${format}/${saturate}`;
  let c = cache.get(key);
  if (!c) {
    const pts = exhaustivePoints(MINIFLOATS[format]);
    c = { x: pts.map((p) => p.x), format, saturate, classes: [...new Set(pts.map((p) => p.cls))] };
    if (format === 'E2M1') c.x = c.x.filter((v) => !Number.isNaN(v));
    cache.set(key, c);
  }
  return c;
}

/** The classes of a cast case (by content: every class is present when every kind of point is). */
export function castClasses(a: CastArgs): string[] {
  const f = MINIFLOATS[a.format];
  const L = miniLevels(f);
  const mids = new Set(L.slice(1).map((v, j) => (v + L[j]!) / 2));
  const out: string[] = [];
  const abs = a.x.map(Math.abs);
  if (L.slice(1, -1).every((v) => abs.includes(v))) out.push('every-code');
  if ([...mids].every((m) => abs.includes(m))) out.push('midpoints');
  if ([...mids].every((m) => abs.includes(step32(m, 1)) && abs.includes(step32(m, -1)))) out.push('near-midpoints');
  if (abs.includes(Infinity) && abs.some((v) => Number.isFinite(v) && v > L[L.length - 1]!)) out.push('overflow');
  if ((a.x.some(Number.isNaN) || a.format === 'E2M1') && a.x.some((v) => Object.is(v, -0)) && a.x.some((v) => Object.is(v, 0))) out.push('nan-and-zeros');
  return out;
}

export const castFloat8Arb: fc.Arbitrary<CastArgs> = fc.record({ format: fc.constantFrom(...FLOAT8_FORMATS), saturate: fc.boolean() })
  .map(({ format, saturate }) => exhaustiveCase(format, saturate));
export const castFloat4Arb: fc.Arbitrary<{ x: number[] }> = fc.constant(exhaustiveCase('E2M1', true)).map((c) => ({ x: c.x }));

const hex = (c: number) => `0x${c.toString(16).padStart(2, '0')}`;

/** The codes returned for `x` (in the run's dtype) against the oracle's admissible sets, exactly. */
export function castCheck(x: number[], got: unknown, format: MiniFloatName, saturate: boolean): Outcome {
  if (!Array.isArray(got) || got.length !== x.length) return { ok: false, detail: `cast returned ${JSON.stringify(got)?.slice(0, 80)} for ${x.length} values` };
  const f = MINIFLOATS[format];
  for (let i = 0; i < x.length; i++) {
    const adm = miniEncode(f, x[i]!, saturate);
    const g = got[i];
    if (typeof g !== 'number' || !adm.includes(g)) {
      const d = adm.length === 1 ? miniDecode(f, adm[0]!) : undefined;
      return { ok: false, detail: `${format}${format === 'E2M1' ? '' : ` saturate=${saturate}`}: cast(${Object.is(x[i], -0) ? '-0' : x[i]}) = ${typeof g === 'number' ? hex(g) : JSON.stringify(g)}, expected ${adm.length > 4 ? 'a NaN code' : adm.map(hex).join(' | ')}${d && d.kind === 'finite' ? ` (${d.neg ? '−' : ''}${d.value.toDecimal(8)})` : ''}` };
    }
  }
  return { ok: true };
}

const inDtype = (dtype: Dtype) => (dtype === 'float32' ? Math.fround : (v: number) => v);

export function castFloat8Conformance(a: CastArgs, impl: Implementation): Outcome {
  const x = a.x.map(inDtype(impl.dtype));
  return castCheck(x, impl.ops['quant.cast-float8']!({ x, format: a.format, saturate: a.saturate }), a.format, a.saturate);
}

export function castFloat4Conformance(a: { x: number[] }, impl: Implementation): Outcome {
  const x = a.x.map(inDtype(impl.dtype));
  return castCheck(x, impl.ops['quant.cast-float4']!({ x }), 'E2M1', true);
}

/** Oracle self-consistency over every code: decode, then encode, gives the code back (NaN codes and the UZ formats' 0x80 aside). */
export function decodeAllOutcome(format: MiniFloatName): Outcome {
  const f = MINIFLOATS[format];
  const n = format === 'E2M1' ? 16 : 256;
  for (let c = 0; c < n; c++) {
    const d = miniDecode(f, c);
    if (d.kind === 'nan') continue;
    const x = d.kind === 'inf' ? (d.neg ? -Infinity : Infinity) : (d.neg ? -1 : 1) * d.value.toFloat64();
    const v = d.kind === 'finite' && d.value.isZero() && d.neg ? -0 : x;
    const back = miniEncode(f, v, d.kind !== 'inf');
    if (back.length !== 1 || back[0] !== c) return { ok: false, detail: `${format}: code ${hex(c)} decodes to ${v} which encodes to ${back.map(hex)}` };
  }
  return { ok: true };
}

/** Random values for the fixtures: a level times (1 + t) with t in [−½, ½], both signs (float32 values). */
export const castRandomArb: fc.Arbitrary<CastArgs> = fc.record({
  format: fc.constantFrom<MiniFloatName>(...FLOAT8_FORMATS),
  saturate: fc.boolean(),
  picks: fc.array(fc.tuple(fc.integer({ min: 0, max: 1023 }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 24 }),
}).map(({ format, saturate, picks }) => {
  const L = miniLevels(MINIFLOATS[format]);
  return { format, saturate, x: picks.map(([i, t, neg]) => Math.fround((neg ? -1 : 1) * L[1 + (i % (L.length - 1))]! * (1 + t))) };
});


// ------------------------------------------------------------------ float8 QuantizeLinear / DequantizeLinear
// (quant.quantize / quant.dequantize with `format`: y = cast_f8(fl_d(x/s)), x̂ = s·v(q))

export type Float8Name = (typeof FLOAT8_FORMATS)[number];
export interface QuantizeF8Args {
  x: number[]; scale: number; zeroPoint: 0; qmin: 0; qmax: 255; format: Float8Name; saturate: boolean;
  shape?: number[]; axis?: number; blockSize?: number; scales?: number[]; zeroPoints?: number[];
}

const F8_KINDS = ['level', 'mid', 'mid', 'near-mid', 'random', 'overflow', 'zero', 'quotient-overflow'] as const;

/**
 * Float8 QuantizeLinear cases: a format and saturate flag; a float32 scale, a power of two (x/s exact:
 * midpoints are exact ties) or a generic float32 mantissa (x = fl32(m·s) for a midpoint m makes
 * fl32(x/s) land on m while the exact quotient does not: the double rounding ONNX prescribes decides);
 * per tensor, or per-axis / blocked along an axis of a rank-2 shape (30%). Elements: levels, midpoints
 * and their neighbours times s, random values, overflow beyond the largest finite value and around the next
 * value of the unbounded grid (E4M3FN: 480), ±0 and tiny
 * values, and quotients that overflow float32 (x near 3·10³⁸ with s < 1). All x are float32 values.
 */
export const quantizeFloat8Arb: fc.Arbitrary<QuantizeF8Args> = fc.record({
  format: fc.constantFrom(...FLOAT8_FORMATS),
  saturate: fc.boolean(),
  layout: fc.constantFrom('tensor', 'tensor', 'tensor', 'axis', 'block'),
  rows: fc.integer({ min: 1, max: 4 }),
  cols: fc.integer({ min: 1, max: 8 }),
  axis: fc.constantFrom(0, 1, -1),
  B: fc.integer({ min: 1, max: 5 }),
}).chain(({ format, saturate, layout, rows, cols, axis, B }) => {
  const L = miniLevels(MINIFLOATS[format]);
  const mids = L.slice(1).map((v, j) => (v + L[j]!) / 2);
  const top = L[L.length - 2]!;
  const n = rows * cols, shape = [rows, cols], ax = axis < 0 ? axis + 2 : axis;
  const nS = layout === 'tensor' ? 1 : layout === 'axis' ? shape[ax]! : shape.reduce((p, d, i) => p * (i === ax ? Math.ceil(d / B) : d), 1);
  const scaleArb = fc.oneof(fc.integer({ min: -8, max: 8 }).map((e) => 2 ** e),
    fc.tuple(fc.integer({ min: 2 ** 23 + 1, max: 2 ** 24 - 1 }), fc.integer({ min: -8, max: 8 })).map(([m, e]) => Math.fround(m * 2 ** (e - 23))));
  const el = fc.record({ kind: fc.constantFrom(...F8_KINDS), j: fc.nat(), t: fc.double({ min: -0.5, max: 0.5, noNaN: true }), neg: fc.boolean(), dir: fc.constantFrom(1 as const, -1 as const) });
  return fc.record({ scales: fc.array(scaleArb, { minLength: nS, maxLength: nS }), els: fc.array(el, { minLength: n, maxLength: n }) }).map(({ scales, els }) => {
    const x = els.map((e, i) => {
      const s = scales[layout === 'tensor' ? 0 : paramIndex(i, shape, axis, layout === 'block' ? B : undefined)]!;
      const sg = e.neg ? -1 : 1;
      let v: number;
      switch (e.kind) {
        case 'level': v = L[1 + (e.j % (L.length - 2))]! * s; break;
        case 'mid': v = mids[e.j % mids.length]! * s; break;
        case 'near-mid': v = step32(Math.fround(mids[e.j % mids.length]! * s), e.dir); break;
        case 'random': v = L[1 + (e.j % (L.length - 2))]! * (1 + e.t) * s; break;
        case 'overflow': v = (e.j % 2 === 0 ? top * (1 + (e.j % 9) / 4 + e.t / 8) : L[L.length - 1]! * (1 + e.t / 16)) * s; break; // beyond max, or around the next grid value (E4M3FN: 480·(1 ± 1/32))
        case 'zero': v = [0, 2 ** -149, L[1]! * s / 4, L[1]! * s / 2][e.j % 4]!; break;
        default: v = s < 1 ? 3e38 : top * 4 * s; break;
      }
      return sg * Math.fround(v);
    });
    const base = { x, scale: scales[0]!, zeroPoint: 0 as const, qmin: 0 as const, qmax: 255 as const, format, saturate };
    if (layout === 'tensor') return base;
    return { ...base, shape, axis, ...(layout === 'block' ? { blockSize: B } : {}), scales, zeroPoints: scales.map(() => 0) };
  });
});

/** The scale of element i (per tensor, per-axis or blocked). */
export function scaleAt(a: { scale: number; shape?: number[]; axis?: number; blockSize?: number; scales?: number[] }, i: number, n: number): number {
  return a.axis === undefined || !a.scales ? a.scale : a.scales[paramIndex(i, a.shape ?? [n], a.axis, a.blockSize)]!;
}

/** Input classes of a float8 QuantizeLinear case (measured by test/power/quant.quantize-float8-generators.test.ts). */
export function quantizeFloat8Classes(a: QuantizeF8Args): string[] {
  const f = MINIFLOATS[a.format];
  const L = miniLevels(f);
  const mids = new Set(L.slice(1).map((v, j) => (v + L[j]!) / 2));
  const max = L[L.length - 2]!;
  const out: string[] = [a.saturate ? 'saturate' : 'no-saturate'];
  let ties = false, dbl = false, over = false, qover = false, zeros = false;
  a.x.forEach((x, i) => {
    const s = scaleAt(a, i, a.x.length);
    const exact = Rational.fromFloat64(x).div(Rational.fromFloat64(s));
    const t = roundToFormat(exact, FLOAT32);
    if (t === 'inf' || t === '-inf') { qover = true; return; }
    const v = Math.abs(t.toFloat64());
    if (mids.has(v)) { if (t.eq(exact)) ties = true; else dbl = true; }
    if (v > max) over = true;
    if (x === 0) zeros = true;
  });
  if (ties) out.push('exact-ties');
  if (dbl) out.push('double-rounding');
  if (over) out.push('overflow');
  if (qover) out.push('quotient-overflow');
  if (zeros) out.push('zeros');
  if (a.axis !== undefined) out.push(a.blockSize ? 'blocked' : 'per-axis');
  return out;
}

const F8_FMT = { float32: FLOAT32, float64: FLOAT64 } as const;

/** Conformance of quant.quantize with a float8 output: every code equal to the oracle's cast_f8(fl_d(x/s)) (0 codes of slack). */
export function quantizeFloat8Conformance(a0: QuantizeF8Args, impl: Implementation): Outcome {
  const r = inDtype(impl.dtype);
  const a = { ...a0, x: a0.x.map(r), scale: r(a0.scale), ...(a0.scales ? { scales: a0.scales.map(r) } : {}) };
  const got = impl.ops['quant.quantize']!(a) as unknown;
  if (!Array.isArray(got) || got.length !== a.x.length) return { ok: false, detail: `quantize (${a.format}) returned ${JSON.stringify(got)?.slice(0, 80)} for ${a.x.length} values` };
  const f = MINIFLOATS[a.format];
  for (let i = 0; i < a.x.length; i++) {
    const s = scaleAt(a, i, a.x.length);
    const adm = quantizeFloat8(a.x[i]!, s, f, a.saturate, F8_FMT[impl.dtype]);
    const g = got[i];
    if (typeof g !== 'number' || !adm.includes(g)) {
      const q = Rational.fromFloat64(a.x[i]!).div(Rational.fromFloat64(s));
      return { ok: false, detail: `QuantizeLinear → ${a.format} saturate=${a.saturate}: x = ${a.x[i]}, s = ${s} (x/s = ${q.toDecimal(12)}, fl_${impl.dtype}(x/s) = ${roundToFormat(q, F8_FMT[impl.dtype]) instanceof Rational ? (roundToFormat(q, F8_FMT[impl.dtype]) as Rational).toDecimal(12) : '±∞'}): code ${typeof g === 'number' ? hex(g) : JSON.stringify(g)}, expected ${adm.length > 4 ? 'a NaN code' : adm.map(hex).join(' | ')}` };
    }
  }
  return { ok: true };
}

export interface DequantizeF8Args { q: number[]; scale: number; zeroPoint: 0; format: Float8Name; shape?: number[]; axis?: number; blockSize?: number; scales?: number[]; zeroPoints?: number[] }

/** Float8 DequantizeLinear cases: every finite code of the format (a permutation-free sample of up to 64, or all of them), a float32 scale (power of two, generic, or tiny: subnormal results). */
export const dequantizeFloat8Arb: fc.Arbitrary<DequantizeF8Args> = fc.record({
  format: fc.constantFrom(...FLOAT8_FORMATS),
  all: fc.boolean(),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
  scale: fc.oneof(fc.integer({ min: -10, max: 10 }).map((e) => 2 ** e),
    fc.tuple(fc.integer({ min: 2 ** 23 + 1, max: 2 ** 24 - 1 }), fc.integer({ min: -10, max: 10 })).map(([m, e]) => Math.fround(m * 2 ** (e - 23))),
    fc.integer({ min: -140, max: -120 }).map((e) => Math.fround(3 * 2 ** e))),
}).map(({ format, all, picks, scale }) => {
  const f = MINIFLOATS[format];
  const finite = Array.from({ length: 256 }, (_, c) => c).filter((c) => miniDecode(f, c).kind === 'finite');
  return { q: all ? finite : picks.map((p) => finite[p % finite.length]!), scale, zeroPoint: 0 as const, format };
});

/** Conformance of quant.dequantize with a float8 input: |x̂ − s·v| ≤ u|s·v| + η/2 (bounds-float8.ts). */
export function dequantizeFloat8Conformance(a0: DequantizeF8Args, impl: Implementation): Outcome {
  const a = { ...a0, scale: inDtype(impl.dtype)(a0.scale) };
  const got = impl.ops['quant.dequantize']!(a) as unknown;
  if (!Array.isArray(got) || got.length !== a.q.length) return { ok: false, detail: `dequantize (${a.format}) returned ${JSON.stringify(got)?.slice(0, 80)} for ${a.q.length} codes` };
  const f = MINIFLOATS[a.format], p = precisionOf(impl);
  let worst = 0;
  for (let i = 0; i < a.q.length; i++) {
    const want = dequantizeFloat8(a.q[i]!, Rational.fromFloat64(scaleAt(a, i, a.q.length)), f);
    const g = got[i];
    if (typeof g !== 'number' || !Number.isFinite(g)) return { ok: false, detail: `dequantize ${a.format} code ${hex(a.q[i]!)}: ${g}` };
    const err = Rational.fromFloat64(g).sub(want).abs();
    const bound = Rational.fromFloat64(float8DequantizeBound(Math.abs(want.toFloat64()) * (1 + 2 ** -50), p));
    if (err.gt(bound)) return { ok: false, detail: `dequantize ${a.format} code ${hex(a.q[i]!)} (value ${miniDecode(f, a.q[i]!).kind === 'finite' ? want.div(Rational.fromFloat64(a.scale)).toDecimal(8) : '?'}), s = ${a.scale}: ${g}, exact ${want.toDecimal(12)}, allowed ${bound.toFloat64().toExponential(3)}` };
    if (!bound.isZero()) worst = Math.max(worst, err.div(bound).toFloat64());
  }
  return { ok: true, ratio: worst };
}
