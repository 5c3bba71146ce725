// Bug: an off-by-one loop bound drops the last document token (unless it is the only one).
import { round, sims, sum } from './_lib.mjs';
export const meta = { op: 'ret.maxsim', kind: 'bug', class: 'off by one', description: 'max over j < N_d − 1' };
export default { name: 'bug-maxsim-skip-last-doc-token', dtype: 'float32', ops: { 'ret.maxsim': ({ Q, D }) => { const r = round('float32'); const DD = D.length > 1 ? D.slice(0, -1) : D; return sum(sims(Q, DD, r).map((row) => Math.max(...row)), r); } } };
