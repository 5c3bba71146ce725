/**
 * `attn.rope-apply` (RoPE with given cos/sin tables, the ONNX RotaryEmbedding form): its input classes
 * (spec/ops.md), per-entry bounds (ropeApplyEntryBound, src/numerics/bounds-rope.ts) and the comparison
 * of an implementation's output with the exact rational result. Shared by the attn.rope claim, the
 * fixtures and the tests.
 */
import fc from 'fast-check';
import type { Implementation, Outcome } from '../registry/types.js';
import { ropeApplyExact, type RopeApplyArgs } from '../oracles/attention.js';
import { precisionOf, type Precision } from '../numerics/bounds.js';
import { ropeApplyEntryBound } from '../numerics/bounds-rope.js';
import { Rational } from '../numerics/rational.js';
import { f32, f32Mixed } from './arbitraries.js';
import { castFloats, classes, f64Full, type Tagged } from './gen-helpers.js';

export type { RopeApplyArgs };

type Pairing = RopeApplyArgs['pairing'];
const pairingArb = fc.constantFrom<Pairing>('interleaved', 'rotate-half');

interface Row { x: number[]; cos: number[]; sin: number[] }

/**
 * T rows (1 … maxT; the array shrinks towards fewer rows) of width d with tables of width h; `table(i, pos)`
 * gives a row's (cos, sin) from its position when set, else both tables are drawn from `tab`.
 */
function applyCase(h: number, d: number, maxT: number, el: fc.Arbitrary<number>, tab: fc.Arbitrary<number> | ((i: number, pos: number) => [number, number]), maxPos = 4096): fc.Arbitrary<RopeApplyArgs> {
  const vec = (n: number, e: fc.Arbitrary<number>) => fc.array(e, { minLength: n, maxLength: n });
  const row: fc.Arbitrary<Row> = typeof tab === 'function'
    ? fc.record({ x: vec(d, el), pos: fc.integer({ min: 0, max: maxPos }) }).map(({ x, pos }) => {
      const cs = Array.from({ length: h }, (_, i) => tab(i, pos));
      return { x, cos: cs.map((v) => v[0]), sin: cs.map((v) => v[1]) };
    })
    : fc.record({ x: vec(d, el), cos: vec(h, tab), sin: vec(h, tab) });
  return fc.record({ rows: fc.array(row, { minLength: 1, maxLength: maxT }), pairing: pairingArb })
    .map(({ rows, pairing }) => ({ x: rows.map((r) => r.x), cos: rows.map((r) => r.cos), sin: rows.map((r) => r.sin), pairing }));
}

/** Hugging Face's float32 caches: θ_i = fl(10000^(−2i/r)), angle fl(pos·θ_i), cos and sin rounded to float32. */
const hfTable = (r: number) => (i: number, pos: number): [number, number] => {
  const ang = Math.fround(pos * Math.fround(10000 ** (-2 * i / r)));
  return [Math.fround(Math.cos(ang)), Math.fround(Math.sin(ang))];
};

export const ROPE_APPLY_CLASSES = [
  { name: 'mixed', weight: 35, arb: fc.integer({ min: 1, max: 16 }).chain((h) => applyCase(h, 2 * h, 12, f32Mixed(4), f32(1))) },
  {
    name: 'partial', weight: 18,
    arb: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 16 })).chain(([h, extra]) => applyCase(h, 2 * h + extra, 8, f32Mixed(4), f32(1))),
  },
  { name: 'rotation-tables', weight: 14, arb: fc.integer({ min: 1, max: 16 }).chain((h) => applyCase(h, 2 * h, 8, f32Mixed(4), hfTable(2 * h))) },
  {
    name: 'float64-only', weight: 10,
    arb: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 4 })).chain(([h, extra]) => applyCase(h, 2 * h + extra, 8, f64Full(-3, 2), f64Full(-6, 0))),
  },
  {
    name: 'identity', weight: 9,
    arb: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 4 })).chain(([h, extra]) => applyCase(h, 2 * h + extra, 8, f32Mixed(4), () => [1, 0])),
  },
  { name: 'wide-tables', weight: 7, arb: fc.integer({ min: 1, max: 12 }).chain((h) => applyCase(h, 2 * h, 8, f32Mixed(16), f32Mixed(64))) },
  {
    // not shrunk (fc.noShrink): a failure on a 32 × 128 input would shrink entry by entry; the small classes give minimal counterexamples
    name: 'realistic', weight: 7,
    arb: fc.noShrink(fc.tuple(fc.constantFrom(64, 128), fc.constantFrom(1, 2, 4)).chain(([d, frac]) => applyCase(d / (2 * frac), d, 32, f32Mixed(2), f32(1)))),
  },
] as const;

