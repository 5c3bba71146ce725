// Bug: dequantize: a negative axis not counted from the end.
import { entry, dequantize } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'bug', class: 'layout', description: 'dequantize: a negative axis not counted from the end' };
export default entry('bug-layout-dequant-negative-axis', { 'quant.dequantize': (a, d) => dequantize(a, d, { noNegAxis: true }) });
