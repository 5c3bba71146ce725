// Bug: subtracts the zero point in quantize (sign confusion with dequantize).
import { entry, rounder, rhe, clamp } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'zero point', description: 'q = clamp(round(x/s) − z) instead of + z' };
const quantize = ({ x, scale, zeroPoint, qmin, qmax }, d) => { const r = rounder(d); return x.map((v) => clamp(rhe(r(r(v) / r(scale))) - zeroPoint, qmin, qmax)); };
export default entry('bug-quant-zero-point-subtracted', { 'quant.quantize': quantize });
