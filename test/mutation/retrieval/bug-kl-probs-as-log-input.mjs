// Bug: torch kl_div misuse — the model's probabilities passed where log-probabilities are expected: Σ p (log p − q).
import { round, sum } from './_lib.mjs';
export const meta = { op: 'loss.kl', kind: 'bug', class: 'log-input convention', description: 'kl_div(q, p) instead of kl_div(q.log(), p)' };
export default { name: 'bug-kl-probs-as-log-input', dtype: 'float32', ops: { 'loss.kl': ({ p, q }) => { const r = round('float32'); return sum(p.map((pi, i) => (pi === 0 ? 0 : r(pi * r(Math.log(pi) - q[i])))), r); } } };
