// Bug: serves float64 but computes in float32.
import { sdpa } from './_common.mjs';
export const meta = { op: 'attn.sdpa', kind: 'bug', class: 'precision', description: 'float64 requests computed in float32' };
const f = (m) => m.map((row) => row.map(Math.fround));
export default { name: 'bug-sdpa-float32-in-float64', dtypes: ['float32', 'float64'], ops: { 'attn.sdpa': (a) => sdpa({ ...a, q: f(a.q), k: f(a.k), v: f(a.v) }, 'float32') } };
