// Shared helpers of the NF4 entries (not an entry: the name starts with "_"). Blockwise NF4 in the
// request dtype (float32: Math.fround after each operation), with options that reproduce bugs.
import { rounder } from './_quant.mjs';

export const NF4 = [-1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635, -0.18477343022823334,
  -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
  0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0];

/**
 * Correct: t = fl(x·fl(1/absmax)), code = argmin_k |t − L_k| (the first, i.e. lower, at equal
 * distance), value = fl(absmax·L_code). Options: upperTie, globalAbsmax, signedMax, uniformGrid,
 * zeroNaN (no guard: 0/0), divideValue, lastBlockPrev.
 */
export function nf4({ x, blockSize }, dtype, o = {}) {
  const r = rounder(dtype);
  const codes = [], absmax = [], values = [];
  const all = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  for (let i = 0; i < x.length; i += blockSize) {
    const blk = x.slice(i, i + blockSize).map(r);
    let am = o.globalAbsmax ? r(all) : o.signedMax ? Math.max(...blk) : blk.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    if (o.lastBlockPrev && blk.length < blockSize && absmax.length > 0) am = absmax[absmax.length - 1];
    absmax.push(am);
    const inv = r(1 / am);
    for (const v of blk) {
      let c;
      if (am === 0 && !o.zeroNaN) c = 7;
      else if (o.uniformGrid) c = Math.max(0, Math.min(15, Math.round(r(v * inv) * 7.5 + 7.5)));
      else {
        const t = am === 0 ? NaN : r(v * inv);
        c = 0; let best = Infinity;
        NF4.forEach((L, k) => { const d = Math.abs(t - L); if (d < best || (o.upperTie && d === best)) { best = d; c = k; } });
      }
      codes.push(c);
      values.push(o.divideValue ? r(NF4[c] / am) : r(am * NF4[c]));
    }
  }
  return { codes, absmax, values };
}
