// Shared helpers of the mutation corpus (not an entry): rounding to a dtype, and to float16 for the
// "float16 accumulation" bugs.
export const round = (dtype) => (dtype === 'float32' ? (x) => { const r = Math.fround(x); return Object.is(r, -0) ? 0 : r; } : (x) => x);

/** Round a double to the nearest float16 value (ties to even; overflow to ±∞; subnormals kept). */
export function f16(x) {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  if (a >= 65520) return x > 0 ? Infinity : -Infinity;
  const e = Math.max(Math.floor(Math.log2(a)), -14);
  const q = 2 ** (e - 10);
  let m = a / q;
  const f = Math.floor(m);
  const d = m - f;
  m = d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
  return Math.sign(x) * m * q;
}

/** Pairwise (cascade) summation with rounding r after every addition, as NumPy and many SIMD kernels do. */
export function pairwiseSum(xs, r, lo = 0, hi = xs.length) {
  if (hi - lo === 0) return 0;
  if (hi - lo === 1) return xs[lo];
  if (hi - lo <= 8) { let s = xs[lo]; for (let i = lo + 1; i < hi; i++) s = r(s + xs[i]); return s; }
  const mid = lo + ((hi - lo) >> 1);
  return r(pairwiseSum(xs, r, lo, mid) + pairwiseSum(xs, r, mid, hi));
}
