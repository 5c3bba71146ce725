// Bug: an exact midpoint goes to the upper level (>= in the decision tree, or the last index at equal distance).
import { entry } from './_quant.mjs';
import { nf4 } from './_nf4.mjs';
export const meta = { op: 'quant.nf4', kind: 'bug', class: 'tie rule', description: 'an exact midpoint goes to the upper level (>= in the decision tree, or the last index at equal distance)' };
export default entry('bug-nf4-tie-upper', { 'quant.nf4': (a, d) => nf4(a, d, { upperTie: true }) });
