/**
 * Shared by the claims that call the general attention ops (attn.causal-mask, attn.gqa, attn.rope,
 * attn.sinusoidal-pe) and by their fixtures: the input classes of `attn.attention`, `attn.rope` and
 * `attn.sinusoidal-pe` (spec/ops.md), their per-entry bounds (src/numerics/bounds-attention.ts) and the
 * comparison of an implementation's output with the rigorous enclosure.
 */
import fc from 'fast-check';
import type { Implementation, Outcome } from '../registry/types.js';
import { attentionAllowed as attentionAllowedAt, attentionEnclosure, attentionKeys, attentionOutputEnclosure, kvHeadOf, ropeEnclosure, ropePair, sinusoidalPeEnclosure, type AttentionArgs, type AttentionEnclosure, type AttentionOutput } from '../oracles/attention.js';
import { attentionRowBounds, precisionOf, type Precision } from '../numerics/bounds.js';
import { attentionScoreError, float16Storage, ropeEntryBound, trigValueBound } from '../numerics/bounds-attention.js';
import { distanceToInterval } from '../numerics/enclose.js';
import type { Interval } from '../numerics/interval.js';
import { f32Mixed, f32Scaled, matrix } from './arbitraries.js';
import { castFloats, classes, f64Full, sizeUpTo, type Tagged } from './gen-helpers.js';

export type { AttentionArgs };

// ------------------------------------------------------------------------------------------------
// attn.attention
// ------------------------------------------------------------------------------------------------

interface AttnShape { Hkv: number; group: number; T: number; S: number; P: number; d: number; e: number; causal: AttentionArgs['causal'] }

const heads = (H: number, rows: number, cols: number, el: fc.Arbitrary<number>) => fc.array(matrix(rows, cols, el), { minLength: H, maxLength: H });

/** A case of the given shape; options keep / bias / scale / softcap each on or off (or forced). */
function attnCase(sh: AttnShape, el: fc.Arbitrary<number>, o: { keep?: boolean; bias?: boolean; softcap?: boolean; scale?: boolean } = {}): fc.Arbitrary<AttentionArgs> {
  const { Hkv, group, T, S, P, d, e, causal } = sh;
  const N = P + S;
  const opt = (forced: boolean | undefined) => (forced === undefined ? fc.boolean() : fc.constant(forced));
  return fc.record({
    q: heads(Hkv * group, T, d, el), k: heads(Hkv, S, d, el), v: heads(Hkv, S, e, f32Mixed(4)),
    pastK: heads(Hkv, P, d, el), pastV: heads(Hkv, P, e, f32Mixed(4)),
    keepOn: opt(o.keep), keep: matrix(T, N, fc.integer({ min: 0, max: 1 })), pick: fc.array(fc.nat(), { minLength: T, maxLength: T }),
    biasOn: opt(o.bias), bias: matrix(T, N, fc.integer({ min: -32, max: 32 }).map((x) => x / 4)),
    scaleOn: opt(o.scale), scale: fc.constantFrom(0.125, 0.25, 0.5, 1, 0.1, 2),
    capOn: opt(o.softcap), softcap: fc.integer({ min: 5, max: 50 }),
  }).map((r) => {
    const a: AttentionArgs = { q: r.q, k: r.k, v: r.v, causal };
    if (P > 0) { a.pastK = r.pastK; a.pastV = r.pastV; }
    if (r.keepOn) {
      // every row keeps ≥ 1 key the causal mask allows
      a.keep = r.keep.map((row, t) => {
        const lim = causal === 'top-left' ? Math.min(t, N - 1) : causal === 'bottom-right' ? t + N - T : N - 1;
        const out = [...row];
        out[r.pick[t]! % (lim + 1)] = 1;
        return out;
      });
    }
    if (r.biasOn) a.bias = r.bias;
    if (r.scaleOn) a.scale = r.scale;
    if (r.capOn) a.softcap = r.softcap;
    return a;
  });
}

const causalArb = fc.constantFrom<AttentionArgs['causal']>('none', 'top-left', 'bottom-right');

