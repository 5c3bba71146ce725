/**
 * Bound model of quant.dequantize with a float8 input (ONNX DequantizeLinear of a FLOAT8E4M3FN /
 * E4M3FNUZ / E5M2 / E5M2FNUZ tensor): x̂ = fl(s·v), v the value of the code.
 *
 * Derivation. v has at most 4 significant bits (E4M3: 1 + 3, E5M2: 1 + 2) and an exponent in
 * [−17, 15] (E5M2FNUZ's smallest subnormal 2⁻¹⁷ … 57344 < 2¹⁶), so v converts exactly into float32
 * and float64 — by a table, by bit manipulation, or by ml_dtypes' astype: conversion contributes no
 * error. The zero point is 0 (ONNX requires it for float8), so fl(v − z) = v exactly. The only
 * rounding is the product: with the standard model including gradual underflow,
 *     |fl(s·v) − s·v| ≤ u·|s·v| + η/2,
 * u the unit roundoff and η the smallest subnormal of the working format (p.tiny allows one
 * underflowing result). A scale-and-bias form fl(v·s) − fl(z·s) = fl(v·s) − 0 is the same single
 * rounding. Results beyond the format's largest finite value are outside the domain (the generators
 * keep |s·v| ≤ 2⁶⁴·57344).
 */
import { TINY, UNIT_ROUNDOFF, type Precision } from './bounds.js';

/** The allowance for one element, |x| = |s·v| (an upper bound of it). */
export function float8DequantizeBound(x: number, p: Precision): number {
  return p.u * Math.abs(x) + p.tiny;
}

/**
 * The allowance for one element with a float16 result (`storage: "float16"`: ONNX DequantizeLinear
 * with a float16 scale and output; |x| = |s·v| an upper bound). The product of a float16 scale
 * (11 significant bits, |s| ∈ [2⁻²⁴, 65504]) and a float8 value (≤ 4 bits, |v| ∈ [2⁻¹⁷, 57344]) has
 * at most 15 significant bits and a magnitude in [2⁻⁴¹, 2³²): it is exact in float32 and float64.
 * So every algorithm — the product in float16, or in float32/float64 and then cast to float16
 * (ONNX's reference: astype(float16) of a float32 product) — rounds exactly once, to float16:
 *     |x̂ − s·v| ≤ u₁₆|s·v| + η₁₆/2,   u₁₆ = 2⁻¹¹, η₁₆ = 2⁻²⁴ the float16 subnormal step
 * (TINY.float16 allows a whole step). A result beyond float16's largest finite 65504 (a cast to
 * ±∞) is outside the domain: |s·v| must stay below it.
 */
export function float8DequantizeFloat16Bound(x: number): number {
  return UNIT_ROUNDOFF.float16 * Math.abs(x) + TINY.float16;
}
