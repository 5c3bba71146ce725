/**
 * peft.lora-shapes — LoRA: W₀ ∈ R^{d×k}, B ∈ R^{d×r}, A ∈ R^{r×k}; the update W₀ + BA (scaled α/r when merged)
 * has W₀'s shape, and subtracting BA recovers W₀ (switching tasks: add a new B'A').
 * Seed 000_1c190711b4cfcedd.txt, line 581: "No additional inference latency: when needing to switch to another
 * downstream task, can recover W_0 by subtracting BA , and then we can add a new $B'A'$."
 * Conformance: tfjs W₀ + (α/r)·matMul(B, A) (op peft.lora-merge) against the exact rational merge, within the
 * derived bound of src/numerics/bounds-peft.ts; the float merge → unmerge round trip within the sum of the bounds.
 */

import fc from 'fast-check';
import type { ClaimModule, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { precisionOf } from '../numerics/bounds.js';
import { loraMergeBound } from '../numerics/bounds-peft.js';
import { loraMerge, loraMergeFloat, matMul, type RMat } from '../oracles/peft.js';
import { classes, sizeUpTo, f64Full, f32Block, castFloats, type Tagged } from './gen-helpers.js';
import { f32, f32Mixed, matrix, smallRational } from './arbitraries.js';

export interface LoraCase { w0: number[][]; b: number[][]; a: number[][]; alpha: number }

const d = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });
const alphaArb = fc.oneof(fc.constantFrom(1, 2, 8, 16, 32), f32(64));
const block = (r: number, c: number, scale: number) => f32Block(r * c, scale).map((v) => Array.from({ length: r }, (_, i) => v.slice(i * c, (i + 1) * c)));
const withValues = (dd: number, k: number, r: number, el: fc.Arbitrary<number>, alpha = alphaArb): fc.Arbitrary<LoraCase> =>
  fc.record({ w0: matrix(dd, k, el), b: matrix(dd, r, el), a: matrix(r, k, el), alpha });

/** The largest d, k the generators produce (reached in the realistic class). */
export const LORA_MAX_SIDE = 128;

/**
 * Input classes of `peft.lora-merge` (weights /20):
 * - small: d, k 1–8, r 1–4, entries of scale 1, 100 or 10⁻³, α ∈ {1, 2, 8, 16, 32} or any float32 up to 64;
 * - realistic: d, k 64–128 (128 reached), r ∈ {4, 8, 16}, α ∈ {8, 16, 32}, W₀ of scale 1, B, A of scale 10⁻²;
 * - rank-one: r = 1;
 * - non-dyadic-scale: r ∈ {3, 5, 6, 7, 12}, so α/r rounds;
 * - zero-b: B = 0 (the LoRA initialisation), the result is W₀ exactly;
 * - cancellation: W₀ = −fl((α/r)·BA) on every entry, so the merged entries are tiny against their terms;
 * - float64-only: full 53-bit entries (rounded in float32 runs).
 */
