// Bug: symmetric formula x̂ = s·q applied to asymmetric data (the zero point ignored).
import { entry, rounder } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'bug', class: 'zero point', description: 'x̂ = s·q, zero point ignored' };
const dequantize = ({ q, scale }, d) => { const r = rounder(d); return q.map((v) => r(r(scale) * v)); };
export default entry('bug-dequant-ignores-z', { 'quant.dequantize': dequantize });
