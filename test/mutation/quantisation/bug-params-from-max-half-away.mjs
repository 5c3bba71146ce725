// Bug (convention): gemmlowp/TFLite ChooseQuantizationParams — the zero point from whichever end has the smaller
// error (the upper end on equal errors) and nudged with round half away from zero; differs at exact ties.
import { entry, rounder, clamp } from './_quant.mjs';
export const meta = { op: 'quant.affine-params', kind: 'bug', class: 'rounding convention', description: 'z from x_max on equal errors, rounded half away from zero (TFLite), where the op pins q_min − round_half_even(lo/s)' };
const away = (v) => Math.sign(v) * Math.floor(Math.abs(v) + 0.5);
function affineParams({ xmin, xmax, qmin, qmax }) {
  const lo = Math.min(xmin, 0), hi = Math.max(xmax, 0);
  const s = (hi - lo) / (qmax - qmin);
  if (s === 0) return { scale: 1, zeroPoint: 0 };
  const fromMin = qmin - lo / s, fromMax = qmax - hi / s;
  const errMin = Math.abs(qmin) + Math.abs(lo / s), errMax = Math.abs(qmax) + Math.abs(hi / s);
  const z0 = errMin < errMax ? fromMin : fromMax;
  return { scale: s, zeroPoint: clamp(away(z0), qmin, qmax) };
}
export default { ...entry('bug-params-from-max-half-away', { 'quant.affine-params': affineParams }), dtypes: ['float64'] };
