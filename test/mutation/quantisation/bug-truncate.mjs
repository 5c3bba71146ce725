// Bug: truncates x/s towards zero (an int cast) instead of rounding.
import { entry, rounder, clamp } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'rounding', description: 'Math.trunc(x/s) (a float → int cast) instead of rounding' };
const quantize = ({ x, scale, zeroPoint, qmin, qmax }, d) => { const r = rounder(d); return x.map((v) => clamp(Math.trunc(r(r(v) / r(scale))) + zeroPoint, qmin, qmax)); };
export default entry('bug-quant-truncate', { 'quant.quantize': quantize });
