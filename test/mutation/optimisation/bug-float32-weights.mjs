// Bug: float64 requests keep the iterate in a Float32Array (a float32 parameter buffer).
export const meta = { op: 'opt.gd-steps', kind: 'bug', class: 'precision', description: 'the iterate stored in float32 whatever the request dtype' };
function gd({ sigma, y, w0, eta, steps }) {
  const w = Float32Array.from(w0);
  for (let t = 0; t < steps; t++) sigma.forEach((s, i) => { w[i] = w[i] + 2 * eta * s * (y[i] - s * w[i]); });
  return Array.from(w);
}
export default { name: 'bug-gd-float32-weights', dtypes: ['float32', 'float64'], ops: { 'opt.gd-steps': (a) => gd(a) } };
