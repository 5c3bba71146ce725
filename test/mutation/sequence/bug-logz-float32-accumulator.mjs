// Bug: declares float64 but runs the forward algorithm in float32 (a float32 default tensor type): every step
// rounds to 2⁻²⁴ relative, far beyond the float64 bound.
import { entry, logzForward } from './_crf.mjs';
export const meta = { op: 'seq.crf-logz', kind: 'bug', class: 'precision', description: 'float64 requested, computed in float32' };
export default { ...entry('bug-logz-float32-accumulator', { 'seq.crf-logz': (a) => logzForward(a, 'float32') }), dtypes: ['float64'] };
