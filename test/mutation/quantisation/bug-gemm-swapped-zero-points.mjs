// Bug: z_w subtracted from X and z_x from W (zero points swapped).
import { entry, intGemm, gemmParts } from './_quant.mjs';
export const meta = { op: 'quant.int-gemm', kind: 'bug', class: 'indexing', description: 'z_w subtracted from X and z_x from W (zero points swapped)' };
const gemm = (a) => intGemm({ ...a, zx: a.zw, zw: a.zx });
export default entry('bug-gemm-swapped-zero-points', { 'quant.int-gemm': gemm });
