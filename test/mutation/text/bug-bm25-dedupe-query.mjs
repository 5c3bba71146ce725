// repeated query tokens counted once
import { entry } from './_bm25.mjs';
export const meta = { op: 'text.bm25', kind: 'bug', class: 'query', description: 'repeated query tokens counted once' };
export default entry('bug-bm25-dedupe-query', { dedupe: true });
