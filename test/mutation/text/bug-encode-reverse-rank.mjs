// Bug: merges applied in the wrong rank order (the LAST listed pair first).
import { encodeRescan } from './_bpe.mjs';
export const meta = { op: 'text.bpe-encode', kind: 'bug', class: 'rank order', description: 'highest rank first (list read backwards)' };
export default { name: 'bug-bpe-encode-reverse-rank', dtype: 'float32', ops: { 'text.bpe-encode': (a) => encodeRescan({ ...a, merges: [...a.merges].reverse() }) } };
