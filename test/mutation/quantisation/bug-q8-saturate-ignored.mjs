// Bug: float8 QuantizeLinear ignores saturate = 0 (always saturates to ±max).
import { entry, quantizeF8, float8 } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'float8 overflow', description: 'float8 output: saturate attribute ignored (out-of-range → ±max even with saturate = 0)' };
export default entry('bug-q8-saturate-ignored', { 'quant.quantize': float8((a, d) => quantizeF8(a, d, { alwaysSaturate: true })) });