export const loraArb: fc.Arbitrary<Tagged<LoraCase>> = classes<LoraCase>([
  { name: 'small', weight: 7, arb: fc.record({ dd: d(1, 8), k: d(1, 8), r: d(1, 4), scale: fc.constantFrom(1, 100, 1e-3) }).chain((s) => withValues(s.dd, s.k, s.r, f32Mixed(s.scale))) },
  {
    name: 'realistic', weight: 1,
    arb: fc.record({ dd: sizeUpTo(64, LORA_MAX_SIDE, 3), k: sizeUpTo(64, LORA_MAX_SIDE, 3), r: fc.constantFrom(4, 8, 16), alpha: fc.constantFrom(8, 16, 32) })
      .chain((s) => fc.record({ w0: block(s.dd, s.k, 1), b: block(s.dd, s.r, 1e-2), a: block(s.r, s.k, 1e-2), alpha: fc.constant(s.alpha) })),
  },
  { name: 'rank-one', weight: 2, arb: fc.record({ dd: d(1, 12), k: d(1, 12) }).chain((s) => withValues(s.dd, s.k, 1, f32Mixed(4))) },
  { name: 'non-dyadic-scale', weight: 3, arb: fc.record({ dd: d(1, 8), k: d(1, 8), r: fc.constantFrom(3, 5, 6, 7, 12) }).chain((s) => withValues(s.dd, s.k, s.r, f32Mixed(4))) },
  {
    name: 'zero-b', weight: 2,
    arb: fc.record({ dd: d(1, 8), k: d(1, 8), r: d(1, 4) }).chain((s) => withValues(s.dd, s.k, s.r, f32Mixed(4)).map((c) => ({ ...c, b: c.b.map((row) => row.map(() => 0)) }))),
  },
  {
    name: 'cancellation', weight: 2,
    arb: fc.record({ dd: d(1, 6), k: d(1, 6), r: d(1, 4) }).chain((s) => withValues(s.dd, s.k, s.r, f32(8), fc.constantFrom(1, 2, 16))).map((c) => {
      const s = c.alpha / c.a.length;
      const w0 = c.b.map((row) => c.a[0]!.map((_, j) => Math.fround(-s * row.reduce((t, v, l) => t + v * c.a[l]![j]!, 0))));
      return { ...c, w0 };
    }),
  },
  { name: 'float64-only', weight: 3, arb: fc.record({ dd: d(1, 6), k: d(1, 6), r: d(1, 4) }).chain((s) => withValues(s.dd, s.k, s.r, f64Full(-3, 3), fc.oneof(fc.constantFrom(1, 16), f64Full(-1, 5)))) },
]);

export const loraArgs = (c: LoraCase, dtype: 'float32' | 'float64'): LoraCase => castFloats({ w0: c.w0, b: c.b, a: c.a, alpha: c.alpha }, dtype);

/** The exact merge and its per-entry bound for a precision (src/numerics/bounds-peft.ts). */
export function loraExpected(c: LoraCase, p = precisionOf({ dtype: 'float32' })): { W: RMat; bound: number[][] } {
  const { W, sumAbs, scale, rowAbsB, colAbsA } = loraMergeFloat(c.w0, c.b, c.a, c.alpha);
  const r = c.a.length;
  return { W, bound: W.map((row, i) => row.map((q, j) => loraMergeBound(r, Math.abs(q.toFloat64()) * (1 + 2 ** -50), Math.abs(c.w0[i]![j]!), scale, sumAbs[i]![j]!, p, rowAbsB[i]!, colAbsA[j]!))) };
}

/** Compare an implementation's merge with the exact one; returns the worst ratio and the absolute errors. */
export function checkLoraMerge(c: LoraCase, got: unknown, impl: { dtype: 'float32' | 'float64'; backend?: string }): Outcome & { errs?: number[][] } {
  const p = precisionOf(impl);
  const { W, bound } = loraExpected(c, p);
  const g = got as number[][];
  let worst = 0;
  const errs: number[][] = [];
  for (let i = 0; i < W.length; i++) {
    const er: number[] = [];
    for (let j = 0; j < W[0]!.length; j++) {
      const v = g?.[i]?.[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, ratio: Infinity, detail: `W[${i}][${j}] = ${v}` };
      const err = Rational.fromFloat64(v).sub(W[i]![j]!).abs().toFloat64() * (1 + 2 ** -50);
      const ratio = err === 0 ? 0 : err / bound[i]![j]!;
      if (!(ratio <= 1)) return { ok: false, ratio, detail: `W[${i}][${j}] = ${v}, exact ${W[i]![j]!.toDecimal(12)}, |error| ${err.toExponential(3)} > bound ${bound[i]![j]!.toExponential(3)} (d×k = ${W.length}×${W[0]!.length}, r = ${c.a.length}, α = ${c.alpha})` };
      worst = Math.max(worst, ratio);
      er.push(err);
    }
    errs.push(er);
  }
  return { ok: true, ratio: worst, errs };
}

