// Bug: clamps only at q_max (values below the calibration range run past q_min).
import { entry, rounder, rhe } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'saturation', description: 'Math.min(q, qmax) without the lower clamp' };
const quantize = ({ x, scale, zeroPoint, qmax }, d) => { const r = rounder(d); return x.map((v) => Math.min(rhe(r(r(v) / r(scale))) + zeroPoint, qmax)); };
export default entry('bug-quant-no-lower-clamp', { 'quant.quantize': quantize });