/** A shape; bottom-right needs T ≤ P + S (T is clipped). */
const shapeArb = (o: { Hkv?: fc.Arbitrary<number>; group?: fc.Arbitrary<number>; T?: fc.Arbitrary<number>; S?: fc.Arbitrary<number>; P?: fc.Arbitrary<number>; d?: fc.Arbitrary<number>; causal?: fc.Arbitrary<AttentionArgs['causal']> } = {}) =>
  fc.record({
    Hkv: o.Hkv ?? fc.integer({ min: 1, max: 3 }), group: o.group ?? fc.integer({ min: 1, max: 3 }),
    T: o.T ?? sizeUpTo(1, 8), S: o.S ?? sizeUpTo(1, 8), P: o.P ?? fc.integer({ min: 0, max: 6 }),
    d: o.d ?? sizeUpTo(1, 16), e: fc.integer({ min: 1, max: 4 }), causal: o.causal ?? causalArb,
  }).map((s) => (s.causal === 'bottom-right' ? { ...s, T: Math.min(s.T, s.P + s.S) } : s));

/** The other outputs, the scores twice as often (a softcap applied to the mode-0 scores is the bug ONNX's reference has). */
const OTHER_OUTPUTS: readonly AttentionOutput[] = ['scores', 'scores', 'softcapped-scores', 'masked-scores', 'present-key', 'present-value'];

/** Class 'outputs': the operator's other outputs (ONNX qk_matmul_output modes 0–2, present_key/value); the two first score stages with a softcap (they differ only then), masked scores with keep and bias on. */
const OUTPUTS_ARB: fc.Arbitrary<AttentionArgs> = fc.constantFrom(...OTHER_OUTPUTS).chain((output) =>
  shapeArb().chain((sh) => attnCase(sh, f32Mixed(4), output === 'masked-scores' ? { keep: true, bias: true } : output === 'scores' || output === 'softcapped-scores' ? { softcap: true } : {}))
    .map((a) => ({ ...a, output })));

/** Class 'fully-masked': one to all query rows with no allowed key (keep zeroed), fullyMasked 'zero' or 'nan'; Y in most cases, else the masked scores. */
const FULLY_MASKED_ARB: fc.Arbitrary<AttentionArgs> = shapeArb().chain((sh) => fc.tuple(
  attnCase(sh, f32Mixed(4), { keep: true }), fc.array(fc.boolean(), { minLength: sh.T, maxLength: sh.T }), fc.nat(), fc.constantFrom<'zero' | 'nan'>('zero', 'nan'), fc.integer({ min: 0, max: 7 }),
)).map(([a, rows, pick, fullyMasked, o]) => {
  const T = a.q[0]!.length;
  const empty = rows.map((x, t) => x || t === pick % T);
  const out: AttentionArgs = { ...a, keep: a.keep!.map((row, t) => (empty[t] ? row.map(() => 0) : row)), fullyMasked };
  if (o === 0) out.output = 'masked-scores';
  return out;
});

/** The input classes of `attn.attention` (weights out of 118; spec/ops.md; test/power/attn.attention-generators.test.ts). */
export const ATTENTION_CLASSES = [
  { name: 'mixed', weight: 35, arb: shapeArb().chain((sh) => attnCase(sh, f32Mixed(1))) },
  { name: 'gqa', weight: 15, arb: shapeArb({ Hkv: fc.integer({ min: 1, max: 2 }), group: fc.integer({ min: 2, max: 4 }) }).chain((sh) => attnCase(sh, f32Mixed(4))) },
  {
    name: 'decode', weight: 15,
    arb: shapeArb({ T: fc.integer({ min: 1, max: 3 }), S: fc.integer({ min: 1, max: 3 }), P: sizeUpTo(1, 24), causal: fc.constant('bottom-right') }).chain((sh) => attnCase(sh, f32Mixed(4))),
  },
  {
    name: 'cross-causal', weight: 12,
    arb: shapeArb({ causal: fc.constantFrom('top-left', 'bottom-right'), P: fc.integer({ min: 0, max: 4 }) }).filter((s) => s.T !== s.P + s.S).chain((sh) => attnCase(sh, f32Mixed(4))),
  },
  { name: 'softcap', weight: 10, arb: shapeArb().chain((sh) => attnCase(sh, f32Scaled(-2, 4).map((x) => Math.max(-16, Math.min(16, x))), { softcap: true })) },
  { name: 'masks', weight: 8, arb: shapeArb().chain((sh) => attnCase(sh, f32Mixed(4), { keep: true, bias: true })) },
  { name: 'float64-only', weight: 5, arb: shapeArb().chain((sh) => attnCase(sh, f64Full(-3, 2))) },
  { name: 'outputs', weight: 10, arb: OUTPUTS_ARB },
  { name: 'fully-masked', weight: 8, arb: FULLY_MASKED_ARB },
] as const;

