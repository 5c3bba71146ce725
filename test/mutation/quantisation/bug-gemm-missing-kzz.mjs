// Bug: Row and column corrections applied but the + K z_x z_w term forgotten.
import { entry, intGemm, gemmParts } from './_quant.mjs';
export const meta = { op: 'quant.int-gemm', kind: 'bug', class: 'wrong-formula', description: 'Row and column corrections applied but the + K z_x z_w term forgotten' };
const gemm = (a) => { const { rows, cols, P } = gemmParts(a); return P.map((r, i) => r.map((v, j) => v - a.zw * rows[i] - a.zx * cols[j])); };
export default entry('bug-gemm-missing-kzz', { 'quant.int-gemm': gemm });
