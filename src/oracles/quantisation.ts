/**
 * Exact affine (asymmetric) quantisation (seed 004_975819c312b074f9.txt, lines 3297–3299 and
 * 3409–3477): s = (x_max − x_min)/(q_max − q_min), z = q_min − round(x_min/s),
 * q = clamp(round(x/s) + z, q_min, q_max), x̂ = s(q − z). All in exact rationals.
 */
import { Rational, type RoundingMode } from '../numerics/rational.js';

export interface QuantParams { scale: Rational; zeroPoint: bigint }

const clamp = (v: bigint, lo: bigint, hi: bigint): bigint => (v < lo ? lo : v > hi ? hi : v);

/**
 * Parameters for the range [x_min, x_max] widened to contain 0 (so that 0 is exactly
 * representable). A degenerate range (x_min = x_max = 0) gets s = 1, z = 0 by convention.
 */
export function affineParams(xmin: Rational, xmax: Rational, qmin: bigint, qmax: bigint, mode: RoundingMode = 'half-even'): QuantParams {
  const lo = Rational.min(xmin, Rational.ZERO);
  const hi = Rational.max(xmax, Rational.ZERO);
  if (hi.eq(lo)) return { scale: Rational.ONE, zeroPoint: 0n };
  const scale = hi.sub(lo).div(Rational.of(qmax - qmin));
  return { scale, zeroPoint: clamp(qmin - lo.div(scale).round(mode), qmin, qmax) };
}

export function quantize(x: Rational, p: QuantParams, qmin: bigint, qmax: bigint, mode: RoundingMode = 'half-even'): bigint {
  return clamp(x.div(p.scale).round(mode) + p.zeroPoint, qmin, qmax);
}

export function dequantize(q: bigint, p: QuantParams): Rational {
  return p.scale.mul(Rational.of(q - p.zeroPoint));
}
