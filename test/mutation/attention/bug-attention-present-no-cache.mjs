// Bug: present_key / present_value hold only the new keys / values (the cache is not prepended).
import { attention } from './_ops-common.mjs';
export const meta = { op: 'attn.attention', kind: 'bug', class: 'outputs', description: 'present key/value without the cache' };
export default { name: 'bug-attention-present-no-cache', dtypes: ['float32', 'float64'], ops: { 'attn.attention': (a, dtype) => attention(a, dtype, { presentNoPast: true }) } };
