// Bug: dequantize: per-axis parameters along the last axis (axis ignored).
import { entry, dequantize } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'bug', class: 'layout', description: 'dequantize: per-axis parameters along the last axis (axis ignored)' };
export default entry('bug-layout-dequant-axis-ignored', { 'quant.dequantize': (a, d) => dequantize(a, d, { lastAxis: true }) });
