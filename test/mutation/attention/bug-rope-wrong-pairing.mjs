// Bug: always rotates adjacent pairs (interleaved), even when rotate-half is asked.
import { rope } from './_ops-common.mjs';
export const meta = { op: 'attn.rope', kind: 'bug', class: 'pairing', description: 'pairing ignored (always interleaved)' };
export default { name: 'bug-rope-wrong-pairing', dtypes: ['float32', 'float64'], ops: { 'attn.rope': (a, dtype) => rope(a, dtype, { pair: (i) => [2 * i, 2 * i + 1] }) } };
