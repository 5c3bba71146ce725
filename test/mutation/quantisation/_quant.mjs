// Shared helpers of the quantisation corpus (not an entry: the name starts with "_"). Plain JS in
// the request dtype: float32 rounds after every operation with Math.fround (exact emulation: one
// float64 operation followed by a rounding to float32 is the correctly rounded float32 result for
// +, −, ×, ÷), float64 is JS arithmetic.
export const rounder = (dtype) => (dtype === 'float32' ? Math.fround : (v) => v);

/** Round half to even (exact for every double). */
export function rhe(v) {
  if (!Number.isFinite(v)) return v;
  const f = Math.floor(v);
  const d = v - f;
  if (d < 0.5) return f;
  if (d > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}
export const clamp = (v, lo, hi) => (v < lo ? lo : v > hi ? hi : v);

/** PyTorch MinMaxObserver / ONNX style: widen to 0, s = (hi − lo)/(qmax − qmin), z = clamp(qmin − rhe(lo/s)). */
export function affineParams({ xmin, xmax, qmin, qmax }, dtype, o = {}) {
  const r = rounder(dtype);
  const lo = Math.min(r(xmin), 0), hi = Math.max(r(xmax), 0);
  const s = r(r(hi - lo) / (qmax - qmin));
  if (s === 0) return { scale: 1, zeroPoint: 0 };
  const t = o.reciprocal ? r(lo * r(1 / s)) : r(lo / s);
  return { scale: s, zeroPoint: clamp(qmin - rhe(t), qmin, qmax) };
}

/**
 * The per-element parameter index of an ONNX opset-21 layout (per-axis, or blocked with blockSize):
 * computed here by "repeat along the axis" (np.repeat of the scale tensor, then cut to the input's
 * size), an algorithm other than the oracle's index arithmetic. Options (bugs): o.lastAxis (axis
 * ignored: the last axis), o.noNegAxis (a negative axis not normalised), o.blockMod (i_axis mod
 * nBlocks instead of ⌊i_axis/B⌋), o.floorBlocks (⌊dim/B⌋ blocks: the partial block takes the wrong scale).
 */
export function layoutIndex(i, { shape, axis, blockSize }, o = {}) {
  if (axis === undefined || axis === null) return 0;
  const r = shape.length;
  let ax = o.lastAxis ? r - 1 : axis < 0 && !o.noNegAxis ? axis + r : axis;
  if (ax < 0 || ax >= r) ax = ((ax % r) + r) % r === ax ? ax : 0;
  const idx = []; let rest = i;
  for (let d = r - 1; d >= 0; d--) { idx[d] = rest % shape[d]; rest = Math.floor(rest / shape[d]); }
  if (!blockSize) return idx[ax];
  const nb = o.floorBlocks ? Math.max(1, Math.floor(shape[ax] / blockSize)) : Math.ceil(shape[ax] / blockSize);
  const rep = Array.from({ length: shape[ax] }, (_, j) => (o.blockMod ? j % nb : Math.min(nb - 1, Math.floor(j / blockSize))));
  let k = 0;
  for (let d = 0; d < r; d++) k = k * (d === ax ? Math.ceil(shape[ax] / blockSize) : shape[d]) + (d === ax ? rep[idx[d]] : idx[d]);
  return k;
}
const paramsAt = (a, i, o) => {
  if (!a.scales || a.axis === undefined) return { s: a.scale, z: a.zeroPoint };
  const k = layoutIndex(i, { shape: a.shape ?? [(a.x ?? a.q).length], axis: a.axis, blockSize: a.blockSize }, o);
  return { s: a.scales[k], z: o.ignoreZeroPoints || !a.zeroPoints ? 0 : a.zeroPoints[k] };
};

/** ONNX QuantizeLinear: q = clamp(rhe(x/s) + z) (per-tensor, per-axis or blocked parameters). */
export function quantize(a, dtype, o = {}) {
  const { x, qmin, qmax } = a;
  const r = rounder(dtype);
  return x.map((v, i) => {
    const p = paramsAt(a, i, o);
    const s = r(p.s), inv = r(1 / s);
    const t = o.reciprocal ? r(r(v) * inv) : r(r(v) / s);
    return clamp(rhe(t) + p.z, qmin, qmax);
  });
}

/** x̂ = s·(q − z) with the difference exact (JS integers are exact below 2⁵³); per-tensor, per-axis or blocked. */
export function dequantize(a, dtype, o = {}) {
  const r = rounder(dtype);
  return a.q.map((v, i) => { const p = paramsAt(a, i, o); return r(r(p.s) * r(v - p.z)); });
}

/** Σ_k (x − z_x)(w − z_w): shift, then multiply (JS integers exact below 2⁵³). */
export function intGemm({ X, W, zx, zw }) {
  const K = W.length, n = K > 0 ? W[0].length : 0;
  return X.map((row) => Array.from({ length: n }, (_, j) => { let s = 0; for (let k = 0; k < K; k++) s += (row[k] - zx) * (W[k][j] - zw); return s; }));
}

/** Row sums of X, column sums of W, and the plain product X W. */
export function gemmParts({ X, W }) {
  const K = W.length, n = K > 0 ? W[0].length : 0;
  const rows = X.map((r) => r.reduce((a, v) => a + v, 0));
  const cols = Array.from({ length: n }, (_, j) => W.reduce((a, r) => a + r[j], 0));
  const P = X.map((row) => Array.from({ length: n }, (_, j) => { let s = 0; for (let k = 0; k < K; k++) s += row[k] * W[k][j]; return s; }));
  return { K, n, rows, cols, P };
}

/** Clipped STE gradient: 1 where rhe(x/s) + z is in [qmin, qmax] (x/s in the dtype), else 0. */
export function steGrad({ x, scale, zeroPoint, qmin, qmax }, dtype, o = {}) {
  const r = rounder(dtype);
  const s = r(scale), inv = r(1 / s);
  return x.map((v) => {
    const t = o.reciprocal ? r(r(v) * inv) : r(r(v) / s);
    const q = (o.round ?? rhe)(t) + zeroPoint;
    return (o.strict ? q > qmin && q < qmax : q >= qmin && q <= qmax) ? 1 : 0;
  });
}

import { castFloat8, castFloat4, castOne, FORMATS } from './_minifloat.mjs';

/**
 * ONNX QuantizeLinear to float8 (`format`): t = fl_d(x/s) in the request dtype, then the float8 cast of t
 * (castOne: scale to the binade, round half to even). Options (bugs): o.exactQuotient (cast x/s without
 * rounding it to the dtype first: float64 quotient in a float32 run), o.reciprocal (x·fl(1/s)), o.cast
 * (castOne options), o.intRound (x/s rounded to an integer first), o.perTensor (the layout ignored: a.scale for all),
 * o.alwaysSaturate (the saturate attribute ignored).
 */
export function quantizeF8(a, dtype, o = {}) {
  const r = rounder(dtype);
  return a.x.map((v, i) => {
    const p = o.perTensor ? { s: a.scale } : paramsAt(a, i, o);
    const s = r(p.s);
    const t = o.reciprocal ? r(r(v) * r(1 / s)) : o.exactQuotient ? r(v) / s : r(r(v) / s);
    return castOne(o.intRound ? rhe(t) : t, a.format, o.alwaysSaturate || a.saturate !== false, o.cast ?? {});
  });
}

/** The value of a float8 code (sign, exponent and mantissa fields). */
export function f8Value(format, c) {
  const f = FORMATS[format], sb = 1 << (f.e + f.m), m = c & (sb - 1), E = m >> f.m, M = m & ((1 << f.m) - 1);
  const v = E === 0 ? M * 2 ** (1 - f.bias - f.m) : ((1 << f.m) + M) * 2 ** (E - f.bias - f.m);
  return c & sb ? -v : v;
}

/** ONNX DequantizeLinear of float8 codes: fl_d(s·v(q)). */
export function dequantizeF8(a, dtype, o = {}) {
  const r = rounder(dtype);
  return a.q.map((c, i) => { const p = paramsAt(a, i, o); return r(r(p.s) * (o.value ?? f8Value)(a.format, c)); });
}

/**
 * The float8 forms (`format`) of quant.quantize / quant.dequantize: an override written for the integer
 * ranges gets the correct float8 path above; an override marked with `float8(fn)` replaces only the
 * float8 path (the integer ranges keep the correct `integer` function).
 */
const withF8 = (fn, f8, integer) => (fn.float8 ? (a, d) => (a.format ? fn(a, d) : integer(a, d)) : (a, d) => (a.format ? f8(a, d) : fn(a, d)));
import { nf4 } from './_nf4.mjs';

export const DTYPES = ['float32', 'float64'];

/** A corpus entry: correct ops, with the ones in `over` replaced. */
export function entry(name, over = {}) {
  return {
    name,
    dtypes: DTYPES,
    ops: {
      'quant.affine-params': affineParams,
      'quant.quantize': quantize,
      'quant.dequantize': dequantize,
      'quant.int-gemm': intGemm,
      'quant.ste-grad': steGrad,
      'quant.cast-float8': castFloat8(),
      'quant.nf4': nf4,
      'quant.cast-float4': castFloat4(),
      ...over,
      'quant.quantize': withF8(over['quant.quantize'] ?? quantize, quantizeF8, quantize),
      'quant.dequantize': withF8(over['quant.dequantize'] ?? dequantize, dequantizeF8, dequantize),
    },
  };
}

/** Mark an override as replacing only the float8 (`format`) path. */
export const float8 = (fn) => Object.assign(fn, { float8: true });

/**
 * A per-tensor op (quantize: x, or dequantize: q) extended to a per-axis / blocked layout by
 * grouping the elements by their parameter index and calling it once per group (sync or async).
 */
export function byParams(fn, key = 'x') {
  return (a, d) => {
    if (a.axis === undefined || !a.scales) return fn(a, d);
    const v = a[key], groups = new Map();
    v.forEach((_, i) => { const k = layoutIndex(i, { shape: a.shape ?? [v.length], axis: a.axis, blockSize: a.blockSize }); if (!groups.has(k)) groups.set(k, []); groups.get(k).push(i); });
    const { shape, axis, blockSize, scales, zeroPoints, ...rest } = a;
    const parts = [...groups].map(([k, idx]) => [idx, fn({ ...rest, [key]: idx.map((i) => v[i]), scale: scales[k], zeroPoint: zeroPoints ? zeroPoints[k] : 0 }, d)]);
    const assemble = (outs) => { const out = new Array(v.length); parts.forEach(([idx], j) => idx.forEach((i, t) => { out[i] = outs[j][t]; })); return out; };
    return parts.some(([, o]) => o instanceof Promise) ? Promise.all(parts.map(([, o]) => o)).then(assemble) : assemble(parts.map(([, o]) => o));
  };
}
