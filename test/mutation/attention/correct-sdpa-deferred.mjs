// Correct: flash-style with the row maximum known: O = (Σ_j exp(s_j − m) v_j) / Σ_j exp(s_j − m), one division at the end.
import { round, scores } from './_common.mjs';
export const meta = { op: 'attn.sdpa', kind: 'correct', class: 'standard algorithm', description: 'deferred normalisation: (Σ e_j v_j)/Σ e_j' };
function sdpa(a, dtype) {
  const r = round(dtype);
  const sc = scores(a, r, r(1 / r(Math.sqrt(a.q[0].length))));
  const e = a.v[0].length;
  return sc.map((row) => {
    const m = Math.max(...row);
    let den = 0;
    const num = new Array(e).fill(0);
    row.forEach((s, j) => {
      if (s === -Infinity) return;
      const w = r(Math.exp(r(s - m)));
      den = r(den + w);
      for (let c = 0; c < e; c++) num[c] = r(num[c] + r(w * a.v[j][c]));
    });
    return num.map((x) => r(x / den));
  });
}
export default { name: 'zoo-sdpa-deferred', dtypes: ['float32', 'float64'], ops: { 'attn.sdpa': sdpa } };
