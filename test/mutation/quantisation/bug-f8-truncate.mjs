// Bug: mantissa bits dropped (round toward zero), as a plain shift of the float32 mantissa does.
import { entry } from './_quant.mjs';
import { castFloat8 } from './_minifloat.mjs';
export const meta = { op: 'quant.cast-float8', kind: 'bug', class: 'rounding', description: 'mantissa bits dropped (round toward zero), as a plain shift of the float32 mantissa does' };
export default entry('bug-f8-truncate', { 'quant.cast-float8': castFloat8({ round: Math.floor }) });
