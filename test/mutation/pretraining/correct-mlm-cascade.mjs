// Bernoulli(0.15), Bernoulli(0.8), Bernoulli(0.5)
import { mlmEntry } from './_mlm.mjs';
export const meta = { op: 'pre.mlm-mask', kind: 'correct', class: 'cascade', description: 'Bernoulli(0.15), Bernoulli(0.8), Bernoulli(0.5)' };
export default mlmEntry('correct-mlm-cascade', {});
