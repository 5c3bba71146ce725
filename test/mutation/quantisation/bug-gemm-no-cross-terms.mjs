// Bug: The notes' Y_q = X_q W_q: the zero points are ignored (no cross terms).
import { entry, intGemm, gemmParts } from './_quant.mjs';
export const meta = { op: 'quant.int-gemm', kind: 'bug', class: 'wrong-formula', description: 'The notes’ Y_q = X_q W_q: the zero points are ignored (no cross terms)' };
const gemm = ({ X, W }) => gemmParts({ X, W }).P;
export default entry('bug-gemm-no-cross-terms', { 'quant.int-gemm': gemm });
