// Bug: dequantised as level/absmax instead of absmax·level.
import { entry } from './_quant.mjs';
import { nf4 } from './_nf4.mjs';
export const meta = { op: 'quant.nf4', kind: 'bug', class: 'scaling', description: 'dequantised as level/absmax instead of absmax·level' };
export default entry('bug-nf4-dequant-divides', { 'quant.nf4': (a, d) => nf4(a, d, { divideValue: true }) });
