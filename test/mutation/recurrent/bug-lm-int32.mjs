// Bug: counted in int32 arithmetic (Math.imul, | 0): wraps beyond 2³¹.
export const meta = { op: 'nn.window-lm-param-count', kind: 'bug', class: 'overflow', description: 'counted in int32 arithmetic (Math.imul, | 0): wraps beyond 2³¹' };
export default { name: 'bug-lm-int32', dtype: 'float32', ops: { 'nn.window-lm-param-count': ({ vocab: V, hidden: h, window: n, embed: d }) => ((d > 0 ? (Math.imul(V, d) + Math.imul(Math.imul(n, d), h)) | 0 : Math.imul(Math.imul(n, V), h)) + h + Math.imul(h, V) + V) | 0 } };
