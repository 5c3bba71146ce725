// Bug: the mantissa truncated (round toward zero).
import { entry } from './_quant.mjs';
import { castFloat4 } from './_minifloat.mjs';
export const meta = { op: 'quant.cast-float4', kind: 'bug', class: 'rounding', description: 'the mantissa truncated (round toward zero)' };
export default entry('bug-f4-truncate', { 'quant.cast-float4': castFloat4({ round: Math.floor }) });
