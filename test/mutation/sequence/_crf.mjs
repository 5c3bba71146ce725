// Shared helpers of the sequence (CRF) corpus (not an entry). Plain JS in the request dtype: float32 rounds
// after every operation with Math.fround (exact emulation for + − × ÷; exp and log are Math.exp/Math.log,
// within 1 ulp, rounded once more to float32).
export const rounder = (dtype) => (dtype === 'float32' ? Math.fround : (v) => v);
export const DTYPES = ['float32', 'float64'];

/** Inputs rounded to the dtype (a float32 implementation stores its inputs in float32). */
export function prep(args, r) {
  const E = args.emissions.map((row) => row.map(r));
  const A = args.transitions.map((row) => row.map(r));
  const L = A.length;
  const start = args.start ? args.start.map(r) : null;
  const end = args.end ? args.end.map(r) : null;
  return { E, A, L, T: E.length, start, end };
}

/** Max-plus Viterbi. o.tie: 'first' | 'last' argmax; o.renorm: subtract max δ each step; o.recompute: score summed along the path. */
export function viterbi(args, dtype, o = {}) {
  const r = rounder(dtype);
  const { E, A, L, T, start, end } = prep(args, r);
  if (T === 0) return { path: [], score: 0 };
  let delta = E[0].map((e, j) => (start ? r(start[j] + e) : e));
  let offset = 0;
  const bps = [];
  const better = (v, best) => (o.tie === 'last' ? v >= best : v > best);
  for (let t = 1; t < T; t++) {
    const bp = new Array(L), next = new Array(L);
    for (let j = 0; j < L; j++) {
      let best = -Infinity, arg = 0;
      for (let i = 0; i < L; i++) { const v = r(delta[i] + A[i][j]); if (better(v, best)) { best = v; arg = i; } }
      bp[j] = arg; next[j] = r(best + E[t][j]);
    }
    bps.push(bp);
    delta = next;
    if (o.renorm) { const m = Math.max(...delta); delta = delta.map((v) => r(v - m)); offset = r(offset + m); }
  }
  if (end) delta = delta.map((v, j) => r(v + end[j]));
  let last = 0;
  for (let j = 1; j < L; j++) if (better(delta[j], delta[last])) last = j;
  const path = [last];
  for (let t = bps.length - 1; t >= 0; t--) path.push(bps[t][path[path.length - 1]]);
  path.reverse();
  let score = r(delta[last] + offset);
  if (o.recompute) {
    score = start ? r(start[path[0]] + E[0][path[0]]) : E[0][path[0]];
    for (let t = 1; t < T; t++) score = r(r(score + A[path[t - 1]][path[t]]) + E[t][path[t]]);
    if (end) score = r(score + end[path[T - 1]]);
  }
  return { path, score };
}

/** Max-shifted log-sum-exp in the dtype. */
export function lse(xs, r) {
  const m = Math.max(...xs);
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (const x of xs) s = r(s + r(Math.exp(r(x - m))));
  return r(m + r(Math.log(s)));
}

/** Pairwise logaddexp reduction (np.logaddexp.reduce). */
export function lsePairwise(xs, r) {
  let acc = xs[0];
  for (let i = 1; i < xs.length; i++) {
    const x = acc, y = xs[i];
    if (x === y) { acc = r(x + r(Math.LN2)); continue; }
    const d = r(x - y);
    acc = d > 0 ? r(x + r(Math.log1p(r(Math.exp(-d))))) : r(y + r(Math.log1p(r(Math.exp(d)))));
  }
  return acc;
}

/** Log-domain forward algorithm with the given lse. */
export function logzForward(args, dtype, reduce = lse) {
  const r = rounder(dtype);
  const { E, A, L, T, start, end } = prep(args, r);
  if (T === 0) return 0;
  let alpha = E[0].map((e, j) => (start ? r(start[j] + e) : e));
  for (let t = 1; t < T; t++) {
    alpha = Array.from({ length: L }, (_, j) => r(reduce(alpha.map((a, i) => r(a + A[i][j])), r) + E[t][j]));
  }
  if (end) alpha = alpha.map((a, j) => r(a + end[j]));
  return reduce(alpha, r);
}

/** Backward algorithm: β_t(i) = lse_j(A_ij + E_{t+1,j} + β_{t+1}(j)). */
export function logzBackward(args, dtype) {
  const r = rounder(dtype);
  const { E, A, L, T, start, end } = prep(args, r);
  if (T === 0) return 0;
  let beta = Array.from({ length: L }, (_, i) => (end ? end[i] : 0));
  for (let t = T - 2; t >= 0; t--) {
    beta = Array.from({ length: L }, (_, i) => lse(Array.from({ length: L }, (_, j) => r(r(A[i][j] + E[t + 1][j]) + beta[j])), r));
  }
  return lse(Array.from({ length: L }, (_, j) => r(r(start ? r(start[j] + E[0][j]) : E[0][j]) + beta[j])), r);
}

/** Scaled probability-domain forward (Rabiner): exp of shifted scores, α renormalised by its sum each step. */
export function logzScaled(args, dtype) {
  const r = rounder(dtype);
  const { E, A, L, T, start, end } = prep(args, r);
  if (T === 0) return 0;
  const a = Math.max(...A.flat());
  const P = A.map((row) => row.map((v) => r(Math.exp(r(v - a)))));
  const v0 = E[0].map((e, j) => (start ? r(start[j] + e) : e));
  const m0 = Math.max(...v0);
  let alpha = v0.map((v) => r(Math.exp(r(v - m0))));
  let c = alpha.reduce((s, v) => r(s + v), 0);
  alpha = alpha.map((v) => r(v / c));
  let logz = r(m0 + r(Math.log(c)));
  for (let t = 1; t < T; t++) {
    const m = Math.max(...E[t]);
    const e = E[t].map((v) => r(Math.exp(r(v - m))));
    const next = Array.from({ length: L }, (_, j) => { let s = 0; for (let i = 0; i < L; i++) s = r(s + r(alpha[i] * P[i][j])); return r(s * e[j]); });
    c = next.reduce((s, v) => r(s + v), 0);
    alpha = next.map((v) => r(v / c));
    logz = r(logz + r(r(m + a) + r(Math.log(c))));
  }
  if (end) {
    const b = Math.max(...end);
    const w = end.map((v) => r(Math.exp(r(v - b))));
    let s = 0;
    for (let j = 0; j < L; j++) s = r(s + r(alpha[j] * w[j]));
    logz = r(logz + r(b + r(Math.log(s))));
  }
  return logz;
}

/** A corpus entry: correct ops, with the ones in `over` replaced. */
export function entry(name, over = {}) {
  return { name, dtypes: DTYPES, ops: { 'seq.crf-viterbi': viterbi, 'seq.crf-logz': (a, d) => logzForward(a, d), ...over } };
}
