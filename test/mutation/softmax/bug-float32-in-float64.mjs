// Bug: serves float64 but computes in float32 (a float32 buffer behind a float64 API).
import { round } from './_round.mjs';
export const meta = { op: 'nn.softmax', kind: 'bug', class: 'precision', description: 'float64 requests computed in float32' };
function softmax({ x }) {
  const r = round('float32');
  const xs = x.map(r);
  const m = Math.max(...xs);
  const e = xs.map((v) => r(Math.exp(r(v - m))));
  let s = 0;
  for (const v of e) s = r(s + v);
  return e.map((v) => r(v / s));
}
export default { name: 'bug-softmax-float32-in-float64', dtypes: ['float32', 'float64'], ops: { 'nn.softmax': (a) => softmax(a) } };
