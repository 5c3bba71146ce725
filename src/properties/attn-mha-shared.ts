/**
 * Shared by the claim that calls `attn.mha` (attn.concat-sum) and by its fixtures: the input classes
 * of multi-head attention with projections (spec/ops.md), its per-entry bounds (src/numerics/bounds-mha.ts)
 * and the comparison of an implementation's output with the rigorous enclosure (src/oracles/attention.ts).
 */
import fc from 'fast-check';
import type { Implementation, Outcome } from '../registry/types.js';
import { mhaEnclosure, magOf, type MhaArgs, type MhaEnclosure } from '../oracles/attention.js';
import { precisionOf, type Precision } from '../numerics/bounds.js';
import { attentionScoreError } from '../numerics/bounds-attention.js';
import { projectionError, scorePerturbation, headError, outProjectionError } from '../numerics/bounds-mha.js';
import { f32, f32NearTies, f32Scaled, matrix } from './arbitraries.js';
import { castFloats, classes, f64Full, sizeUpTo, type Tagged } from './gen-helpers.js';
import { compareEnclosures } from './attn-ops-shared.js';

export type { MhaArgs };

interface MhaShape { B: number; T: number; S: number; H: number; dh: number; Ek: number; Ev: number; causal: boolean; self: boolean }

/** Entries within ±max (max a power of two): ordinary float32 values, short-mantissa values m·2^e (ties), near-ties clipped to ±max. */
const el = (max: number) => fc.oneof(
  { weight: 4, arbitrary: f32(max) },
  { weight: 2, arbitrary: f32Scaled(-14, Math.log2(max) - 8) },
  { weight: 1, arbitrary: f32NearTies().map((x) => Math.max(-max, Math.min(max, x))) },
);
const vec = (n: number, el: fc.Arbitrary<number>) => fc.array(el, { minLength: n, maxLength: n });
const batch = (B: number, rows: number, cols: number, el: fc.Arbitrary<number>) => fc.array(matrix(rows, cols, el), { minLength: B, maxLength: B });

/** A case of the given shape; every bias and mask on or off unless forced. Self-attention: key = value = query. */
function mhaCase(sh: MhaShape, x: fc.Arbitrary<number>, w: fc.Arbitrary<number>, o: { keep?: boolean; bias?: boolean } = {}): fc.Arbitrary<MhaArgs> {
  const { B, T, H, dh, causal, self } = sh;
  const E = H * dh;
  const S = self ? T : sh.S, Ek = self ? E : sh.Ek, Ev = self ? E : sh.Ev;
  const opt = (forced: boolean | undefined) => (forced === undefined ? fc.boolean() : fc.constant(forced));
  return fc.record({
    query: batch(B, T, E, x), key: batch(B, S, Ek, x), value: batch(B, S, Ev, x),
    wq: matrix(E, E, w), wk: matrix(E, Ek, w), wv: matrix(E, Ev, w), wo: matrix(E, E, w),
    inBias: fc.boolean(), outBias: fc.boolean(),
    bq: vec(E, w), bk: vec(E, w), bv: vec(E, w), bo: vec(E, w),
    keepOn: opt(o.keep), keep: matrix(T, S, fc.integer({ min: 0, max: 1 })), pick: fc.array(fc.nat(), { minLength: T, maxLength: T }),
    biasOn: opt(o.bias), bias: matrix(T, S, fc.integer({ min: -32, max: 32 }).map((x) => x / 4)),
  }).map((r) => {
    const a: MhaArgs = { query: r.query, key: self ? r.query : r.key, value: self ? r.query : r.value, numHeads: H, wq: r.wq, wk: r.wk, wv: r.wv, wo: r.wo, causal };
    if (r.inBias) { a.bq = r.bq; a.bk = r.bk; a.bv = r.bv; }
    if (r.outBias) a.bo = r.bo;
    if (r.keepOn) {
      // every row keeps ≥ 1 key that the causal mask allows
      a.keep = r.keep.map((row, t) => {
        const lim = causal ? Math.min(t, S - 1) : S - 1;
        const out = [...row];
        out[r.pick[t]! % (lim + 1)] = 1;
        return out;
      });
    }
    if (r.biasOn) a.bias = r.bias;
    return a;
  });
}

