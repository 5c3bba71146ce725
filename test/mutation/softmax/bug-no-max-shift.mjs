// Bug: no max shift — exp overflows to ∞ for logits above ≈ 88.7 (float32), giving NaN.
export const meta = { op: 'nn.softmax', kind: 'bug', class: 'overflow', description: 'exp(x_i)/Σexp(x_j) without subtracting the maximum' };
export default {
  name: 'bug-softmax-no-max-shift', dtype: 'float32',
  ops: { 'nn.softmax': ({ x }) => { const e = x.map((v) => Math.fround(Math.exp(v))); const s = e.reduce((a, b) => Math.fround(a + b), 0); return e.map((v) => Math.fround(v / s)); } },
};
