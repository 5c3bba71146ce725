// Correct zoo: ONNX Runtime (clients/js/onnxruntime-adapter.mjs): DynamicQuantizeLinear / composed graphs for the
// parameters, QuantizeLinear (round half to even, saturating) and DequantizeLinear, float32. The narrow ranges
// ([−127, 127], [0, 127], [−64, 63], [−7, 7]) are not ONNX types: they are quantised with the enclosing type and then
// clamped (clamp ∘ saturate = clamp), and their parameters computed by the composed graph of the enclosing type's
// kind... which the adapter only builds for ONNX ranges, so for those the parameters come from the JS divide form.
import ort from '../../../clients/js/onnxruntime-adapter.mjs';
import { affineParams, byParams } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'correct', class: 'library (ONNX Runtime)', description: 'onnxruntime-node QuantizeLinear / DequantizeLinear / DynamicQuantizeLinear' };
const ONNX = [[-128, 127], [0, 255], [-8, 7], [0, 15], [-32768, 32767], [0, 65535]];
const enclosing = (qmin, qmax) => ONNX.find(([a, b]) => a <= qmin && qmax <= b);
const isOnnx = (qmin, qmax) => ONNX.some(([a, b]) => a === qmin && b === qmax);
export default {
  name: 'zoo-quant-onnxruntime',
  dtype: 'float32',
  ops: {
    'quant.affine-params': (a) => (isOnnx(a.qmin, a.qmax) ? ort.ops['quant.affine-params'](a) : affineParams(a, 'float32')),
    'quant.quantize': byParams(async (a) => {
      const [lo, hi] = enclosing(a.qmin, a.qmax);
      const q = await ort.ops['quant.quantize']({ ...a, qmin: lo, qmax: hi });
      return q.map((v) => Math.min(a.qmax, Math.max(a.qmin, v)));
    }),
    'quant.dequantize': byParams((a) => ort.ops['quant.dequantize'](a), 'q'),
  },
};
