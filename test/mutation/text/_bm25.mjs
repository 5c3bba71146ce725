// Shared helper of the text.bm25 corpus entries (not an entry: the name starts with "_").
// Plain JS in the request dtype (float32: Math.fround after every operation); options inject one bug each.
const R = (d) => (d === 'float32' ? Math.fround : (v) => v);

export function bm25(a, d, o = {}) {
  const r = R(d);
  const N = a.docs.length;
  const ln = (x) => (o.log10 ? r(Math.log10(x)) : r(Math.log(x)));
  const avgdl = r(a.docs.reduce((s, x) => s + x.length, 0) / N);
  const match = (tok, q) => (o.substring ? tok.includes(q) : tok === q);
  const query = o.dedupe ? [...new Set(a.query)] : a.query;
  const idfOf = (q) => {
    const df = a.docs.filter((doc) => doc.some((t) => match(t, q))).length;
    const ratio = r((N - df + 0.5) / (df + 0.5));
    const v = o.idfAs ?? a.idf;
    if (v === 'lucene') return ln(r(1 + ratio));
    if (v === 'rsj') return ln(ratio);
    return ln(r(N / df));
  };
  const k1 = a.k1, b = a.b;
  const scores = a.docs.map((doc) => {
    let s = 0;
    for (const q of query) {
      const tf = doc.filter((t) => match(t, q)).length;
      if (tf === 0) continue;
      const lenRatio = o.invertedLength ? r(avgdl / doc.length) : r(doc.length / avgdl);
      const norm = r(r(1 - b) + r(b * lenRatio));
      const num = o.noK1Plus1 ? tf : r(tf * r(k1 + 1));
      const f = o.reciprocal ? r(num * r(1 / r(tf + r(k1 * norm)))) : r(num / r(tf + r(k1 * norm)));
      s = r(s + r(idfOf(q) * f));
    }
    return s;
  });
  return scores;
}

export const entry = (name, o) => ({ name, dtypes: ['float32', 'float64'], ops: { 'text.bm25': (a, d) => bm25(a, d ?? 'float32', o) } });
