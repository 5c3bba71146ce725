// Correct: t = fl(x·fl(1/absmax)), code = argmin_k |t − L_k| (lower level at equal distance), value = fl(absmax·L).
import { entry } from './_quant.mjs';
export const meta = { op: 'quant.nf4', kind: 'correct', class: 'standard algorithm', description: 'reciprocal, then argmin distance to the 16 levels (first index at a tie)' };
export default entry('zoo-nf4-argmin');
