/**
 * Dyadic rationals m·2^{−s} as BigInt numerators over a common power of two: exact arithmetic on
 * float inputs without a gcd per operation (every finite float is dyadic). Used by the oracles of long
 * recurrences and convolutions (L in the thousands), where Rational arithmetic would be too slow.
 */
import { Rational } from './rational.js';

/**
 * Exact arithmetic on dyadic rationals (every float is one) without gcds: a vector is a list of
 * BigInt numerators over one common denominator 2^s. Used for long sequences (L in the thousands),
 * where Rational arithmetic with a gcd per operation would be too slow; results are exact.
 */
export interface DyVec { m: bigint[]; s: number }

/** The exact dyadic form m·2^{−s} of finite floats, with one common s ≥ 0. */
export function toDyadic(xs: readonly number[]): DyVec {
  const qs = xs.map((x) => Rational.fromFloat64(x));
  let s = 0;
  for (const q of qs) s = Math.max(s, bitLen(q.den) - 1);
  return { m: qs.map((q) => q.num * ((1n << BigInt(s)) / q.den)), s };
}

/** The bit length of |a| (0 for 0). */
export function bitLen(a: bigint): number {
  if (a === 0n) return 0;
  const h = (a < 0n ? -a : a).toString(16);
  return (h.length - 1) * 4 + (32 - Math.clz32(parseInt(h[0]!, 16)));
}

/** m·2^{−s} as a Rational. */
export const dyToRational = (m: bigint, s: number): Rational => Rational.of(m, 1n << BigInt(s));

/** An upper bound (as a float64, ≥ the exact value) of |m|·2^{−s}. */
export function dyAbsUp(m: bigint, s: number): number {
  const a = m < 0n ? -m : m;
  if (a === 0n) return 0;
  const b = bitLen(a);
  const top = b <= 60 ? Number(a) * (1 + 2 ** -50) : (Number(a >> BigInt(b - 60)) + 1) * (1 + 2 ** -50);
  const e = b <= 60 ? -s : b - 60 - s;
  // top·2^e without intermediate underflow or overflow; never below the smallest positive double
  const v = e < -1000 ? top * 2 ** -1000 * 2 ** Math.max(e + 1000, -1100) : e > 1000 ? Infinity : top * 2 ** e;
  return Math.max(v, Number.MIN_VALUE);
}

/** m·2^{−from} with the denominator 2^{to} (to ≥ from). */
export const align = (m: bigint, from: number, to: number): bigint => m << BigInt(to - from);


/** A binary floating-point format for {@link dyRepresentableNormal}: precision p (bits), normal exponent range. */
export interface BinaryFormat { p: number; emin: number; emax: number }
export const BINARY32: BinaryFormat = { p: 24, emin: -126, emax: 127 };
export const BINARY64: BinaryFormat = { p: 53, emin: -1022, emax: 1023 };

/** Whether m·2^{−s} is 0 or a *normal* number of the format (exactly representable, not subnormal). */
export function dyRepresentableNormal(m: bigint, s: number, f: BinaryFormat): boolean {
  if (m === 0n) return true;
  let a = m < 0n ? -m : m;
  const E = bitLen(a) - 1 - s;
  if (E < f.emin || E > f.emax) return false;
  let z = 0;
  while ((a & 0xffffffffn) === 0n) { a >>= 32n; z += 32; }
  while ((a & 1n) === 0n) { a >>= 1n; z++; }
  return bitLen(a) <= f.p;
}
