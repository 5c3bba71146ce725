// Bug: Accumulates in float32 after rounding each product to bfloat16 (8-bit mantissa): exact only for small codes.
import { entry, intGemm, gemmParts } from './_quant.mjs';
export const meta = { op: 'quant.int-gemm', kind: 'bug', class: 'precision', description: 'Accumulates in float32 after rounding each product to bfloat16 (8-bit mantissa): exact only for small codes' };
const gemm = (a) => { const bf = (v) => { if (v === 0) return 0; const e = Math.floor(Math.log2(Math.abs(v))); const q = 2 ** (e - 7); return Math.round(v / q) * q; }; const K = a.W.length, n = K ? a.W[0].length : 0; return a.X.map((row) => Array.from({ length: n }, (_, j) => { let s = 0; for (let k = 0; k < K; k++) s = Math.fround(s + bf((row[k] - a.zx) * (a.W[k][j] - a.zw))); return s; })); };
export default entry('bug-gemm-bf16-products', { 'quant.int-gemm': gemm });
