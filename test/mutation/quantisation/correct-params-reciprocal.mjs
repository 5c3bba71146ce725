// Correct: parameters with the zero point from lo·fl(1/s) (two roundings).
import { entry, affineParams } from './_quant.mjs';
export const meta = { op: 'quant.affine-params', kind: 'correct', class: 'standard algorithm', description: 'widen, divide; zero point from lo·fl(1/s)' };
export default entry('zoo-params-reciprocal', { 'quant.affine-params': (a, d) => affineParams(a, d, { reciprocal: true }) });
