// Correct: dequantize as PyTorch's dequantize_val / tfjs: q and z converted to the dtype, subtracted there, multiplied.
import { entry, rounder, byParams } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'correct', class: 'standard algorithm', description: 'fl(s·fl(fl(q) − fl(z))): convert, subtract, multiply in the dtype' };
const dequantize = ({ q, scale, zeroPoint }, dtype) => { const r = rounder(dtype); const s = r(scale), z = r(zeroPoint); return q.map((v) => r(s * r(r(v) - z))); };
export default entry('zoo-dequant-convert', { 'quant.dequantize': byParams(dequantize, 'q') });
