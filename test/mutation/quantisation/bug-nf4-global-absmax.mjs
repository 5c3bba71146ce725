// Bug: one absmax for the whole tensor instead of one per block.
import { entry } from './_quant.mjs';
import { nf4 } from './_nf4.mjs';
export const meta = { op: 'quant.nf4', kind: 'bug', class: 'blocking', description: 'one absmax for the whole tensor instead of one per block' };
export default entry('bug-nf4-global-absmax', { 'quant.nf4': (a, d) => nf4(a, d, { globalAbsmax: true }) });