export const attentionArb: fc.Arbitrary<Tagged<AttentionArgs>> = classes<AttentionArgs>(ATTENTION_CLASSES as unknown as readonly { name: string; weight: number; arb: fc.Arbitrary<AttentionArgs> }[]);

/** The case's arguments in the run's dtype, without the class tag. */
export function attentionArgs(c: AttentionArgs & { cls?: string }, dtype: 'float32' | 'float64'): AttentionArgs {
  const { cls: _c, ...rest } = c;
  return castFloats(rest, dtype);
}

/** |s₁|, Σ|q_i k_i| and Σ(|q_i| + |k_i|) of one score (for `attentionScoreError`). */
function scoreMagnitudes(a: AttentionArgs, qt: readonly number[], ks: readonly number[]): { abs: number; sMag: number; absSum: number } {
  const d = qt.length;
  let abs = 0, dot = 0, absSum = 0;
  for (let i = 0; i < d; i++) { abs += Math.abs(qt[i]! * ks[i]!); dot += qt[i]! * ks[i]!; absSum += Math.abs(qt[i]!) + Math.abs(ks[i]!); }
  const sMag = (Math.abs(dot) + 1e-12 * abs) * (a.scale === undefined ? 1 / Math.sqrt(d) : Math.abs(a.scale)) * (1 + 2 ** -40) + abs * 2 ** -40;
  return { abs, sMag, absSum: absSum * (1 + 2 ** -40) };
}

/** The error bound of score (t, s) of query head h at a stage: 'scores' (scaled), 'softcapped-scores' (+ softcap), 'masked-scores' / 'y' (+ bias). */
function scoreError(a: AttentionArgs, p: Precision, qt: readonly number[], ks: readonly number[], t: number, s: number, stage: AttentionOutput): number {
  const { abs, sMag, absSum } = scoreMagnitudes(a, qt, ks);
  return attentionScoreError(abs, qt.length, sMag, p, {
    absSum,
    ...(a.scale !== undefined ? { scale: a.scale } : {}),
    ...(stage !== 'scores' && a.softcap !== undefined && a.softcap > 0 ? { softcap: a.softcap } : {}),
    ...((stage === 'masked-scores' || stage === 'y') && a.bias !== undefined ? { bias: a.bias[t]![s]! } : {}),
  });
}

/**
 * Per-entry bounds [Hq][T][e] for an implementation of `attn.attention` in precision p (over its standard
 * algorithms). A row with no allowed key (fullyMasked 'zero' or 'nan') has bound 0: the exact 0 or NaN.
 */
