// Bug: the degree-1 kernel q·k + 1 instead of its square.
import { quadratic } from './_linear.mjs';
export const meta = { op: 'attn.linear', kind: 'bug', class: 'kernel', description: 'sim = q·k + 1 (not squared)' };
export default { name: 'bug-linattn-no-square', dtypes: ['float32', 'float64'], ops: { 'attn.linear': (a, dtype) => quadratic(a, dtype, { sim: (s, r) => r(s + 1) }) } };
