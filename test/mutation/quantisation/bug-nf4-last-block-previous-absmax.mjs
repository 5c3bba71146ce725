// Bug: a short last block scaled by the previous block’s absmax.
import { entry } from './_quant.mjs';
import { nf4 } from './_nf4.mjs';
export const meta = { op: 'quant.nf4', kind: 'bug', class: 'blocking', description: 'a short last block scaled by the previous block’s absmax' };
export default entry('bug-nf4-last-block-previous-absmax', { 'quant.nf4': (a, d) => nf4(a, d, { lastBlockPrev: true }) });
