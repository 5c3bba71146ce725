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

/** ONNX QuantizeLinear: q = clamp(rhe(x/s) + z). */
export function quantize({ x, scale, zeroPoint, qmin, qmax }, dtype, o = {}) {
  const r = rounder(dtype);
  const s = r(scale), inv = r(1 / s);
  return x.map((v) => {
    const t = o.reciprocal ? r(r(v) * inv) : r(r(v) / s);
    return clamp(rhe(t) + zeroPoint, qmin, qmax);
  });
}

/** x̂ = s·(q − z) with the difference exact (JS integers are exact below 2⁵³). */
export function dequantize({ q, scale, zeroPoint }, dtype) {
  const r = rounder(dtype);
  const s = r(scale);
  return q.map((v) => r(s * r(v - zeroPoint)));
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

import { castFloat8, castFloat4 } from './_minifloat.mjs';
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
    },
  };
}