const shapeArb = (o: { B?: fc.Arbitrary<number>; T?: fc.Arbitrary<number>; S?: fc.Arbitrary<number>; H?: fc.Arbitrary<number>; dh?: fc.Arbitrary<number>; causal?: fc.Arbitrary<boolean>; self?: fc.Arbitrary<boolean>; kvDims?: fc.Arbitrary<boolean> } = {}) =>
  fc.record({
    B: o.B ?? fc.integer({ min: 1, max: 2 }), T: o.T ?? sizeUpTo(1, 5), S: o.S ?? sizeUpTo(1, 5),
    H: o.H ?? fc.constantFrom(1, 2, 2, 3, 4), dh: o.dh ?? sizeUpTo(1, 4),
    Ek: fc.integer({ min: 1, max: 6 }), Ev: fc.integer({ min: 1, max: 6 }), kvDims: o.kvDims ?? fc.boolean(),
    causal: o.causal ?? fc.boolean(), self: o.self ?? fc.constant(false),
  }).map((s) => {
    const E = s.H * s.dh;
    const sh: MhaShape = { B: s.B, T: s.T, S: s.S, H: s.H, dh: s.dh, Ek: s.kvDims ? s.Ek : E, Ev: s.kvDims ? s.Ev : E, causal: s.causal, self: s.self };
    return sh;
  });

/** The input classes of `attn.mha` (weights out of 100; spec/ops.md; test/power/attn.mha-generators.test.ts). */
export const MHA_CLASSES = [
  { name: 'mixed', weight: 40, arb: shapeArb().chain((sh) => mhaCase(sh, el(1), el(1))) },
  { name: 'self-attention', weight: 18, arb: shapeArb({ self: fc.constant(true) }).chain((sh) => mhaCase(sh, el(2), el(1))) },
  { name: 'causal', weight: 12, arb: shapeArb({ T: fc.integer({ min: 2, max: 6 }), causal: fc.constant(true), self: fc.constant(true) }).chain((sh) => mhaCase(sh, el(2), el(1))) },
  { name: 'masks', weight: 10, arb: shapeArb({ T: fc.integer({ min: 2, max: 5 }), S: fc.integer({ min: 2, max: 5 }) }).chain((sh) => mhaCase(sh, el(2), el(1), { keep: true, bias: true })) },
  { name: 'large', weight: 10, arb: shapeArb().chain((sh) => mhaCase(sh, el(4), el(1))) },
  { name: 'float64-only', weight: 10, arb: shapeArb().chain((sh) => mhaCase(sh, f64Full(-3, 1), f64Full(-3, 0))) },
] as const;

export const mhaArb: fc.Arbitrary<Tagged<MhaArgs>> = classes<MhaArgs>(MHA_CLASSES as unknown as readonly { name: string; weight: number; arb: fc.Arbitrary<MhaArgs> }[]);

/** The case's arguments in the run's dtype, without the class tag (numHeads and the masks' 0/1 stay integers). */
export function mhaArgs(c: MhaArgs & { cls?: string }, dtype: 'float32' | 'float64'): MhaArgs {
  const { cls: _c, ...rest } = c;
  return castFloats(rest, dtype);
}

const absDotRow = (x: readonly number[], w: readonly number[], b: number | undefined): number => {
  let s = b === undefined ? 0 : Math.abs(b);
  for (let i = 0; i < x.length; i++) s += Math.abs(x[i]! * w[i]!);
  return s * (1 + 2 ** -40);
};

/** Per-entry bounds [B][T][E] for an implementation of `attn.mha` in precision p (src/numerics/bounds-mha.ts, steps 1–4). */
/**
 * `variant` exists for the derivation test (test/numerics/bounds-mha.test.ts) only: 'no-propagation' treats
 * the in-projections as exact (steps 2–3 without δq, δk, δv; the heads' own errors still pass step 4) — a wrong derivation that a correct
 * float32 computation must exceed.
 */
