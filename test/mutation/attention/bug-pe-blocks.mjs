// Bug: [sin…, cos…] blocks (the tensor2tensor layout) instead of interleaved columns.
import { pe } from './_ops-common.mjs';
export const meta = { op: 'attn.sinusoidal-pe', kind: 'bug', class: 'layout', description: 'concatenated sin and cos blocks' };
export default { name: 'bug-pe-blocks', dtypes: ['float32', 'float64'], ops: { 'attn.sinusoidal-pe': (a, dtype) => pe(a, dtype, { blocks: true }) } };
