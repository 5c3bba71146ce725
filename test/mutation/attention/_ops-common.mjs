// Shared helpers of the attn.attention / attn.rope / attn.sinusoidal-pe entries (not an entry):
// a textbook implementation in the run's dtype with switches that the bug entries flip.
import { round, softmaxRow } from './_common.mjs';

const dotR = (a, b, r) => { let s = 0; for (let i = 0; i < a.length; i++) s = r(s + r(a[i] * b[i])); return s; };

/**
 * attn.attention. Options: kvHead(h, Hq, Hkv), allowed(t, s, T, N, a), scale(d, r, a), softcap(s, c, r),
 * capAfterMask (apply the softcap after the −∞ mask), noBias, noPast, deferred (flash-style normalisation);
 * for the other outputs and conventions: presentNoPast (present key/value without the cache),
 * scoresCapped (mode-0 scores soft-capped, as ONNX's reference does with a softcap), maskedScoresFinite
 * (masked keys keep their score in the masked scores), emptyRowMean (a fully masked row → the mean of V,
 * what a lowest-float fill gives), emptyRowZero (a fully masked row → 0 whatever the convention).
 */
export function attention(a, dtype, o = {}) {
  const r = round(dtype);
  const output = a.output ?? 'y';
  if (output === 'present-key' || output === 'present-value') {
    const [past, cur] = output === 'present-key' ? [a.pastK, a.k] : [a.pastV, a.v];
    return cur.map((ch, h) => [...(o.presentNoPast ? [] : past?.[h] ?? []), ...ch].map((row) => row.map((x) => r(x))));
  }
  const Hq = a.q.length, Hkv = a.k.length;
  const K = a.k.map((kh, h) => [...(o.noPast ? [] : a.pastK?.[h] ?? []), ...kh]);
  const V = a.v.map((vh, h) => [...(o.noPast ? [] : a.pastV?.[h] ?? []), ...vh]);
  const T = a.q[0].length, N = K[0].length, d = a.q[0][0].length, e = V[0][0].length;
  const off = o.noPast ? (a.pastK?.[0]?.length ?? 0) : 0; // masks are given over the P + S keys
  const kvHead = o.kvHead ?? ((h) => Math.floor(h / (Hq / Hkv)));
  const allowed = o.allowed ?? ((t, s) => (a.keep === undefined || a.keep[t][s] !== 0)
    && (a.causal === 'top-left' ? s <= t : a.causal === 'bottom-right' ? s <= t + N - T : true));
  const scale = o.scale ? o.scale(d, r, a) : a.scale !== undefined ? r(a.scale) : r(1 / r(Math.sqrt(d)));
  const cap = (s) => (a.softcap ? r(r(a.softcap) * r(Math.tanh(r(s / r(a.softcap))))) : s);
  return Array.from({ length: Hq }, (_, h) => {
    const g = kvHead(h, Hq, Hkv);
    return Array.from({ length: T }, (_, t) => {
      const row = K[g].map((ks, s) => {
        let x = r(dotR(a.q[h][t], ks, r) * scale);
        if (output === 'scores') return o.scoresCapped ? cap(x) : x;
        if (output === 'softcapped-scores') return cap(x);
        const ok = allowed(t, s + off, T, N + off, a);
        if (output === 'masked-scores') {
          x = cap(x);
          if (!ok && !o.maskedScoresFinite) return -Infinity;
          return a.bias !== undefined && !o.noBias ? r(x + a.bias[t][s + off]) : x;
        }
        if (o.capAfterMask) { x = ok ? x : -Infinity; x = a.softcap ? r(r(a.softcap) * r(Math.tanh(r(x / r(a.softcap))))) : x; }
        else { x = cap(x); if (!ok) x = -Infinity; }
        if (a.bias !== undefined && !o.noBias && x !== -Infinity) x = r(x + a.bias[t][s + off]);
        return x;
      });
      if (output !== 'y') return row;
      if (row.every((x) => x === -Infinity)) {
        // a fully masked row (fullyMasked 'zero' or 'nan')
        if (o.emptyRowMean) return Array.from({ length: e }, (_, c) => { let s = 0; for (let j = 0; j < N; j++) s = r(s + V[g][j][c]); return r(s / N); });
        return Array.from({ length: e }, () => (a.fullyMasked === 'zero' || o.emptyRowZero ? 0 : NaN));
      }
      const p = softmaxRow(row, r);
      return Array.from({ length: e }, (_, c) => { let s = 0; for (let j = 0; j < N; j++) s = r(s + r(p[j] * V[g][j][c])); return s; });
    });
  });
}

/** θ_i = base^{−2i/d} by default; options freq(i, d, base, r), pair(i, d, pairing), sign (−1: rotate by −θ), posShift. */
export function rope(a, dtype, o = {}) {
  const r = round(dtype);
  const d = a.x[0].length, h = d / 2;
  const freq = o.freq ?? ((i, dd, base) => r(Math.exp(r(r(-2 * i / dd) * r(Math.log(base))))));
  const pair = o.pair ?? ((i, dd, pairing) => (pairing === 'interleaved' ? [2 * i, 2 * i + 1] : [i, i + dd / 2]));
  const sign = o.sign ?? 1;
  return a.x.map((row, t) => {
    const out = [...row];
    for (let i = 0; i < h; i++) {
      const ang = r((a.positions[t] + (o.posShift ?? 0)) * freq(i, d, a.base, r));
      const c = r(Math.cos(ang)), s = r(sign * r(Math.sin(ang)));
      const [ia, ib] = pair(i, d, a.pairing);
      out[ia] = r(r(row[ia] * c) - r(row[ib] * s));
      out[ib] = r(r(row[ib] * c) + r(row[ia] * s));
    }
    return out;
  });
}

/** PE(p, 2i) = sin(p θ_i), PE(p, 2i+1) = cos(p θ_i); options freq(i, d, base, r), swap (cos first), blocks ([sin…, cos…]), posShift. */
export function pe(a, dtype, o = {}) {
  const r = round(dtype);
  const h = a.d / 2;
  const freq = o.freq ?? ((i, d, base) => r(Math.exp(r(r(-2 * i / d) * r(Math.log(base))))));
  return a.positions.map((p) => {
    const row = new Array(a.d);
    for (let i = 0; i < h; i++) {
      const ang = r((p + (o.posShift ?? 0)) * freq(i, a.d, a.base, r));
      const s = r(Math.sin(ang)), c = r(Math.cos(ang));
      const [js, jc] = o.blocks ? [i, i + h] : [2 * i, 2 * i + 1];
      row[js] = o.swap ? c : s; row[jc] = o.swap ? s : c;
    }
    return row;
  });
}
