/**
 * Shared by quant.type-table (the float8/float4 cast properties), the fixtures, the power tests and
 * the ONNX verifier: the exhaustive input sets of quant.cast-float8 / quant.cast-float4, their content
 * classifier, and the exact comparison with the oracle (miniEncode: a set of admissible codes).
 * Not a claim module (no `claim` export).
 */
import fc from 'fast-check';
import type { Implementation, Outcome, Dtype } from '../registry/types.js';
import { MINIFLOATS, miniDecode, miniEncode, miniMaxCode, type MiniFloat, type MiniFloatName } from '../oracles/quantisation.js';

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
