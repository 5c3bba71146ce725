// Bug: float8 QuantizeLinear truncates the mantissa in the cast (round toward zero).
import { entry, quantizeF8, float8 } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'float8 rounding', description: 'float8 output: the cast truncates the mantissa' };
export default entry('bug-q8-truncate', { 'quant.quantize': float8((a, d) => quantizeF8(a, d, { cast: { round: Math.trunc } })) });
