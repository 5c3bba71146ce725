// Bug: float8 QuantizeLinear uses the first scale for every element (per-axis / blocked scales ignored).
import { entry, quantizeF8, float8 } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'layout', description: 'float8 output: per-axis / blocked scales ignored (one scale for all)' };
export default entry('bug-q8-layout-ignored', { 'quant.quantize': float8((a, d) => quantizeF8(a, d, { perTensor: true })) });
