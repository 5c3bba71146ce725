// Bug: The weight correction uses z_x times the row sums of X, the activation correction z_w times the column sums of W (the two sums swapped).
import { entry, intGemm, gemmParts } from './_quant.mjs';
export const meta = { op: 'quant.int-gemm', kind: 'bug', class: 'indexing', description: 'The weight correction uses z_x times the row sums of X, the activation correction z_w times the column sums of W (the two sums swapped)' };
const gemm = (a) => { const { K, rows, cols, P } = gemmParts(a); return P.map((r, i) => r.map((v, j) => v - a.zw * cols[j] - a.zx * rows[i] + K * a.zx * a.zw)); };
export default entry('bug-gemm-rowsum-for-colsum', { 'quant.int-gemm': gemm });
