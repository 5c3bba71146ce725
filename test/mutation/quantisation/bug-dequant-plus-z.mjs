// Bug: x̂ = (q + z)·s (sign of the zero point).
import { entry, rounder } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'bug', class: 'zero point', description: 'x̂ = (q + z)·s' };
const dequantize = ({ q, scale, zeroPoint }, d) => { const r = rounder(d); return q.map((v) => r(r(scale) * r(v + zeroPoint))); };
export default entry('bug-dequant-plus-z', { 'quant.dequantize': dequantize });
