// Shared helpers of the alignment corpus (not an entry): softplus, sigmoid and the DPO building blocks; rounding and sums come from ../retrieval/_lib.mjs.
import { sum } from '../retrieval/_lib.mjs';
export { round, f16, sum } from '../retrieval/_lib.mjs';
/** Stable softplus log(1 + e^x) = max(x, 0) + log1p(e^{−|x|}), rounded with r. */
export const softplus = (x, r) => r(Math.max(x, 0) + r(Math.log1p(r(Math.exp(-Math.abs(x))))));
/** Stable σ(x). */
export const sigmoid = (x, r) => (x >= 0 ? r(1 / r(1 + r(Math.exp(-x)))) : r(r(Math.exp(x)) / r(1 + r(Math.exp(x)))));
/** h_i = β[(π_w − ρ_w) − (π_l − ρ_l)] in the TRL order. */
export const dpoH = (a, r) => a.policyChosen.map((pc, i) => r(a.beta * r(r(pc - a.policyRejected[i]) - r(a.refChosen[i] - a.refRejected[i]))));
/** Loss and gradients from h with the closed form ∓(β/n)σ(−h). */
export function dpoFromH(h, beta, r) {
  const n = h.length;
  const loss = r(sum(h.map((v) => softplus(-v, r)), r) / n);
  const g = h.map((v) => r(r(beta / n) * sigmoid(-v, r)));
  return { loss, gradChosen: g.map((v) => -v), gradRejected: g };
}
