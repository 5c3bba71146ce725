// Bug: a negative axis not counted from the end (taken modulo the rank wrongly: axis 0).
import { entry, quantize } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'layout', description: 'a negative axis not counted from the end (taken modulo the rank wrongly: axis 0)' };
export default entry('bug-layout-negative-axis', { 'quant.quantize': (a, d) => quantize(a, d, { noNegAxis: true }) });
