// Bug: UZ formats: a negative value rounding to 0 keeps the sign bit, giving 0x80 (NaN) instead of 0.
import { entry } from './_quant.mjs';
import { castFloat8 } from './_minifloat.mjs';
export const meta = { op: 'quant.cast-float8', kind: 'bug', class: 'signed zero', description: 'UZ formats: a negative value rounding to 0 keeps the sign bit, giving 0x80 (NaN) instead of 0' };
export default entry('bug-f8-uz-negative-zero', { 'quant.cast-float8': castFloat8({ uzNegZero: true }) });
