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
import type { Precision } from './bounds.js';

/** The allowance for one element, |x| = |s·v| (an upper bound of it). */
export function float8DequantizeBound(x: number, p: Precision): number {
  return p.u * Math.abs(x) + p.tiny;
}
