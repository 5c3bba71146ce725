// Correct: X W − z_w·rowsum(X) − z_x·colsum(W) + K z_x z_w (gemmlowp / QNNPACK / MatMulInteger with offsets).
import { entry, gemmParts } from './_quant.mjs';
export const meta = { op: 'quant.int-gemm', kind: 'correct', class: 'algorithm', description: 'multiply, then correct by row and column sums (gemmlowp, QNNPACK)' };
const gemm = (a) => { const { K, rows, cols, P } = gemmParts(a); return P.map((r, i) => r.map((v, j) => v - a.zw * rows[i] - a.zx * cols[j] + K * a.zx * a.zw)); };
export default entry('correct-gemm-row-col-sums', { 'quant.int-gemm': gemm });
