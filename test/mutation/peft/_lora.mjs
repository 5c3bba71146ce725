// Shared helpers of the peft corpus (not an entry): rounding to the request dtype and a LoRA-merge skeleton
// W₀ + scale·(B·A) with sequential dot products, which the entries vary.
export const round = (dtype) => (dtype === 'float32' ? (x) => { const r = Math.fround(x); return Object.is(r, -0) ? 0 : r; } : (x) => x);

/** B·A with sequential dot products in the dtype. */
export function matmul(b, a, r) {
  return b.map((row) => a[0].map((_, j) => { let s = 0; for (let l = 0; l < row.length; l++) s = r(s + r(row[l] * a[l][j])); return s; }));
}

/** Staged merge: s = fl(scaleOf(α, rank)), P = B·A, W = W₀ + s·P. */
export function merge({ w0, b, a, alpha }, r, scaleOf = (al, k) => al / k, sign = 1) {
  const s = r(scaleOf(alpha, a.length));
  const p = matmul(b, a, r);
  return w0.map((row, i) => row.map((v, j) => r(v + sign * r(s * p[i][j]))));
}
