// Correct: mean of logs in the requested base, then the power of that base.
import { entry } from './_ppl.mjs';
export const meta = { op: 'text.perplexity', kind: 'correct', class: 'mean log then exp', description: 'H in the requested base, base^H' };
export default entry('correct-ppl-mean-log', {});
