// Bug: The identity STE: gradient 1 everywhere, clipping ignored.
import { entry, steGrad, rounder } from './_quant.mjs';
export const meta = { op: 'quant.ste-grad', kind: 'bug', class: 'convention', description: 'The identity STE: gradient 1 everywhere, clipping ignored' };
const grad = (a) => a.x.map(() => 1);
export default entry('bug-ste-identity', { 'quant.ste-grad': grad });
