// Bug: Rounds half away from zero in the mask (std::round): boundary ties flip.
import { entry, steGrad, rounder } from './_quant.mjs';
export const meta = { op: 'quant.ste-grad', kind: 'bug', class: 'rounding', description: 'Rounds half away from zero in the mask (std::round): boundary ties flip' };
const grad = (a, d) => steGrad(a, d, { round: (t) => Math.sign(t) * Math.round(Math.abs(t)) });
export default entry('bug-ste-half-away', { 'quant.ste-grad': grad });
