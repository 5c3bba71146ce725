// Shared helpers of the recurrent corpus entries (not an entry). Everything in the request dtype via r.
export const rounder = (dtype) => (dtype === 'float32' ? Math.fround : (x) => x);
export const sigmoidExp = (r) => (a) => r(1 / r(1 + r(Math.exp(-a))));
export const sigmoidTanh = (r) => (a) => r(r(1 + r(Math.tanh(r(a / 2)))) / 2);
export const tanhLib = (r) => (a) => r(Math.tanh(a));
/**
 * One LSTM step; `concat` 'hx' multiplies W_g by [h; x], 'xh' multiplies the column-swapped W′_g by [x; h] (same cell).
 * `opts` injects the corpus bugs.
 */
export function lstm(a, r, { sig = sigmoidExp(r), th = tanhLib(r), concat = 'hx', opts = {} } = {}) {
  const m = a.h.length, n = a.x.length;
  const z = concat === 'hx' ? [...a.h, ...a.x] : [...a.x, ...a.h];
  const col = (j) => (concat === 'hx' ? j : j < n ? m + j : j - n); // column of W_g for z[j]
  const pre = (W, b, k) => {
    let s = b[k];
    for (let j = 0; j < m + n; j++) s = r(s + r(W[k][opts.wrongConcat ? j : col(j)] * z[j]));
    return s;
  };
  const W = opts.swapIF ? { f: a.Wi, i: a.Wf, c: a.Wc, o: a.Wo } : { f: a.Wf, i: a.Wi, c: a.Wc, o: a.Wo };
  const B = opts.swapIF ? { f: a.bi, i: a.bf, c: a.bc, o: a.bo } : { f: a.bf, i: a.bi, c: a.bc, o: a.bo };
  const c = [], h = [];
  for (let k = 0; k < m; k++) {
    const f = sig(r(pre(W.f, B.f, k) + (opts.forgetBias ?? 0)));
    const i = sig(pre(W.i, B.i, k));
    const g = opts.sigmoidCandidate ? sig(pre(W.c, B.c, k)) : th(pre(W.c, B.c, k));
    const o = sig(pre(W.o, B.o, k));
    const prev = opts.hForC ? a.h[k] : a.c[k];
    const ck = r(r(f * prev) + r(i * g));
    c.push(ck);
    h.push(opts.noTanh ? r(o * ck) : r(o * th(opts.oldC ? a.c[k] : ck)));
  }
  return { h, c };
}
