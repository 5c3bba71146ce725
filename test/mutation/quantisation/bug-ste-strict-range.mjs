// Bug: Strict test q_min < q < q_max: the range ends get gradient 0.
import { entry, steGrad, rounder } from './_quant.mjs';
export const meta = { op: 'quant.ste-grad', kind: 'bug', class: 'boundary', description: 'Strict test q_min < q < q_max: the range ends get gradient 0' };
const grad = (a, d) => steGrad(a, d, { strict: true });
export default entry('bug-ste-strict-range', { 'quant.ste-grad': grad });
