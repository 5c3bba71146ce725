// Bug: one-hot input width V instead of n·V (the window ignored).
export const meta = { op: 'nn.window-lm-param-count', kind: 'bug', class: 'missing factor', description: 'one-hot input width V instead of n·V (the window ignored)' };
export default { name: 'bug-lm-one-hot-window', dtype: 'float32', ops: { 'nn.window-lm-param-count': ({ vocab: V, hidden: h, window: n, embed: d }) => (d > 0 ? V * d + n * d * h : V * h) + h + h * V + V } };
