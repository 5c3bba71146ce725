// Bug: the output layer’s bias omitted.
export const meta = { op: 'nn.window-lm-param-count', kind: 'bug', class: 'missing term', description: 'the output layer’s bias omitted' };
export default { name: 'bug-lm-no-output-bias', dtype: 'float32', ops: { 'nn.window-lm-param-count': ({ vocab: V, hidden: h, window: n, embed: d }) => (d > 0 ? V * d + n * d * h : n * V * h) + h + h * V } };
