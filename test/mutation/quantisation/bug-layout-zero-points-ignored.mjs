// Bug: per-axis / blocked zero points ignored (0), as a symmetric-only kernel does.
import { entry, quantize } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'layout', description: 'per-axis / blocked zero points ignored (0), as a symmetric-only kernel does' };
export default entry('bug-layout-zero-points-ignored', { 'quant.quantize': (a, d) => quantize(a, d, { ignoreZeroPoints: true }) });
