// Bug: heads split on the wrong axis — reshape [L, dh, H] instead of [L, H, dh]: head h gets columns h, h + H, h + 2H, …
import { mha } from './_mha.mjs';
export const meta = { op: 'attn.mha', kind: 'bug', class: 'head split', description: 'heads split on the wrong axis (strided columns instead of blocks)' };
export default { name: 'bug-mha-heads-strided', dtypes: ['float32', 'float64'], ops: { 'attn.mha': (a, dtype) => mha(a, dtype, { headCols: (h, H, dh) => Array.from({ length: dh }, (_, c) => c * H + h) }) } };
