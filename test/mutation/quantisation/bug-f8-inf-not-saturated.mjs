// Bug: ±∞ with saturate = true kept as ∞ (E5M2) or NaN instead of ±max.
import { entry } from './_quant.mjs';
import { castFloat8 } from './_minifloat.mjs';
export const meta = { op: 'quant.cast-float8', kind: 'bug', class: 'special values', description: '±∞ with saturate = true kept as ∞ (E5M2) or NaN instead of ±max' };
export default entry('bug-f8-inf-not-saturated', { 'quant.cast-float8': castFloat8({ infKeepsInf: true }) });