export const ropeApplyArb: fc.Arbitrary<Tagged<RopeApplyArgs>> = classes<RopeApplyArgs>(ROPE_APPLY_CLASSES as unknown as readonly { name: string; weight: number; arb: fc.Arbitrary<RopeApplyArgs> }[]);

/** The arguments in the run's dtype (every float rounded to float32 in float32 runs). */
export function ropeApplyArgs(c: RopeApplyArgs & { cls?: string }, dtype: 'float32' | 'float64'): RopeApplyArgs {
  return { ...castFloats({ x: c.x, cos: c.cos, sin: c.sin }, dtype), pairing: c.pairing };
}

/** The exact result and the per-entry bounds [T][d] (0 for the copied coordinates and exact pairs). */
export function ropeApplyExpectation(a: RopeApplyArgs, p: Precision): { exact: Rational[][]; bounds: number[][] } {
  const { out, pairs } = ropeApplyExact(a);
  const bounds = out.map((row, t) => {
    const b = new Array<number>(row.length).fill(0);
    for (const q of pairs[t]!) {
      const [ac, bs, bc, as] = q.products;
      b[q.ia] = ropeApplyEntryBound(ac, bs, q.oa, p);
      b[q.ib] = ropeApplyEntryBound(bc, as, q.ob, p);
    }
    return b;
  });
  return { exact: out, bounds };
}

/** The implementation's output against the exact result, entry by entry (exact rational distances). */
export function compareRopeApply(a: RopeApplyArgs, got: unknown, impl: Implementation): Outcome {
  const { exact, bounds } = ropeApplyExpectation(a, precisionOf(impl));
  const T = a.x.length, d = a.x[0]?.length ?? 0, h = a.cos[0]?.length ?? 0;
  const where = (t: number, j: number) => `output[${t}][${j}] (T = ${T}, d = ${d}, r = ${2 * h}, ${a.pairing}, x = ${a.x[t]![j]}, cos/sin row ${t}${j < 2 * h ? '' : ': a copied coordinate'})`;
  if (!Array.isArray(got) || got.length !== T) return { ok: false, ratio: Infinity, detail: `output has ${Array.isArray(got) ? got.length : '?'} rows, expected ${T}` };
  let worst = 0;
  for (let t = 0; t < T; t++) {
    const row = got[t] as unknown;
    if (!Array.isArray(row) || row.length !== d) return { ok: false, ratio: Infinity, detail: `output row ${t} has ${Array.isArray(row) ? row.length : '?'} entries, expected ${d}` };
    for (let j = 0; j < d; j++) {
      const y = row[j] as unknown;
      if (typeof y !== 'number' || !Number.isFinite(y)) return { ok: false, ratio: Infinity, detail: `${where(t, j)} = ${String(y)}` };
      const err = Rational.fromFloat64(y).sub(exact[t]![j]!).abs();
      if (err.isZero()) continue;
      const b = bounds[t]![j]!;
      const r = err.toFloat64() / b;
      if (b === 0 || err.gt(Rational.fromFloat64(b))) return { ok: false, ratio: b === 0 ? Infinity : r, detail: `${where(t, j)} = ${y}, exact ${exact[t]![j]!.toDecimal(17)}, error ${err.toFloat64().toExponential(3)} > bound ${b.toExponential(3)}` };
      worst = Math.max(worst, r);
    }
  }
  return { ok: true, ratio: worst };
}
