// Shared helpers of the attn.linear entries (not an entry): the quadratic and the feature-map algorithms
// with switches for the bugs, in the run's dtype.
import { round } from './_common.mjs';

/** Quadratic algorithm: weights w_ij = sim(q_i·k_j), then Σ w v / Σ w over the allowed keys. */
export function quadratic(a, dtype, o = {}) {
  const r = round(dtype);
  const sim = o.sim ?? ((s) => r(r(s + 1) * r(s + 1)));
  const allowed = o.allowed ?? ((i, j) => !a.causal || j <= i);
  const M = a.v[0].length;
  return a.q.map((qi, i) => {
    let Z = 0;
    const N = new Array(M).fill(0);
    a.k.forEach((kj, j) => {
      if (!allowed(i, j)) return;
      let s = 0;
      for (let l = 0; l < qi.length; l++) s = r(s + r(qi[l] * kj[l]));
      const w = sim(s, r);
      Z = r(Z + w);
      for (let c = 0; c < M; c++) N[c] = r(N[c] + r(w * a.v[j][c]));
    });
    return o.noNormalise ? N : N.map((x) => (o.reciprocal ? r(x * r(1 / Z)) : r(x / Z)));
  });
}

/** The degree-2 feature map with coefficient c on the linear and cross terms (c = fl(√2) when correct). */
export function phi(x, r, c) {
  const f = [1];
  for (const xi of x) f.push(r(c * xi));
  for (const xi of x) f.push(r(xi * xi));
  for (let i = 0; i < x.length; i++) for (let j = i + 1; j < x.length; j++) f.push(r(c * r(x[i] * x[j])));
  return f;
}

/** Feature-map algorithm with running (prefix) sums U = Σ φ(k_j)v_jᵀ, z = Σ φ(k_j). */
export function features(a, dtype, o = {}) {
  const r = round(dtype);
  const c = o.coef ? o.coef(r) : r(Math.SQRT2);
  const pk = a.k.map((kj) => phi(kj, r, c));
  const F = pk[0].length, M = a.v[0].length;
  const U = Array.from({ length: F }, () => new Array(M).fill(0));
  const z = new Array(F).fill(0);
  const add = (j) => pk[j].forEach((f, t) => { z[t] = r(z[t] + f); for (let m = 0; m < M; m++) U[t][m] = r(U[t][m] + r(f * a.v[j][m])); });
  if (!a.causal || o.ignoreCausal) a.k.forEach((_, j) => add(j));
  return a.q.map((qi, i) => {
    if (a.causal && !o.ignoreCausal) { if (o.exclusive) { if (i > 0) add(i - 1); } else add(i); }
    const pq = phi(qi, r, c);
    let Z = 0;
    const N = new Array(M).fill(0);
    pq.forEach((f, t) => { Z = r(Z + r(f * z[t])); for (let m = 0; m < M; m++) N[m] = r(N[m] + r(f * U[t][m])); });
    return N.map((x) => r(x / Z));
  });
}
