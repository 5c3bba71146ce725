// Correct: per-axis / blocked parameters expanded by repeating the scale tensor along the axis (np.repeat, cut to the dim), then elementwise quantize/dequantize with the reciprocal.
import { entry, quantize } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'correct', class: 'standard algorithm', description: 'scales repeated along the axis, x·fl(1/s) per element' };
export default entry('zoo-layout-repeat-reciprocal', { 'quant.quantize': (a, d) => quantize(a, d, { reciprocal: true }) });
