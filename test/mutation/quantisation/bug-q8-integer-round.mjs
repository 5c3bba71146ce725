// Bug: float8 QuantizeLinear rounds x/s to an integer first (the integer QuantizeLinear path), then casts.
import { entry, quantizeF8, float8 } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'float8 rounding', description: 'float8 output: rhe(x/s) (integer rounding) cast to float8' };
export default entry('bug-q8-integer-round', { 'quant.quantize': float8((a, d) => quantizeF8(a, d, { intRound: true })) });
