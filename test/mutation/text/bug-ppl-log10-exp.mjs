// Bug: H with log10, exponentiated with e.
import { entry } from './_ppl.mjs';
export const meta = { op: 'text.perplexity', kind: 'bug', class: 'base', description: 'e^{H} with H = −mean(log10 p)' };
export default entry('bug-ppl-log10-exp', { log10: true });
