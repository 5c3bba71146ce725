// Correct: widen to 0, s = fl(fl(hi − lo)/(qmax − qmin)), z = clamp(qmin − rhe(fl(lo/s))); q = clamp(rhe(fl(x/s)) + z); x̂ = fl(s·(q − z)), the difference exact.
import { entry } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'correct', class: 'standard algorithm', description: 'divide by the scale, round half to even, add z, clamp (ONNX QuantizeLinear / TFLite reference) with PyTorch-observer parameters' };
export default entry('zoo-quant-divide');
