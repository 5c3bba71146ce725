// Bug: the boolean mask broadcast over the wrong axis — read as keep[s][t] (a [S, T] mask); outside the square, keys are kept.
import { mha } from './_mha.mjs';
export const meta = { op: 'attn.mha', kind: 'bug', class: 'mask', description: 'boolean mask indexed [key][query]' };
export default { name: 'bug-mha-mask-transposed', dtypes: ['float32', 'float64'], ops: { 'attn.mha': (a, dtype) => mha(a, dtype, { keepAt: (aa, t, s) => aa.keep === undefined || (aa.keep[s]?.[t] ?? 1) !== 0 }) } };
