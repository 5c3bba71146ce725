// Correct: the angle as pos / base^{2i/d} (division by the wavelength factor, computed by pow), as the formula is written.
import { round } from './_common.mjs';
export const meta = { op: 'attn.sinusoidal-pe', kind: 'correct', class: 'standard algorithm', description: 'pos / base^(2i/d) by pow and a division' };
function pe(a, dtype) {
  const r = round(dtype);
  return a.positions.map((p) => Array.from({ length: a.d }, (_, j) => {
    const ang = r(p / r(Math.pow(a.base, r(2 * (j >> 1) / a.d))));
    return j % 2 === 0 ? r(Math.sin(ang)) : r(Math.cos(ang));
  }));
}
export default { name: 'correct-pe-division', dtypes: ['float32', 'float64'], ops: { 'attn.sinusoidal-pe': pe } };
