// Correct: the naive learner (recount all pairs every step), both pinned tie rules and none.
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'correct', class: 'standard algorithm', description: 'recount every adjacent pair each step, weighted, merge left to right' };
export default { name: 'zoo-bpe-train-naive', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a) } };
