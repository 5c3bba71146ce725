// Bug: an interval table with the end 5 closed on the wrong side: 5 → 6 instead of 4.
import { entry } from './_quant.mjs';
import { castFloat4 } from './_minifloat.mjs';
export const meta = { op: 'quant.cast-float4', kind: 'bug', class: 'rounding', description: 'an interval table with the end 5 closed on the wrong side: 5 → 6 instead of 4' };
export default entry('bug-f4-table-closed-at-5', { 'quant.cast-float4': castFloat4({ tableClosedAt5: true }) });
