// Bug: the block maximum max(x) instead of max|x| (a negative outlier leaves |t| > 1).
import { entry } from './_quant.mjs';
import { nf4 } from './_nf4.mjs';
export const meta = { op: 'quant.nf4', kind: 'bug', class: 'scaling', description: 'the block maximum max(x) instead of max|x| (a negative outlier leaves |t| > 1)' };
export default entry('bug-nf4-signed-max', { 'quant.nf4': (a, d) => nf4(a, d, { signedMax: true }) });
