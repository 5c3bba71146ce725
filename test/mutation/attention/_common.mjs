// Shared helpers of the attention corpus (not an entry): rounding, scores, row softmax, the product with V.
export const round = (dtype) => (dtype === 'float32' ? (x) => { const r = Math.fround(x); return Object.is(r, -0) ? 0 : r; } : (x) => x);

export function dot(a, b, r) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s = r(s + r(a[i] * b[i]));
  return s;
}

/** Scores QKᵀ·scale with the causal mask as −∞ (masked(t, s) decides). */
export function scores({ q, k, causal }, r, scale, masked = (t, s) => causal && s > t) {
  return q.map((qt, t) => k.map((ks, s) => (masked(t, s) ? -Infinity : r(dot(qt, ks, r) * scale))));
}

export function softmaxRow(row, r) {
  const m = Math.max(...row);
  const e = row.map((v) => (v === -Infinity ? 0 : r(Math.exp(r(v - m)))));
  let s = 0;
  for (const v of e) s = r(s + v);
  return e.map((v) => r(v / s));
}

export function times(p, v, r) {
  const e = v[0].length;
  return p.map((row) => Array.from({ length: e }, (_, c) => {
    let s = 0;
    for (let j = 0; j < row.length; j++) s = r(s + r(row[j] * v[j][c]));
    return s;
  }));
}

/** The textbook pipeline with a configurable scale, mask and softmax. */
export function sdpa(a, dtype, o = {}) {
  const r = round(dtype);
  const d = a.q[0].length;
  const scale = o.scale ? o.scale(d, r) : r(1 / r(Math.sqrt(d)));
  const sc = scores(a, r, scale, o.masked);
  const p = (o.softmax ?? ((rows) => rows.map((row) => softmaxRow(row, r))))(sc, r);
  return times(p, a.v, r);
}
