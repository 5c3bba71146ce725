// Correct: w ← w + (2ησ)(y − σw) per coordinate, every operation in the request dtype.
import { rounder, residualForm } from './_gd.mjs';
export const meta = { op: 'opt.gd-steps', kind: 'correct', class: 'residual form', description: 'w + 2ησ(y − σw) with 2ησ hoisted, in the dtype' };
export default { name: 'zoo-gd-js-residual', dtypes: ['float32', 'float64'], ops: { 'opt.gd-steps': (a, dtype) => residualForm(a, rounder(dtype)) } };
