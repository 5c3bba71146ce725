// Bug: biases omitted (the notes’ 5Vh reading).
export const meta = { op: 'nn.window-lm-param-count', kind: 'bug', class: 'missing terms', description: 'biases omitted (the notes’ 5Vh reading)' };
export default { name: 'bug-lm-no-biases', dtype: 'float32', ops: { 'nn.window-lm-param-count': ({ vocab: V, hidden: h, window: n, embed: d }) => (d > 0 ? V * d + n * d * h : n * V * h) + h * V } };
