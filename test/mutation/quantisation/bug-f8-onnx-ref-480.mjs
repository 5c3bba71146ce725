// Bug: the ONNX reference / ONNX Runtime E4M3FN path: the mantissa pattern 111 at exponent 8 masked to 110, so |x| in [480, 496) gives 448 with saturate = false instead of NaN.
import { entry } from './_quant.mjs';
import { castFloat8 } from './_minifloat.mjs';
export const meta = { op: 'quant.cast-float8', kind: 'bug', class: 'overflow', description: 'the ONNX reference / ONNX Runtime E4M3FN path: the mantissa pattern 111 at exponent 8 masked to 110, so |x| in [480, 496) gives 448 with saturate = false instead of NaN' };
export default entry('bug-f8-onnx-ref-480', { 'quant.cast-float8': castFloat8({ onnxRef480: true }) });
