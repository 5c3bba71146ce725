// Bug: the arguments swapped, KL(q‖p) = Σ q log(q/p) (the student's distribution as the target).
import { round, sum } from './_lib.mjs';
export const meta = { op: 'loss.kl', kind: 'bug', class: 'argument order', description: 'KL(q‖p) instead of KL(p‖q)' };
export default { name: 'bug-kl-reversed', dtype: 'float32', ops: { 'loss.kl': ({ p, q }) => { const r = round('float32'); return sum(q.map((qi, i) => (qi === 0 ? 0 : r(qi * r(Math.log(qi) - Math.log(p[i]))))), r); } } };
