// Correct, declared: online softmax over key blocks of 4 with a running maximum and rescaling
// (flash attention); profile.algorithms = { 'attn.sdpa': 'online-softmax' }.
import { round, scores } from './_common.mjs';
export const meta = { op: 'attn.sdpa', kind: 'correct', class: 'declared algorithm', description: 'online softmax, key blocks of 4, rescaled accumulators' };
function sdpa(a, dtype) {
  const r = round(dtype);
  const sc = scores(a, r, r(1 / r(Math.sqrt(a.q[0].length))));
  const e = a.v[0].length;
  return sc.map((row) => {
    let m = -Infinity, den = 0;
    let num = new Array(e).fill(0);
    for (let b = 0; b < row.length; b += 4) {
      const blk = row.slice(b, b + 4);
      const mb = Math.max(m, ...blk);
      if (mb === -Infinity) continue;
      const alpha = m === -Infinity ? 0 : r(Math.exp(r(m - mb)));
      den = r(den * alpha);
      num = num.map((x) => r(x * alpha));
      blk.forEach((s, i) => {
        if (s === -Infinity) return;
        const w = r(Math.exp(r(s - mb)));
        den = r(den + w);
        for (let c = 0; c < e; c++) num[c] = r(num[c] + r(w * a.v[b + i][c]));
      });
      m = mb;
    }
    return num.map((x) => r(x / den));
  });
}
export default {
  name: 'zoo-sdpa-online-softmax', dtypes: ['float32', 'float64'],
  profile: { algorithms: { 'attn.sdpa': 'online-softmax' } },
  ops: { 'attn.sdpa': sdpa },
};
