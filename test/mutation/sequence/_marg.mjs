// Shared helpers of the CRF-marginal and BIO-decode corpus entries (not an entry).
import { rounder, prep, lse, DTYPES } from './_crf.mjs';

/** Log-domain forward–backward node marginals with bug switches. */
export function marginals(args, dtype, o = {}) {
  const r = rounder(dtype);
  const { E, A: A0, L, T, start: s0, end: e0 } = prep(args, r);
  if (T === 0) return [];
  const A = o.transposed ? A0.map((row, i) => row.map((_, j) => A0[j][i])) : A0;
  const start = o.noStart ? null : s0;
  const end = e0;
  const red = o.max ? (xs) => Math.max(...xs) : (xs) => lse(xs, r);
  const alpha = [E[0].map((e, j) => (start ? r(start[j] + e) : e))];
  for (let t = 1; t < T; t++) alpha.push(Array.from({ length: L }, (_, j) => r(red(alpha[t - 1].map((a, i) => r(a + A[i][j]))) + E[t][j])));
  const beta = new Array(T);
  beta[T - 1] = Array.from({ length: L }, (_, j) => (end && !o.noEndInBeta ? end[j] : 0));
  for (let t = T - 2; t >= 0; t--) {
    const Et = o.betaOffByOne ? E[t] : E[t + 1];
    beta[t] = Array.from({ length: L }, (_, i) => red(A[i].map((a, j) => r(r(a + Et[j]) + beta[t + 1][j]))));
  }
  if (o.rowNorm || o.alphaOnly) {
    return alpha.map((row, t) => {
      const x = row.map((a, j) => (o.alphaOnly ? a : r(a + beta[t][j])));
      const m = Math.max(...x);
      const e = x.map((v) => r(Math.exp(r(v - m))));
      let s = 0; for (const v of e) s = r(s + v);
      return e.map((v) => r(v / s));
    });
  }
  const logZ = red(alpha[T - 1].map((a, j) => (end ? r(a + end[j]) : a)));
  return alpha.map((row, t) => row.map((a, j) => r(Math.exp(r(r(a + beta[t][j]) - logZ)))));
}

export function margEntry(name, o) {
  return { name, dtypes: DTYPES, ops: { 'seq.crf-marginals': (a, d) => marginals(a, d, o) } };
}

/** Chunks of BIO tags (conlleval) with bug switches. */
export function chunks(tags, o = {}) {
  const out = [];
  let cur = null;
  tags.forEach((t, i) => {
    if (t === 'O') { if (cur && !o.oKeepsOpen) { out.push(cur); cur = null; } return; }
    const kind = t.slice(0, 1), type = t.slice(2);
    const cont = cur && (o.ignoreType || cur[2] === type) && (kind === 'I' || (o.mergeB && kind === 'B'));
    if (cont) { cur[1] = i; return; }
    if (kind === 'I' && o.strict && !(cur && cur[2] === type)) { if (cur) { out.push(cur); cur = null; } return; }
    if (cur) out.push(cur);
    cur = [i, i, type];
  });
  if (cur && !o.dropLast) out.push(cur);
  return out.map((c) => (o.exclusive ? [c[0], c[1] + 1, c[2]] : c));
}

export function bioEntry(name, o) {
  return { name, dtypes: DTYPES, ops: { 'seq.bio-decode': (a) => chunks(a.tags, o) } };
}
