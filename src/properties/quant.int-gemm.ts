/**
 * quant.int-gemm — integer GEMM with zero points: Σ(x − z_x)(w − z_w) = Σxw − z_wΣx − z_xΣw + Kz_xz_w;
 * the notes' Y_q = X_qW_q + B_q omits the cross terms. Exact integers (BigInt).
 * Seed 004_975819c312b074f9.txt, line 3338: "Y_q = X_q W_q + B_q"
 */
import fc from 'fast-check';
import type { ClaimModule, Outcome, Implementation } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { intGemmShifted, intGemmExpanded, quantize, dequantize } from '../oracles/quantisation.js';
import { QTYPES } from './quant.affine-roundtrip.js';

export interface GemmCase { X: number[][]; W: number[][]; zx: number; zw: number }

export const gemmCaseArb: fc.Arbitrary<GemmCase> = fc.record({
  tx: fc.constantFrom(...QTYPES.filter((t) => t.family !== '16-bit')),
  tw: fc.constantFrom(...QTYPES.filter((t) => t.family !== '16-bit')),
  m: fc.integer({ min: 1, max: 4 }), k: fc.integer({ min: 0, max: 12 }), n: fc.integer({ min: 1, max: 4 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  zfx: fc.double({ min: 0, max: 1, noNaN: true }), zfw: fc.double({ min: 0, max: 1, noNaN: true }),
}).chain(({ tx, tw, m, k, n, zfx, zfw }) => fc.record({
  X: fc.array(fc.array(fc.integer({ min: tx.qmin, max: tx.qmax }), { minLength: k, maxLength: k }), { minLength: m, maxLength: m }),
  W: fc.array(fc.array(fc.integer({ min: tw.qmin, max: tw.qmax }), { minLength: n, maxLength: n }), { minLength: k, maxLength: k }),
  zx: fc.constant(tx.qmin + Math.round(zfx * (tx.qmax - tx.qmin))),
  zw: fc.constant(tw.qmin + Math.round(zfw * (tw.qmax - tw.qmin))),
}).map((c) => (k === 0 ? { ...c, W: [] as number[][] } : c)));

const big = (M: number[][]) => M.map((r) => r.map(BigInt));

export function gemmOutcome(c: GemmCase): Outcome {
  const X = big(c.X), W = big(c.W);
  const a = intGemmShifted(X, W, BigInt(c.zx), BigInt(c.zw));
  const b = intGemmExpanded(X, W, BigInt(c.zx), BigInt(c.zw));
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a[i]!.length; j++) {
    if (a[i]![j] !== b[i]![j]) return { ok: false, detail: `(${i}, ${j}): shifted product ${a[i]![j]}, expansion ${b[i]![j]}` };
  }
  return { ok: true };
}

/** The integer ranges the op takes (no 16-bit: K·|x − z|·|w − z| stays below 2²⁴ for K ≤ 256). */
const OP_TYPES = QTYPES.filter((t) => t.family !== '16-bit');
export const INT_GEMM_MAX_K = 256;

/**
 * Direct generator of quant.int-gemm (classes: zero points both nonzero / symmetric / one zero;
 * codes at the range ends with the zero point at the other end; K up to 256; rectangular shapes).
 */
export const intGemmArb: fc.Arbitrary<GemmCase> = fc.record({
  tx: fc.constantFrom(...OP_TYPES), tw: fc.constantFrom(...OP_TYPES),
  m: fc.integer({ min: 1, max: 5 }), n: fc.integer({ min: 1, max: 5 }),
  k: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 128, max: INT_GEMM_MAX_K }) }),
  zmode: fc.constantFrom('both', 'both', 'both', 'both', 'ends', 'ends', 'zero', 'one-x', 'one-w'),
  zfx: fc.double({ min: 0, max: 1, noNaN: true }), zfw: fc.double({ min: 0, max: 1, noNaN: true }),
}).chain(({ tx, tw, m, n, k, zmode, zfx, zfw }) => {
  const zOf = (t: typeof tx, f: number) => { const z = t.qmin + Math.round(f * (t.qmax - t.qmin)); return z === 0 ? (t.qmax > 0 ? 1 : -1) : z; };
  const zx = zmode === 'zero' || zmode === 'one-w' ? 0 : zmode === 'ends' ? tx.qmax : zOf(tx, zfx);
  const zw = zmode === 'zero' || zmode === 'one-x' ? 0 : zmode === 'ends' ? tw.qmin : zOf(tw, zfw);
  const el = (t: typeof tx) => fc.oneof({ weight: 4, arbitrary: fc.integer({ min: t.qmin, max: t.qmax }) }, { weight: 1, arbitrary: fc.constantFrom(t.qmin, t.qmax) });
  const ex = zmode === 'ends' ? fc.constant(tx.qmin) : el(tx);
  const ew = zmode === 'ends' ? fc.constant(tw.qmax) : el(tw);
  return fc.record({
    X: fc.array(fc.array(zmode === 'ends' ? fc.oneof(ex, el(tx)) : ex, { minLength: k, maxLength: k }), { minLength: m, maxLength: m }),
    W: fc.array(fc.array(zmode === 'ends' ? fc.oneof(ew, el(tw)) : ew, { minLength: n, maxLength: n }), { minLength: k, maxLength: k }),
    zx: fc.constant(zx), zw: fc.constant(zw),
  });
});

