// Shared helper of the attn.rope-apply entries (not an entry): RoPE with given cos/sin tables [T, h] on the
// first r = 2h coordinates of x [T, d] in the run's dtype, with switches that the bug entries flip.
import { round } from './_common.mjs';

/**
 * Options: sign (−1: the transposed rotation), partner(i, h, d) (the rotate-half partner of coordinate i),
 * swapTables (cos ↔ sin), zeroRest (the copied coordinates set to 0), f32 (float32 arithmetic whatever the dtype),
 * pairing (force a pairing), fma (x_a·c exact, one rounding of x_a·c ∓ fl(x_b·s)).
 */
export function ropeApply(a, dtype, o = {}) {
  const r = o.f32 ? round('float32') : round(dtype);
  const pairing = o.pairing ?? a.pairing;
  const sign = o.sign ?? 1;
  return a.x.map((row, t) => {
    const h = a.cos[t].length;
    const d = row.length;
    const out = row.map((v, j) => (o.zeroRest && j >= 2 * h ? 0 : r(v)));
    const C = o.swapTables ? a.sin[t] : a.cos[t], S = o.swapTables ? a.cos[t] : a.sin[t];
    for (let i = 0; i < h; i++) {
      const [ia, ib] = pairing === 'interleaved' ? [2 * i, 2 * i + 1] : [i, o.partner ? o.partner(i, h, d) : i + h];
      const xa = r(row[ia]), xb = r(row[ib]), c = r(C[i]), s = r(sign * r(S[i]));
      if (o.fma) { out[ia] = r(xa * c - r(xb * s)); out[ib] = r(xb * c + r(xa * s)); }
      else { out[ia] = r(r(xa * c) - r(xb * s)); out[ib] = r(r(xb * c) + r(xa * s)); }
    }
    return out;
  });
}

/**
 * The Hugging Face form: cos and sin expanded to the r rotated coordinates (rotate-half: cat(cos, cos); interleaved:
 * repeat_interleave) and out = x·C + rotate_half(x)·S, rotate_half(x) = (−x_b, x_a) per pair; `layout` overrides the
 * expansion (the bug of expanding for the other pairing).
 */
export function ropeApplyHf(a, dtype, layout) {
  const r = round(dtype);
  return a.x.map((row, t) => {
    const h = a.cos[t].length, rr = 2 * h;
    const lay = layout ?? a.pairing;
    const col = (j) => (lay === 'interleaved' ? j >> 1 : j % h);
    const rot = (j) => (a.pairing === 'interleaved' ? (j % 2 === 0 ? -row[j + 1] : row[j - 1]) : (j < h ? -row[j + h] : row[j - h]));
    return row.map((v, j) => (j >= rr ? v : r(r(v * a.cos[t][col(j)]) + r(rot(j) * a.sin[t][col(j)]))));
  });
}
