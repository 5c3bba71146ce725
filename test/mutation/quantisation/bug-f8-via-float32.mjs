// Bug: a float64 input cast to float32 first, then to float8 (double rounding near midpoints).
import { entry } from './_quant.mjs';
import { castFloat8 } from './_minifloat.mjs';
export const meta = { op: 'quant.cast-float8', kind: 'bug', class: 'double rounding', description: 'a float64 input cast to float32 first, then to float8 (double rounding near midpoints)' };
export default entry('bug-f8-via-float32', { 'quant.cast-float8': castFloat8({ viaFloat32: true }) });
