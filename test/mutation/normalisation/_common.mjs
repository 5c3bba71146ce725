// Shared helpers of the normalisation corpus (not an entry): rounding to the request dtype, moments
// by two passes and by Welford, and a layer-norm / batch-norm-backward skeleton the entries vary.
export const round = (dtype) => (dtype === 'float32' ? (x) => { const r = Math.fround(x); return Object.is(r, -0) ? 0 : r; } : (x) => x);

/** Two-pass moments (sequential sums) of a row, divisor `div` (D for the biased variance). */
export function twoPass(x, r, div = x.length) {
  let s = 0;
  for (const v of x) s = r(s + v);
  const m = r(s / x.length);
  let q = 0;
  for (const v of x) { const d = r(v - m); q = r(q + r(d * d)); }
  return { mean: m, variance: r(q / div) };
}

/** Welford moments of a row. */
export function welford(x, r) {
  let m = 0, s = 0;
  for (let k = 1; k <= x.length; k++) {
    const v = x[k - 1];
    const d = r(v - m);
    m = r(m + r(d / k));
    s = r(s + r(d * r(v - m)));
  }
  return { mean: m, variance: r(s / x.length) };
}

/** Column j of a matrix. */
export const column = (x, j) => x.map((row) => row[j]);
