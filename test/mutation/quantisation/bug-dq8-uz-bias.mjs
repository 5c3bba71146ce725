// Bug: float8 DequantizeLinear decodes E4M3FN/E5M2 codes with the FNUZ bias (one more: values halved).
import { entry, dequantizeF8, f8Value, float8 } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'bug', class: 'float8 decode', description: 'float8 input: the FNUZ bias used for every format (E4M3FN/E5M2 values halved)' };
const uz = { E4M3FN: 'E4M3FNUZ', E5M2: 'E5M2FNUZ', E4M3FNUZ: 'E4M3FNUZ', E5M2FNUZ: 'E5M2FNUZ' };
export default entry('bug-dq8-uz-bias', { 'quant.dequantize': float8((a, d) => dequantizeF8(a, d, { value: (f, c) => f8Value(uz[f], c) })) });
