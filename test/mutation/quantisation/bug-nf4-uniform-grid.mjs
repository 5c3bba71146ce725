// Bug: the code from a uniform 16-level grid, round(7.5·t + 7.5), instead of the NF4 levels.
import { entry } from './_quant.mjs';
import { nf4 } from './_nf4.mjs';
export const meta = { op: 'quant.nf4', kind: 'bug', class: 'codebook', description: 'the code from a uniform 16-level grid, round(7.5·t + 7.5), instead of the NF4 levels' };
export default entry('bug-nf4-uniform-grid', { 'quant.nf4': (a, d) => nf4(a, d, { uniformGrid: true }) });