export function attentionBoundsP(a: AttentionArgs, p0: Precision, enc: AttentionEnclosure = attentionEnclosure(a)): number[][][] {
  const p = a.storage === 'float16' ? float16Storage(p0) : p0;
  const Hq = a.q.length, Hkv = a.k.length;
  const { K, V } = attentionKeys(a);
  const e = V[0]?.[0]?.length ?? 0;
  return enc.out.map((oh, h) => {
    const Kg = K[kvHeadOf(h, Hq, Hkv)]!, Vg = V[kvHeadOf(h, Hq, Hkv)]!;
    return oh.map((_, t) => {
      const keys = enc.keys[h]![t]!, sc = enc.scores[h]![t]!;
      if (keys.length === 0) return new Array<number>(e).fill(0);
      const m = Math.max(...sc.map((x) => x.hi));
      const spread = sc.map((x) => Math.max(0, m - x.lo) * (1 + 2 ** -30));
      const errS = keys.map((s) => scoreError(a, p, a.q[h]![t]!, Kg[s]!, t, s, 'y'));
      const pHi = enc.probs[h]![t]!.map((x) => x.hi);
      const vCols = Array.from({ length: e }, (_, c) => keys.map((s) => Vg[s]![c]!));
      return attentionRowBounds(pHi, spread, errS, vCols, p);
    });
  });
}

/**
 * Per-entry bounds of the selected output (`a.output`): Y by `attentionBoundsP`; a score stage by
 * `attentionScoreError` at that stage (0 at a masked key of the masked scores: exactly −∞); the present
 * key/value 0 (copied exactly).
 */
export function attentionOutputBoundsP(a: AttentionArgs, p0: Precision, enc?: AttentionEnclosure): number[][][] {
  const out = a.output ?? 'y';
  if (out === 'y') return attentionBoundsP(a, p0, enc ?? attentionEnclosure(a));
  const p = a.storage === 'float16' ? float16Storage(p0) : p0;
  const { K, V } = attentionKeys(a);
  if (out === 'present-key') return K.map((kh) => kh.map((r) => r.map(() => 0)));
  if (out === 'present-value') return V.map((vh) => vh.map((r) => r.map(() => 0)));
  const Hq = a.q.length, Hkv = a.k.length, T = a.q[0]?.length ?? 0, N = K[0]?.length ?? 0;
  const allowedAt = (t: number, s: number) => out !== 'masked-scores' || attentionAllowedAt(a, T, N, t, s);
  return a.q.map((qh, h) => {
    const Kg = K[kvHeadOf(h, Hq, Hkv)]!;
    return qh.map((qt, t) => Kg.map((ks, s) => (allowedAt(t, s) ? scoreError(a, p, qt, ks, t, s, out) : 0)));
  });
}

/** Compare nested outputs with enclosures and bounds of the same shape (flattened row-major). */
export function compareEnclosures(enc: Interval[], bounds: number[], got: number[], what: (i: number) => string): Outcome {
  let worst = 0;
  if (got.length !== enc.length) return { ok: false, ratio: Infinity, detail: `output has ${got.length} entries, expected ${enc.length}` };
  for (let i = 0; i < enc.length; i++) {
    const y = got[i], x = enc[i]!;
    // exact non-finite expectations (attn.attention: NaN rows under fullyMasked 'nan', −∞ masked scores)
    if (Number.isNaN(x.lo)) {
      if (typeof y === 'number' && Number.isNaN(y)) continue;
      return { ok: false, ratio: Infinity, detail: `${what(i)} = ${y}, exact NaN` };
    }
    if (x.lo === -Infinity && x.hi === -Infinity) {
      if (y === -Infinity) continue;
      return { ok: false, ratio: Infinity, detail: `${what(i)} = ${y}, exact −∞` };
    }
    if (typeof y !== 'number' || !Number.isFinite(y)) return { ok: false, ratio: Infinity, detail: `${what(i)} = ${y}` };
    const err = distanceToInterval(y, x);
    const b = bounds[i]!;
    const r = err === 0 ? 0 : err / b;
    if (!(r <= 1)) return { ok: false, ratio: r, detail: `${what(i)} = ${y}, exact ∈ [${x.lo}, ${x.hi}], distance ${err.toExponential(3)} > bound ${b.toExponential(3)}` };
    worst = Math.max(worst, r);
  }
  return { ok: true, ratio: worst };
}

const flat3 = <T>(x: T[][][]): T[] => x.flat(2) as T[];

