// Bug: the sign taken from x < 0: −0 becomes +0 (code 0 instead of 8).
import { entry } from './_quant.mjs';
import { castFloat4 } from './_minifloat.mjs';
export const meta = { op: 'quant.cast-float4', kind: 'bug', class: 'signed zero', description: 'the sign taken from x < 0: −0 becomes +0 (code 0 instead of 8)' };
export default entry('bug-f4-drops-negative-zero', { 'quant.cast-float4': castFloat4({ dropNegZero: true }) });
