// Bug: float8 QuantizeLinear multiplies by fl(1/s) (two roundings of the quotient) where ONNX divides.
import { entry, quantizeF8, float8 } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'float8 rounding', description: 'float8 output: x·fl(1/s) instead of fl(x/s)' };
export default entry('bug-q8-reciprocal', { 'quant.quantize': float8((a, d) => quantizeF8(a, d, { reciprocal: true })) });
