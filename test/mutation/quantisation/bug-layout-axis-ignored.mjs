// Bug: per-axis parameters always along the last axis (axis ignored).
import { entry, quantize } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'layout', description: 'per-axis parameters always along the last axis (axis ignored)' };
export default entry('bug-layout-axis-ignored', { 'quant.quantize': (a, d) => quantize(a, d, { lastAxis: true }) });
