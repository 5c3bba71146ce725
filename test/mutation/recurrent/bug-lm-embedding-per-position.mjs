// Bug: one embedding table per window position: n·V·d.
export const meta = { op: 'nn.window-lm-param-count', kind: 'bug', class: 'shared weights', description: 'one embedding table per window position: n·V·d' };
export default { name: 'bug-lm-embedding-per-position', dtype: 'float32', ops: { 'nn.window-lm-param-count': ({ vocab: V, hidden: h, window: n, embed: d }) => (d > 0 ? n * V * d + n * d * h : n * V * h) + h + h * V + V } };