export function compareAttention(a: AttentionArgs, got: number[][][], impl: Implementation): Outcome {
  const out = a.output ?? 'y';
  const enc = out === 'y' ? attentionEnclosure(a) : undefined;
  const want = attentionOutputEnclosure(a, enc);
  const bounds = attentionOutputBoundsP(a, precisionOf(impl), enc);
  const R = want[0]?.length ?? 0, W = want[0]?.[0]?.length ?? 0;
  if (!Array.isArray(got) || got.length !== want.length) return { ok: false, ratio: Infinity, detail: `output ${out} has ${Array.isArray(got) ? got.length : '?'} heads, expected ${want.length}` };
  for (const gh of got as unknown[]) {
    if (!Array.isArray(gh) || gh.length !== R || gh.some((row) => !Array.isArray(row) || row.length !== W)) return { ok: false, ratio: Infinity, detail: `output ${out} is not [${want.length}, ${R}, ${W}]` };
  }
  return compareEnclosures(flat3(want), flat3(bounds), flat3(got as unknown[][][]) as number[], (i) => {
    const h = Math.floor(i / (R * W)), t = Math.floor(i / W) % R, c = i % W;
    return `${out}[${h}][${t}][${c}] (Hq = ${a.q.length}, Hkv = ${a.k.length}, T = ${a.q[0]!.length}, P = ${a.pastK?.[0]?.length ?? 0}, S = ${a.k[0]!.length}, causal ${a.causal}${a.keep ? ', keep' : ''}${a.bias ? ', bias' : ''}${a.scale !== undefined ? `, scale ${a.scale}` : ''}${a.softcap ? `, softcap ${a.softcap}` : ''}${a.fullyMasked ? `, fullyMasked ${a.fullyMasked}` : ''})`;
  });
}

// ------------------------------------------------------------------------------------------------
// attn.rope
// ------------------------------------------------------------------------------------------------

export interface RopeArgs { x: number[][]; positions: number[]; base: number; pairing: 'interleaved' | 'rotate-half' }

const pairingArb = fc.constantFrom<RopeArgs['pairing']>('interleaved', 'rotate-half');
const ropeCase = (T: number, d: number, pos: fc.Arbitrary<number>, el: fc.Arbitrary<number>, base: fc.Arbitrary<number> = fc.constant(10000)) =>
  fc.record({ x: matrix(T, d, el), positions: fc.array(pos, { minLength: T, maxLength: T }), base, pairing: pairingArb });

export const ROPE_CLASSES = [
  {
    name: 'mixed', weight: 45,
    arb: fc.tuple(sizeUpTo(1, 12), sizeUpTo(1, 16)).chain(([T, h]) => ropeCase(T, 2 * h, fc.integer({ min: 0, max: 64 }), f32Mixed(4), fc.constantFrom(10000, 10000, 500000, 100))),
  },
  { name: 'long-positions', weight: 15, arb: fc.tuple(sizeUpTo(1, 8), sizeUpTo(1, 16)).chain(([T, h]) => ropeCase(T, 2 * h, sizeUpTo(0, 4096), f32Mixed(4))) },
  { name: 'float64-only', weight: 10, arb: fc.tuple(sizeUpTo(1, 8), sizeUpTo(1, 16)).chain(([T, h]) => ropeCase(T, 2 * h, fc.integer({ min: 0, max: 512 }), f64Full(-3, 2))) },
  { name: 'position-zero', weight: 10, arb: fc.tuple(sizeUpTo(1, 8), sizeUpTo(1, 16)).chain(([T, h]) => ropeCase(T, 2 * h, fc.constant(0), f32Mixed(4))) },
  {
    // not shrunk (fc.noShrink): a failure on a 32 × 128 input shrank entry by entry for minutes (thousands of
    // enclosures of 4096 entries); the small classes give minimal counterexamples
    name: 'realistic', weight: 10,
    arb: fc.noShrink(fc.tuple(sizeUpTo(1, 32), fc.constantFrom(64, 128)).chain(([T, d]) => ropeCase(T, d, fc.integer({ min: 0, max: 2048 }), f32Mixed(2)))),
  },
] as const;

