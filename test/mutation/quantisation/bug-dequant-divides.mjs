// Bug: divides by the scale (confusing s with the inverse scale 1/s some APIs take).
import { entry, rounder } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'bug', class: 'scale', description: 'x̂ = (q − z)/s' };
const dequantize = ({ q, scale, zeroPoint }, d) => { const r = rounder(d); return q.map((v) => r((v - zeroPoint) / r(scale))); };
export default entry('bug-dequant-divides', { 'quant.dequantize': dequantize });
