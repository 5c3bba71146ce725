// Bug: the kernel (q·k)² without the + 1 (the homogeneous polynomial kernel).
import { quadratic } from './_linear.mjs';
export const meta = { op: 'attn.linear', kind: 'bug', class: 'kernel', description: 'sim = (q·k)² (no + 1)' };
export default { name: 'bug-linattn-no-plus-one', dtypes: ['float32', 'float64'], ops: { 'attn.linear': (a, dtype) => quadratic(a, dtype, { sim: (s, r) => r(s * s) }) } };
