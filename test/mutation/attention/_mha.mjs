// Shared helper of the attn.mha entries (not an entry): multi-head attention with projections in the
// run's dtype (PyTorch nn.MultiheadAttention semantics, batch_first), with switches the bug entries flip.
import { round, softmaxRow } from './_common.mjs';

const dotR = (a, b, r) => { let s = 0; for (let i = 0; i < a.length; i++) s = r(s + r(a[i] * b[i])); return s; };
/** rows x·Wᵀ + b (W [out, in]); biasIndex(j) picks the bias entry added to output j. */
const linear = (X, W, b, r, biasIndex = (j) => j) => X.map((x) => W.map((w, j) => (b === undefined ? dotR(x, w, r) : r(dotR(x, w, r) + b[biasIndex(j)]))));

/**
 * attn.mha. Options: headCols(h, H, dh, E) — the columns of head h (default the block [h·dh, (h+1)·dh));
 * scaleDim(dh, E) — the width in 1/√·; inBiasIndex(j, dh) — the bias entry added to projection column j;
 * outTransposed — Y = O·Wo instead of O·Woᵀ; keepAt(a, t, s) — the boolean mask lookup; noCausal;
 * swapKV — K projected with Wv and V with Wk (the packed in_proj chunks misordered); perHeadSum — the
 * out-projection as Σ_h O_h·Wo_hᵀ + bo; preScale — Q multiplied by fl(1/√dh) before the scores.
 */
export function mha(a, dtype, o = {}) {
  const r = round(dtype);
  const H = a.numHeads, E = a.wq.length, dh = E / H;
  const cols = (h) => (o.headCols ? o.headCols(h, H, dh, E) : Array.from({ length: dh }, (_, c) => h * dh + c));
  const bi = o.inBiasIndex ? (j) => o.inBiasIndex(j, dh) : (j) => j;
  const sw = o.swapKV && a.wk[0].length === a.wv[0].length;
  const scale = r(1 / r(Math.sqrt(o.scaleDim ? o.scaleDim(dh, E) : dh)));
  const keepAt = o.keepAt ?? ((aa, t, s) => aa.keep === undefined || aa.keep[t][s] !== 0);
  return a.query.map((X, b) => {
    const Q = linear(X, a.wq, a.bq, r, bi), K = linear(a.key[b], sw ? a.wv : a.wk, a.bk, r, bi), V = linear(a.value[b], sw ? a.wk : a.wv, a.bv, r, bi);
    const T = Q.length, S = K.length;
    const O = Array.from({ length: T }, () => new Array(E).fill(0));
    for (let h = 0; h < H; h++) {
      const cs = cols(h);
      for (let t = 0; t < T; t++) {
        const qt = cs.map((c) => (o.preScale ? r(Q[t][c] * scale) : Q[t][c]));
        const row = K.map((k, s) => {
          const ok = keepAt(a, t, s) && (o.noCausal || !a.causal || s <= t);
          if (!ok) return -Infinity;
          let x = dotR(qt, cs.map((c) => k[c]), r);
          if (!o.preScale) x = r(x * scale);
          if (a.bias !== undefined) x = r(x + a.bias[t][s]);
          return x;
        });
        const p = softmaxRow(row, r);
        cs.forEach((c) => { let acc = 0; for (let s = 0; s < S; s++) acc = r(acc + r(p[s] * V[s][c])); O[t][c] = acc; });
      }
    }
    return O.map((ot) => a.wo.map((_, j) => {
      let y;
      if (o.perHeadSum) {
        y = 0;
        for (let h = 0; h < H; h++) { const c0 = h * dh; y = r(y + dotR(ot.slice(c0, c0 + dh), a.wo[j].slice(c0, c0 + dh), r)); }
      } else {
        y = dotR(ot, o.outTransposed ? a.wo.map((w) => w[j]) : a.wo[j], r);
      }
      return a.bo === undefined ? y : r(y + a.bo[j]);
    }));
  });
}
