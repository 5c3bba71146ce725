/**
 * quant.int-gemm — integer GEMM with zero points: Σ(x − z_x)(w − z_w) = Σxw − z_wΣx − z_xΣw + Kz_xz_w;
 * the notes' Y_q = X_qW_q + B_q omits the cross terms. Exact integers (BigInt).
 * Seed 004_975819c312b074f9.txt, line 3338: "Y_q = X_q W_q + B_q"
 */
import fc from 'fast-check';
import type { ClaimModule, Outcome } from '../registry/types.js';
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
