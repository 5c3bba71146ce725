// Bug (convention): rounds half away from zero (C's round / std::round) where the op pins half to even.
import { entry, rounder, clamp } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'rounding convention', description: 'round half away from zero instead of half to even' };
const away = (v) => Math.sign(v) * Math.floor(Math.abs(v) + 0.5);
const quantize = ({ x, scale, zeroPoint, qmin, qmax }, d) => { const r = rounder(d); return x.map((v) => clamp(away(r(r(v) / r(scale))) + zeroPoint, qmin, qmax)); };
export default entry('bug-quant-round-half-away', { 'quant.quantize': quantize });
