// offsets in code points (Python indices) instead of UTF-16 code units
import { entry } from './_pretok.mjs';
export const meta = { op: 'text.pretokenize', kind: 'bug', class: 'offsets', description: 'offsets in code points (Python indices) instead of UTF-16 code units' };
export default entry('bug-pretok-code-point-offsets', { codePoints: true });
