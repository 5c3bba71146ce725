// Bug: The true derivative of round: 0 everywhere (no gradient flows).
import { entry, steGrad, rounder } from './_quant.mjs';
export const meta = { op: 'quant.ste-grad', kind: 'bug', class: 'convention', description: 'The true derivative of round: 0 everywhere (no gradient flows)' };
const grad = (a) => a.x.map(() => 0);
export default entry('bug-ste-true-derivative', { 'quant.ste-grad': grad });
