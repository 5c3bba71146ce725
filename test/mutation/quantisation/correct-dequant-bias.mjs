// Correct: scale-and-bias form x̂ = fl(fl(q)·s + fl(−fl(z)·s)) (Core ML linear quantisation).
import { entry, rounder, byParams } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'correct', class: 'standard algorithm', description: 'x̂ = q·s + bias with bias = −z·s precomputed (two product roundings)' };
const dequantize = ({ q, scale, zeroPoint }, dtype) => { const r = rounder(dtype); const s = r(scale); const bias = r(-r(r(zeroPoint) * s)); return q.map((v) => r(r(r(v) * s) + bias)); };
export default entry('zoo-dequant-bias', { 'quant.dequantize': byParams(dequantize, 'q') });
