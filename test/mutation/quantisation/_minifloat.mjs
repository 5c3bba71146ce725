// Shared helpers of the float8/float4 cast entries (not an entry: the name starts with "_").
// The correct cast by scaling to the binade in float64 (exact: scaling by a power of two), with
// options that reproduce realistic bugs.
import { rhe } from './_quant.mjs';

export const FORMATS = {
  E4M3FN: { e: 4, m: 3, bias: 7, special: 'fn' }, E4M3FNUZ: { e: 4, m: 3, bias: 8, special: 'uz' },
  E5M2: { e: 5, m: 2, bias: 15, special: 'ieee' }, E5M2FNUZ: { e: 5, m: 2, bias: 16, special: 'uz' },
  E2M1: { e: 2, m: 1, bias: 1, special: 'none' },
};

function value(f, c) { const E = c >> f.m, M = c & ((1 << f.m) - 1); return E === 0 ? M * 2 ** (1 - f.bias - f.m) : ((1 << f.m) + M) * 2 ** (E - f.bias - f.m); }

/**
 * One value to its code. Options (bugs): round (the integer rounding of the scaled mantissa),
 * viaFloat32 (double rounding through float32), noSubnormals (flush below the smallest normal),
 * uzNegZero (a negative value rounding to 0 keeps the sign bit in the UZ formats: 0x80 = NaN),
 * infKeepsInf (±∞ with saturate for E5M2 stays ∞), overflowAt (the overflow test on |x| against the
 * largest finite value instead of on the rounded value), nanCode (the NaN code).
 */
export function castOne(x, format, saturate, o = {}) {
  const f = FORMATS[format];
  const sb = 1 << (f.e + f.m), all = sb - 1;
  const K = f.special === 'fn' ? all - 1 : f.special === 'ieee' ? all - (1 << f.m) : all;
  const nan = f.special === 'uz' ? sb : f.special === 'none' ? 0 : all;
  if (f.special === 'none') saturate = true;
  if (Number.isNaN(x)) return nan;
  const neg = x < 0 || (Object.is(x, -0) && !o.dropNegZero);
  const sign = (c) => (neg && (c !== 0 || f.special !== 'uz' || o.uzNegZero) ? sb | c : c);
  const over = () => (saturate && !(o.infKeepsInf && !Number.isFinite(x)) ? sign(K) : f.special === 'ieee' ? sign(K + 1) : nan);
  if (!Number.isFinite(x)) return over();
  let a = Math.abs(o.viaFloat32 ? Math.fround(x) : x);
  if (a === 0) return sign(0);
  if (o.overflowAt && a > value(f, K)) return over();
  if (o.onnxRef480 && format === 'E4M3FN' && Math.fround(a) >= 480 && Math.fround(a) < 496) return sign(K);
  if (o.tableClosedAt5 && format === 'E2M1' && a === 5) return sign(7);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--; else if (2 ** (e + 1) <= a) e++;
  const emin = 1 - f.bias;
  if (e < emin) { if (o.noSubnormals) return sign(0); e = emin; }
  const unit = 2 ** (e - f.m);
  const m = (o.round ?? rhe)(a / unit);
  const v = m * unit;
  if (v === 0) return sign(0);
  if (v > value(f, K)) return over();
  // the code of v: exponent field and mantissa field
  const E = v < 2 ** emin ? 0 : Math.floor(Math.log2(v)) + f.bias;
  const M = E === 0 ? v / 2 ** (1 - f.bias - f.m) : v / 2 ** (E - f.bias - f.m) - (1 << f.m);
  return sign((E << f.m) | M);
}

export const castFloat8 = (o = {}) => ({ x, format, saturate }) => x.map((v) => castOne(v, format, saturate, o));
export const castFloat4 = (o = {}) => ({ x }) => x.map((v) => castOne(v, 'E2M1', true, o));
