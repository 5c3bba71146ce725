// Bug: float8 DequantizeLinear drops the sign bit.
import { entry, dequantizeF8, f8Value, float8 } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'bug', class: 'float8 decode', description: 'float8 input: the sign bit ignored' };
export default entry('bug-dq8-sign-ignored', { 'quant.dequantize': float8((a, d) => dequantizeF8(a, d, { value: (f, c) => Math.abs(f8Value(f, c)) })) });
