// Bug: Accumulates in int16 (wraps beyond ±32767) instead of int32.
import { entry, intGemm, gemmParts } from './_quant.mjs';
export const meta = { op: 'quant.int-gemm', kind: 'bug', class: 'overflow', description: 'Accumulates in int16 (wraps beyond ±32767) instead of int32' };
const gemm = (a) => intGemm(a).map((r) => r.map((v) => ((((v + 32768) % 65536) + 65536) % 65536) - 32768));
export default entry('bug-gemm-int16-accumulator', { 'quant.int-gemm': gemm });
