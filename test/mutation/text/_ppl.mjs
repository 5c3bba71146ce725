// Shared helper of the text.perplexity corpus entries (not an entry: the name starts with "_").
// Plain JS in the request dtype (float32: Math.fround after every operation).
const R = (d) => (d === 'float32' ? Math.fround : (v) => v);

export function ppl({ probs, base }, d, o = {}) {
  const r = R(d);
  const N = probs.length;
  if (o.productRoot) { let P = 1; for (const p of probs) P = r(P * p); return r(Math.pow(P, r(-1 / N))); }
  if (o.meanInverse) { let s = 0; for (const p of probs) s = r(s + r(1 / p)); return r(s / N); }
  const lg = o.log10 ? Math.log10 : base === '2' && !o.natsAlways ? Math.log2 : Math.log;
  let s = 0;
  for (const p of probs) s = r(s + r(lg(p)));
  const H = o.noMean ? r(-s) : r(-s / (o.nMinus1 && N > 1 ? N - 1 : N));
  if (o.twoToNats) return r(Math.pow(2, H));
  if (o.log10) return r(Math.exp(H));
  return base === '2' && !o.natsAlways ? r(Math.pow(2, H)) : r(Math.exp(H));
}

export const entry = (name, o) => ({ name, dtypes: ['float32', 'float64'], ops: { 'text.perplexity': (a, d) => ppl(a, d ?? 'float32', o) } });
