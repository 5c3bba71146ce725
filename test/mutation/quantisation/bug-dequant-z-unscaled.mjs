// Bug: x̂ = s·q − z (the zero point is not scaled).
import { entry, rounder } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'bug', class: 'zero point', description: 'x̂ = s·q − z' };
const dequantize = ({ q, scale, zeroPoint }, d) => { const r = rounder(d); return q.map((v) => r(r(r(scale) * v) - zeroPoint)); };
export default entry('bug-dequant-z-unscaled', { 'quant.dequantize': dequantize });
