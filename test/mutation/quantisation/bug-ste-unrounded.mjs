// Bug: Masks the unrounded x/s + z against [q_min, q_max]: values within half a step beyond the ends get gradient 0.
import { entry, steGrad, rounder } from './_quant.mjs';
export const meta = { op: 'quant.ste-grad', kind: 'bug', class: 'boundary', description: 'Masks the unrounded x/s + z against [q_min, q_max]: values within half a step beyond the ends get gradient 0' };
const grad = (a, d) => { const r = rounder(d); return a.x.map((v) => { const t = r(r(v) / r(a.scale)) + a.zeroPoint; return t >= a.qmin && t <= a.qmax ? 1 : 0; }); };
export default entry('bug-ste-unrounded', { 'quant.ste-grad': grad });
