// Bug (numerical): the product of the probabilities, then the root — underflows on long test sets.
import { entry } from './_ppl.mjs';
export const meta = { op: 'text.perplexity', kind: 'bug', class: 'underflow', description: '(Π p)^{−1/N}: the product underflows to 0 for long sequences' };
export default entry('bug-ppl-product-root', { productRoot: true });
