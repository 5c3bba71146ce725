// Bug: overflow decided on |x| > max before rounding: values between max and the overflow midpoint become NaN/∞ (saturate = false).
import { entry } from './_quant.mjs';
import { castFloat8 } from './_minifloat.mjs';
export const meta = { op: 'quant.cast-float8', kind: 'bug', class: 'overflow', description: 'overflow decided on |x| > max before rounding: values between max and the overflow midpoint become NaN/∞ (saturate = false)' };
export default entry('bug-f8-overflow-before-rounding', { 'quant.cast-float8': castFloat8({ overflowAt: true }) });