export function mhaBoundsP(a: MhaArgs, p: Precision, enc: MhaEnclosure = mhaEnclosure(a), variant: 'derived' | 'no-propagation' = 'derived'): number[][][] {
  const H = a.numHeads, E = a.wq.length, dh = E / H;
  const drop = variant === 'no-propagation';
  const proj = (X: number[][][], W: number[][], b: number[] | undefined) =>
    X.map((xb) => xb.map((x) => W.map((w, j) => (drop ? 0 : projectionError(absDotRow(x, w, b?.[j]), x.length, p)))));
  const dQ = proj(a.query, a.wq, a.bq), dK = proj(a.key, a.wk, a.bk), dV = proj(a.value, a.wv, a.bv);
  return enc.out.map((ob, b) => {
    const T = ob.length;
    const dO: number[][] = Array.from({ length: T }, () => new Array<number>(E).fill(0));
    for (let h = 0; h < H; h++) {
      const c0 = h * dh, c1 = c0 + dh;
      for (let t = 0; t < T; t++) {
        const keys = enc.keys[b]![h]![t]!, sc = enc.scores[b]![h]![t]!;
        if (keys.length === 0) { for (let c = c0; c < c1; c++) dO[t]![c] = Infinity; continue; }
        const qMag = enc.Q[b]![t]!.slice(c0, c1).map(magOf), dq = dQ[b]![t]!.slice(c0, c1);
        const m = Math.max(...sc.map((s) => s.hi));
        const spread = sc.map((s) => Math.max(0, m - s.lo) * (1 + 2 ** -30));
        const errS = keys.map((s, j) => {
          const kMag = enc.K[b]![s]!.slice(c0, c1).map(magOf), dk = dK[b]![s]!.slice(c0, c1);
          const pert = scorePerturbation(qMag, dq, kMag, dk, dh);
          let absHat = 0, absSum = 0;
          for (let i = 0; i < dh; i++) { absHat += (qMag[i]! + dq[i]!) * (kMag[i]! + dk[i]!); absSum += qMag[i]! + dq[i]! + kMag[i]! + dk[i]!; }
          absHat *= 1 + 2 ** -40;
          absSum *= 1 + 2 ** -40;
          const sMag = magOf(sc[j]!) + pert + (a.bias !== undefined ? Math.abs(a.bias[t]![s]!) : 0);
          return pert + attentionScoreError(absHat, dh, sMag, p, { absSum, ...(a.bias !== undefined ? { bias: a.bias[t]![s]! } : {}) });
        });
        const pHi = enc.probs[b]![h]![t]!.map((x) => x.hi);
        const vMag = Array.from({ length: dh }, (_, c) => keys.map((s) => magOf(enc.V[b]![s]![c0 + c]!)));
        const dv = Array.from({ length: dh }, (_, c) => keys.map((s) => dV[b]![s]![c0 + c]!));
        headError(pHi, spread, errS, vMag, dv, p).forEach((x, c) => { dO[t]![c0 + c] = x; });
      }
    }
    return ob.map((_, t) => {
      const oMag = enc.heads[b]![t]!.map(magOf);
      return a.wo.map((w, j) => outProjectionError(oMag, dO[t]!, w, a.bo === undefined ? 0 : Math.abs(a.bo[j]!), p));
    });
  });
}

export function compareMha(a: MhaArgs, got: number[][][], impl: Implementation): Outcome {
  const enc = mhaEnclosure(a);
  const bounds = mhaBoundsP(a, precisionOf(impl), enc);
  const T = a.query[0]?.length ?? 0, E = a.wq.length;
  if (!Array.isArray(got) || got.length !== a.query.length) return { ok: false, ratio: Infinity, detail: `output has ${Array.isArray(got) ? got.length : '?'} batch entries, expected ${a.query.length}` };
  return compareEnclosures(enc.out.flat(2), bounds.flat(2), (got as unknown[][][]).flat(2) as number[], (i) => {
    const b = Math.floor(i / (T * E)), t = Math.floor(i / E) % T, c = i % E;
    return `output[${b}][${t}][${c}] (B = ${a.query.length}, T = ${T}, S = ${a.key[0]!.length}, E = ${E}, H = ${a.numHeads}, Ek = ${a.wk[0]!.length}, Ev = ${a.wv[0]!.length}${a.bq ? ', in-proj bias' : ''}${a.bo ? ', out-proj bias' : ''}${a.causal ? ', causal' : ''}${a.keep ? ', keep' : ''}${a.bias ? ', bias mask' : ''})`;
  });
}
