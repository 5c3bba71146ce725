// Bug: − K z_x z_w instead of + K z_x z_w.
import { entry, intGemm, gemmParts } from './_quant.mjs';
export const meta = { op: 'quant.int-gemm', kind: 'bug', class: 'sign', description: '− K z_x z_w instead of + K z_x z_w' };
const gemm = (a) => { const { K, rows, cols, P } = gemmParts(a); return P.map((r, i) => r.map((v, j) => v - a.zw * rows[i] - a.zx * cols[j] - K * a.zx * a.zw)); };
export default entry('bug-gemm-kzz-sign', { 'quant.int-gemm': gemm });
