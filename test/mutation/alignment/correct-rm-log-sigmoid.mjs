// Correct: −log σ(m) with σ evaluated stably (e^m/(1 + e^m) for m < 0), summed in reverse order, divided by n.
import { round, sigmoid } from './_lib.mjs';
export const meta = { op: 'loss.reward-pairwise', kind: 'correct', class: 'log of the sigmoid', description: '−log of a stably evaluated σ, when σ does not underflow; log-domain otherwise' };
export default { name: 'zoo-rm-log-sigmoid', dtypes: ['float32', 'float64'], ops: { 'loss.reward-pairwise': ({ chosen, rejected }, dtype) => { const r = round(dtype); let s = 0; for (let i = chosen.length - 1; i >= 0; i--) { const m = r(chosen[i] - rejected[i]); const t = m < -30 ? r(-m + r(Math.log1p(r(Math.exp(m))))) : r(-Math.log(sigmoid(m, r))); s = r(s + t); } return r(s / chosen.length); } } };
