// Bug: float8 QuantizeLinear casts the float64 quotient x/s in a float32 run (one rounding instead of ONNX's fl32(x/s) then the cast): differs where fl32(x/s) lands on a float8 midpoint that x/s is not.
import { entry, quantizeF8, float8 } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'float8 rounding', description: 'float8 output: the float64 quotient x/s cast directly (no rounding to the float32 request dtype first)' };
export default entry('bug-q8-exact-quotient', { 'quant.quantize': float8((a, d) => quantizeF8(a, d, { exactQuotient: true })) });
