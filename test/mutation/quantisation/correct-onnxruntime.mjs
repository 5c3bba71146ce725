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
      if (a.format) {
        // float8: ORT's QuantizeLinear, with its two known deviations (reports/peers/onnxruntime.xfail.json) patched, both
        // with saturate = 0: E4M3FN gives 448 for |fl32(x/s)| in [480, 496) where ONNX says NaN (code 0x7f); E5M2 gives
        // NaN for |fl32(x/s)| in [61440, 65536) where ONNX says ±inf (0x7c / 0xfc)
        const q = await ort.ops['quant.quantize'](a);
        if (a.saturate !== false) return q;
        const t = (i) => Math.fround(Math.fround(a.x[i]) / Math.fround(a.scale));
        if (a.format === 'E4M3FN') return q.map((c, i) => ((c & 0x7f) === 0x7e && Math.abs(t(i)) >= 480 ? 0x7f : c));
        if (a.format === 'E5M2') return q.map((c, i) => ((c & 0x7f) > 0x7c && Number.isFinite(t(i)) && Math.abs(t(i)) >= 61440 ? (t(i) < 0 ? 0xfc : 0x7c) : c));
        return q;
      }
      const [lo, hi] = enclosing(a.qmin, a.qmax);
      const q = await ort.ops['quant.quantize']({ ...a, qmin: lo, qmax: hi });
      return q.map((v) => Math.min(a.qmax, Math.max(a.qmin, v)));
    }),
    'quant.dequantize': byParams((a) => ort.ops['quant.dequantize'](a), 'q'),
  },
};