/** The documented input classes of a quant.int-gemm case (measured by test/power/quant.int-gemm-generators.test.ts). */
export function intGemmClasses(c: GemmCase): string[] {
  const out: string[] = [];
  if (c.zx !== 0 && c.zw !== 0) out.push('nonzero-both');
  if (c.zx === 0 && c.zw === 0) out.push('symmetric');
  if ((c.zx === 0) !== (c.zw === 0)) out.push('one-zero-point');
  const K = c.W.length;
  if (K >= 128) out.push('long');
  if (c.X.length !== (c.W[0]?.length ?? 0)) out.push('rectangular');
  const ends = (M: number[][], z: number) => M.some((r) => r.some((v) => Math.abs(v - z) >= 127 || Math.abs(v - z) === 15 || Math.abs(v - z) === 14)); // full width of an 8-bit or 4-bit range
  if (ends(c.X, c.zx) || ends(c.W, c.zw)) out.push('range-ends');
  return out;
}

/** quant.int-gemm against the exact integer product. */
export function intGemmConformance(c: GemmCase, impl: Implementation): Outcome {
  const got = impl.ops['quant.int-gemm']!({ X: c.X, W: c.W, zx: c.zx, zw: c.zw }) as unknown;
  const want = intGemmShifted(big(c.X), big(c.W), BigInt(c.zx), BigInt(c.zw));
  if (!Array.isArray(got) || got.length !== want.length) return { ok: false, detail: `result ${JSON.stringify(got)?.slice(0, 80)}, expected ${want.length} rows` };
  for (let i = 0; i < want.length; i++) {
    const row = got[i];
    if (!Array.isArray(row) || row.length !== want[i]!.length) return { ok: false, detail: `row ${i}: ${JSON.stringify(row)?.slice(0, 80)}` };
    for (let j = 0; j < row.length; j++) {
      if (typeof row[j] !== 'number' || !Number.isInteger(row[j]) || BigInt(row[j]) !== want[i]![j]) {
        const notes = c.X[i]!.reduce((s, v, k) => s + BigInt(v) * BigInt(c.W[k]![j]!), 0n);
        return { ok: false, detail: `Y[${i}][${j}] = ${row[j]}, exact Σ(x − z_x)(w − z_w) = ${want[i]![j]} (z_x = ${c.zx}, z_w = ${c.zw}, K = ${c.W.length}; the uncorrected X_qW_q would be ${notes})` };
      }
    }
  }
  return { ok: true };
}

export const claim: ClaimModule = {
  id: 'quant.int-gemm',
  properties: [
    {
      name: 'cross-terms',
      kind: 'identity',
      description: 'Exact integers: Σ_k (x_ik − z_x)(w_kj − z_w) equals Σ_k x_ik w_kj − z_w Σ_k x_ik − z_x Σ_k w_kj + K z_x z_w for int8/uint8/int4/uint4/narrow operands and zero points, K = 0 included.',
      arbitrary: gemmCaseArb,
      runs: 100,
      check: (c) => gemmOutcome(c),
    },
    {
      name: 'int-gemm',
      kind: 'conformance',
      description: 'quant.int-gemm returns exactly Σ_k (x_ik − z_x)(w_kj − z_w) (integers, K ≤ 256): zero-point cross terms, range-end codes, symmetric and one-sided zero points, rectangular shapes.',
      arbitrary: intGemmArb,
      ops: ['quant.int-gemm'],
      runs: 80,
      check: (c, impl) => intGemmConformance(c, impl!),
    },
  ],
  audit: () => {
    // 1×1 counterexample: x = w = 1, s = 1, z = 1
    const one = Rational.ONE;
    const p = { scale: one, zeroPoint: 1n };
    const xq = quantize(one, p, -128n, 127n), wq = quantize(one, p, -128n, 127n);
    const notes = xq * wq;
    const shifted = intGemmShifted([[xq]], [[wq]], 1n, 1n)[0]![0]!;
    const back = dequantize(shifted, { scale: one, zeroPoint: 0n });
    // int32 accumulator: int8 with z in range, |x − z| ≤ 255: K·255² < 2^31 ⇔ K ≤ 33025
    const kMax = (2n ** 31n - 1n) / (255n * 255n);
    return [{
      id: 'quant.int-gemm',
      verdict: 'refuted',
      evidence: `With zero points (004:3315, 3327: q = round(x/s) + z) the real product is s_x s_w Σ(x_q − z_x)(w_q − z_w), not s_x s_w X_qW_q: 1×1, x = w = 1, s = 1, z_x = z_w = 1: ` +
        `x_q = ${xq}, w_q = ${wq}, X_qW_q = ${notes}, but (x_q − z_x)(w_q − z_w) = ${shifted} = xw = ${back}. The cross terms −z_wΣx_q − z_xΣw_q + Kz_xz_w vanish only for symmetric quantisation. ` +
        `The int32 accumulator is safe for int8 operands up to K = ${kMax} (K·255² < 2³¹).`,
    }, {
      id: 'quant.int-gemm#bias',
      verdict: 'confirmed',
      evidence: `b_q = b/(s_x s_w) (004:3319, rounded to int32) puts the bias in the accumulator's scale: s_x s_w (Σ(x_q − z_x)(w_q − z_w) + b_q) = Σ x w + b up to the roundings. E.g. s_x = 1/2, s_w = 1/4, b = 3/8: b_q = ${Rational.of(3n, 8n).div(Rational.of(1n, 8n))}, exact.`,
    }];
  },
};
