// Bug: q − z in 32-bit integer arithmetic (wraps for int32 data when |q − z| ≥ 2³¹).
import { entry, rounder } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'bug', class: 'overflow', description: '(q − z) | 0: int32 wrap-around of the difference' };
const dequantize = ({ q, scale, zeroPoint }, d) => { const r = rounder(d); return q.map((v) => r(r(scale) * ((v - zeroPoint) | 0))); };
export default entry('bug-dequant-int32-wrap', { 'quant.dequantize': dequantize });
