// Bug: dequantize: per-axis zero points ignored.
import { entry, dequantize } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'bug', class: 'layout', description: 'dequantize: per-axis zero points ignored' };
export default entry('bug-layout-dequant-zero-points-ignored', { 'quant.dequantize': (a, d) => dequantize(a, d, { ignoreZeroPoints: true }) });