const exactArb = fc.record({ dd: d(1, 4), k: d(1, 4), r: d(1, 3) }).chain((s) => {
  const m = (r: number, c: number) => fc.array(fc.array(smallRational(9, 4), { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
  return fc.record({ w0: m(s.dd, s.k), b: m(s.dd, s.r), a: m(s.r, s.k), b2: m(s.dd, s.r), a2: m(s.r, s.k), alpha: smallRational(32, 3).filter((q) => !q.isZero()) });
});

const eqMat = (X: RMat, Y: RMat) => X.length === Y.length && X.every((row, i) => row.length === Y[i]!.length && row.every((v, j) => v.eq(Y[i]![j]!)));

export const claim: ClaimModule = {
  id: 'peft.lora-shapes',
  properties: [
    {
      name: 'merge-unmerge-exact',
      kind: 'identity',
      description: 'For W₀ ∈ Q^{d×k}, B ∈ Q^{d×r}, A ∈ Q^{r×k}: BA is d×k, merging W₀ + (α/r)BA and unmerging with −α returns W₀ exactly, and swapping tasks (unmerge BA, merge B′A′) equals merging B′A′ into W₀.',
      arbitrary: exactArb,
      runs: 80,
      check: ({ w0, b, a, b2, a2, alpha }) => {
        const BA = matMul(b, a);
        if (BA.length !== w0.length || BA[0]!.length !== w0[0]!.length) return { ok: false, detail: `BA is ${BA.length}×${BA[0]!.length}, W₀ is ${w0.length}×${w0[0]!.length}` };
        const merged = loraMerge(w0, b, a, alpha);
        const back = loraMerge(merged, b, a, alpha.neg());
        if (!eqMat(back, w0)) return { ok: false, detail: 'unmerge did not recover W₀' };
        const swapped = loraMerge(back, b2, a2, alpha);
        return eqMat(swapped, loraMerge(w0, b2, a2, alpha)) ? { ok: true } : { ok: false, detail: 'task swap differs from merging B′A′ into W₀' };
      },
    },
    {
      name: 'merge-conformance',
      kind: 'conformance',
      description: 'The implementation’s W₀ + (α/r)·B·A is within the derived bound u|W| + (1 + u)γ_{r+2}|α/r|Σ_l|B_il A_lj| (or the fused-GEMM γ_{r+3} form) of the exact merge (small to realistic d, k ≤ 128, r ≤ 16, α/r not a float, B = 0, cancellation, 53-bit inputs).',
      arbitrary: loraArb,
      ops: ['peft.lora-merge'],
      runs: 60,
      check: (c0, impl) => {
        const c = loraArgs(c0, impl!.dtype);
        const { errs: _e, ...o } = checkLoraMerge(c, impl!.ops['peft.lora-merge']!(c), impl!);
        return o;
      },
    },
    {
      name: 'unmerge-roundtrip',
      kind: 'conformance',
      description: 'Merging and then unmerging (the same op with −α) in floating point returns W₀ within the sum of the two merges’ bounds (not bit-exactly: the notes’ “recover W₀” holds exactly only in exact arithmetic).',
      arbitrary: loraArb.filter((c) => c.w0.length * c.w0[0]!.length <= 4096),
      ops: ['peft.lora-merge'],
      runs: 40,
      check: (c0, impl) => {
        const c = loraArgs(c0, impl!.dtype);
        const op = impl!.ops['peft.lora-merge']!;
        const merged = op(c) as number[][];
        const first = checkLoraMerge(c, merged, impl!);
        if (!first.ok) return { ok: false, ratio: first.ratio, detail: `merge: ${first.detail}` };
        const second = checkLoraMerge({ ...c, w0: merged, alpha: -c.alpha }, op({ ...c, w0: merged, alpha: -c.alpha }), impl!);
        if (!second.ok) return { ok: false, ratio: second.ratio, detail: `unmerge: ${second.detail}` };
        return { ok: true, ratio: Math.max(first.ratio ?? 0, second.ratio ?? 0) };
      },
    },
  ],
  audit: () => {
    const q = (M: number[][]) => M.map((r) => r.map((v) => Rational.fromInt(v)));
    const W0 = q([[1, 2, 0], [0, -1, 3]]), B = q([[1], [2]]), A = q([[3, -1, 2]]), B2 = q([[0], [1]]), A2 = q([[1, 1, 1]]);
    const alpha = Rational.fromInt(2);
    const merged = loraMerge(W0, B, A, alpha);
    const back = loraMerge(merged, B, A, alpha.neg());
    const swapped = loraMerge(back, B2, A2, alpha);
    const x1 = [[1], [1], [1]].map((r) => r.map((v) => Rational.fromInt(v)));
    const viaMerged = matMul(loraMerge(W0, B, A, Rational.ONE), x1).map((r) => r[0]!);
    const viaSplit = matMul(W0, x1).map((r, i) => r[0]!.add(matMul(B, matMul(A, x1))[i]![0]!));
    const fwd = viaMerged.every((v, i) => v.eq(viaSplit[i]!)) ? viaMerged.map(String) : ['MISMATCH'];
    const show = (M: RMat) => `[${M.map((r) => r.join(', ')).join('; ')}]`;
    // float32 absorption: a weight far below the update is lost by the merge, so the unmerge cannot recover it
    const f = Math.fround;
    const w0f = 2 ** -30, tf = 1;
    const mergedF = f(w0f + tf), backF = f(mergedF - tf);
    return [
      {
        id: 'peft.lora-shapes',
        verdict: 'confirmed',
        evidence: `B ∈ R^{d×r}, A ∈ R^{r×k} give BA ∈ R^{d×k}, W₀'s shape (000:576–580), and W₀ + BA − BA = W₀ exactly; the switch to B′A′ is exact in rationals (identity property on generated shapes). ` +
          `Example (α/r = 2, r = 1): W₀ = ${show(W0)}, B = ${show(B)}, A = ${show(A)}: merged ${show(merged)}, unmerged ${show(back)}, with B′A′ ${show(swapped)}. ` +
          `In floating point the recovery holds within the derived bound, not bit-exactly: float32 W₀ = 2⁻³⁰, (α/r)BA = ${tf}: merged ${mergedF}, unmerged ${backF} (W₀ lost; the error 2⁻³⁰ is within u·|W| = 2⁻²⁴).`,
      },
      {
        id: 'peft.lora-shapes#merged-scaling',
        verdict: 'confirmed',
        evidence: `W_merged = W₀ + (α/r)BA (004:3176) has W₀'s shape; tfjs merges agree with the exact value within u|W| + (1 + u)γ_{r+2}|α/r|Σ|BA| on every generated case (conformance).`,
      },
      {
        id: 'peft.lora-shapes#forward',
        verdict: 'confirmed',
        evidence: `(W₀ + BA)x = W₀x + B(Ax) by distributivity and associativity (003:1138–1140; 004:3143): W₀ = ${show(W0)}, B = ${show(B)}, A = ${show(A)}, x = (1, 1, 1): ${fwd.join(', ')} both ways; the merged weight W₀ + BA (003:1142) has W₀'s shape, so inference costs one matrix product as before.`,
      },
      {
        id: 'peft.lora-shapes#ab-naming',
        verdict: 'confirmed',
        evidence: `002:755 writes W = W₀ + AB with A ∈ R^{m×k}, B ∈ R^{k×l}: the factors' names are swapped against 000:576 and 004:3141 (BA), but the shapes conform (m×k · k×l = m×l, W₀'s shape), so the statement is exact as written in its own notation.`,
      },
    ];
  },
};
