// u < 0.12 mask, < 0.135 random, < 0.15 kept
import { mlmEntry } from './_mlm.mjs';
export const meta = { op: 'pre.mlm-mask', kind: 'correct', class: 'one uniform', description: 'u < 0.12 mask, < 0.135 random, < 0.15 kept' };
export default mlmEntry('correct-mlm-one-uniform', { oneUniform: true });
