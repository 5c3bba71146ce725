// Bug: clamps round(x/s) to [q_min, q_max] and adds z afterwards (results leave the integer range).
import { entry, rounder, rhe, clamp } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'saturation', description: 'clamp(round(x/s), qmin, qmax) + z' };
const quantize = ({ x, scale, zeroPoint, qmin, qmax }, d) => { const r = rounder(d); return x.map((v) => clamp(rhe(r(r(v) / r(scale))), qmin, qmax) + zeroPoint); };
export default entry('bug-quant-clamp-before-z', { 'quant.quantize': quantize });
