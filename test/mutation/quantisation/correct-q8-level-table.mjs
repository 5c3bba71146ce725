// Correct: float8 QuantizeLinear by a table: t = fl_d(x/s), then binary search of |t| among the sorted levels, the nearer neighbour (a tie to the even code), overflow decided against the midpoint above the largest level; DequantizeLinear by a 256-entry value table.
import { entry, rounder, f8Value, float8 } from './_quant.mjs';
import { FORMATS } from './_minifloat.mjs';
export const meta = { op: 'quant.quantize', kind: 'correct', class: 'standard algorithm', description: 'float8 output: fl_d(x/s), then nearest level by binary search in the code table (ties to the even code)' };
function table(format) {
  const f = FORMATS[format], sb = 1 << (f.e + f.m), all = sb - 1;
  const K = f.special === 'fn' ? all - 1 : f.special === 'ieee' ? all - (1 << f.m) : all;
  return { K, sb, nan: f.special === 'uz' ? sb : all, ieee: f.special === 'ieee', uz: f.special === 'uz', lv: Array.from({ length: K + 1 }, (_, c) => f8Value(format, c)) };
}
function code(t, format, saturate) {
  const T = table(format);
  if (Number.isNaN(t)) return T.nan;
  const neg = t < 0 || Object.is(t, -0), a = Math.abs(t);
  const sign = (c) => (neg && !(T.uz && c === 0) ? T.sb | c : c);
  const top = T.lv[T.K], over = top + (top - T.lv[T.K - 1]) / 2;
  if (a > over || (a === over && T.K % 2 === 1) || a === Infinity) return saturate ? sign(T.K) : T.ieee ? sign(T.K + 1) : T.nan;
  let lo = 0, hi = T.K;
  while (hi - lo > 1) { const m = (lo + hi) >> 1; if (T.lv[m] <= a) lo = m; else hi = m; }
  if (a >= T.lv[T.K]) return sign(T.K);
  const dl = a - T.lv[lo], dh = T.lv[hi] - a;
  return sign(dl < dh ? lo : dh < dl ? hi : (lo % 2 === 0 ? lo : hi));
}
const q8 = float8((a, d) => { const r = rounder(d); return a.x.map((v, i) => code(r(r(v) / r(scaleOf(a, i))), a.format, a.saturate !== false)); });
function scaleOf(a, i) {
  if (!a.scales || a.axis === undefined) return a.scale;
  const shape = a.shape ?? [a.x.length], rk = shape.length, ax = a.axis < 0 ? a.axis + rk : a.axis, B = a.blockSize;
  const idx = []; let rest = i;
  for (let d = rk - 1; d >= 0; d--) { idx[d] = rest % shape[d]; rest = Math.floor(rest / shape[d]); }
  if (!B) return a.scales[idx[ax]];
  let k = 0;
  for (let d = 0; d < rk; d++) k = k * (d === ax ? Math.ceil(shape[d] / B) : shape[d]) + (d === ax ? Math.floor(idx[d] / B) : idx[d]);
  return a.scales[k];
}
export default entry('zoo-q8-level-table', { 'quant.quantize': q8 });
