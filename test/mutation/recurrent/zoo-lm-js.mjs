// Correct: the count layer by layer (embedding table, hidden kernel and bias, output kernel and bias).
export const meta = { op: 'nn.window-lm-param-count', kind: 'correct', class: 'layer sum', description: 'sum of the weight shapes of each layer' };
const count = ({ vocab: V, hidden: h, window: n, embed: d }) => {
  const layers = d > 0 ? [[V, d], [n * d, h], [h], [h, V], [V]] : [[n * V, h], [h], [h, V], [V]];
  return layers.reduce((s, shape) => s + shape.reduce((p, x) => p * x, 1), 0);
};
export default { name: 'zoo-lm-js-layers', dtype: 'float32', ops: { 'nn.window-lm-param-count': count } };
