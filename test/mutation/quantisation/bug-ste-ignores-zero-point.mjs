// Bug: The mask tests round(x/s) against [q_min, q_max] without adding z.
import { entry, steGrad, rounder } from './_quant.mjs';
export const meta = { op: 'quant.ste-grad', kind: 'bug', class: 'zero-point', description: 'The mask tests round(x/s) against [q_min, q_max] without adding z' };
const grad = (a, d) => steGrad({ ...a, zeroPoint: 0 }, d);
export default entry('bug-ste-ignores-zero-point', { 'quant.ste-grad': grad });
