// Bug: no guard for an all-zero block: t = 0/0 = NaN, which matches no level (code 0, value NaN).
import { entry } from './_quant.mjs';
import { nf4 } from './_nf4.mjs';
export const meta = { op: 'quant.nf4', kind: 'bug', class: 'degenerate', description: 'no guard for an all-zero block: t = 0/0 = NaN, which matches no level (code 0, value NaN)' };
export default entry('bug-nf4-zero-block-nan', { 'quant.nf4': (a, d) => nf4(a, d, { zeroNaN: true }) });