export const ropeArb: fc.Arbitrary<Tagged<RopeArgs>> = classes<RopeArgs>(ROPE_CLASSES as unknown as readonly { name: string; weight: number; arb: fc.Arbitrary<RopeArgs> }[]);

export function ropeArgs(c: RopeArgs & { cls?: string }, dtype: 'float32' | 'float64'): RopeArgs {
  const { cls: _c, ...rest } = c;
  return { ...castFloats({ x: rest.x }, dtype), positions: rest.positions, base: rest.base, pairing: rest.pairing };
}

export function ropeBoundsP(a: RopeArgs, p: Precision): number[][] {
  const d = a.x[0]?.length ?? 0;
  return a.x.map((row, t) => {
    const b = new Array<number>(d);
    for (let i = 0; i < d / 2; i++) {
      const [ia, ib] = ropePair(i, d, a.pairing);
      b[ia] = b[ib] = ropeEntryBound(row[ia]!, row[ib]!, a.positions[t]!, i, d, a.base, p);
    }
    return b;
  });
}

export function compareRope(a: RopeArgs, got: number[][], impl: Implementation): Outcome {
  const enc = ropeEnclosure(a.x, a.positions, a.base, a.pairing);
  const b = ropeBoundsP(a, precisionOf(impl));
  const d = a.x[0]!.length;
  return compareEnclosures(enc.flat(), b.flat(), (got as number[][]).flat(), (i) => `output[${Math.floor(i / d)}][${i % d}] (pos ${a.positions[Math.floor(i / d)]}, d = ${d}, ${a.pairing}, base ${a.base})`);
}

// ------------------------------------------------------------------------------------------------
// attn.sinusoidal-pe
// ------------------------------------------------------------------------------------------------

export interface PeArgs { positions: number[]; d: number; base: number }

const peCase = (P: number, d: number, pos: fc.Arbitrary<number>, base: fc.Arbitrary<number> = fc.constant(10000)) =>
  fc.record({ positions: fc.array(pos, { minLength: P, maxLength: P }), d: fc.constant(d), base });

export const PE_CLASSES = [
  { name: 'mixed', weight: 50, arb: fc.tuple(sizeUpTo(1, 16), sizeUpTo(1, 32)).chain(([P, h]) => peCase(P, 2 * h, fc.integer({ min: 0, max: 512 }))) },
  { name: 'long', weight: 20, arb: fc.tuple(sizeUpTo(1, 8), sizeUpTo(1, 32)).chain(([P, h]) => peCase(P, 2 * h, sizeUpTo(0, 8192))) },
  { name: 'other-base', weight: 15, arb: fc.tuple(sizeUpTo(1, 8), sizeUpTo(1, 32)).chain(([P, h]) => peCase(P, 2 * h, fc.integer({ min: 0, max: 512 }), fc.constantFrom(100, 500000))) },
  { name: 'realistic', weight: 15, arb: sizeUpTo(1, 32).chain((P) => peCase(P, 512, fc.integer({ min: 0, max: 2048 }))) },
] as const;

export const peArb: fc.Arbitrary<Tagged<PeArgs>> = classes<PeArgs>(PE_CLASSES as unknown as readonly { name: string; weight: number; arb: fc.Arbitrary<PeArgs> }[]);

export const peArgs = (c: PeArgs & { cls?: string }): PeArgs => ({ positions: c.positions, d: c.d, base: c.base });

export function peBoundsP(a: PeArgs, p: Precision): number[][] {
  return a.positions.map((pos) => Array.from({ length: a.d }, (_, j) => trigValueBound(pos, j >> 1, a.d, a.base, p)));
}

export function comparePe(a: PeArgs, got: number[][], impl: Implementation): Outcome {
  const enc = sinusoidalPeEnclosure(a.positions, a.d, a.base);
  const b = peBoundsP(a, precisionOf(impl));
  return compareEnclosures(enc.flat(), b.flat(), (got as number[][]).flat(), (i) => `PE[${Math.floor(i / a.d)}][${i % a.d}] (pos ${a.positions[Math.floor(i / a.d)]}, d = ${a.d}, base ${a.base})`);
}
