// Bug: ties rounded half away from zero (Math.round on the scaled mantissa).
import { entry } from './_quant.mjs';
import { castFloat8 } from './_minifloat.mjs';
export const meta = { op: 'quant.cast-float8', kind: 'bug', class: 'rounding', description: 'ties rounded half away from zero (Math.round on the scaled mantissa)' };
export default entry('bug-f8-round-half-away', { 'quant.cast-float8': castFloat8({ round: (v) => Math.sign(v) * Math.round(Math.abs(v)) }) });
