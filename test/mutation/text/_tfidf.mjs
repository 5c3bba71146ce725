// Shared helper of the text.tfidf corpus entries (not an entry: the name starts with "_").
// Plain JS in the request dtype (float32: Math.fround after every operation); options inject one bug each.
const R = (d) => (d === 'float32' ? Math.fround : (v) => v);

export function tfidf(a, d, o = {}) {
  const r = R(d);
  const N = a.docs.length, V = a.vocab.length;
  const ln = (x) => r(Math.log(x));
  const log = (x) => (o.alwaysLog10 ? r(Math.log10(x)) : a.base === '10' ? r(ln(x) / r(Math.LN10)) : ln(x));
  const counts = a.docs.map((doc) => a.vocab.map((v) => doc.filter((t) => t === v).length));
  const df = a.vocab.map((_, j) => (o.dfOccurrences ? counts.reduce((s, row) => s + row[j], 0) : counts.filter((row) => row[j] > 0).length));
  const idf = df.map((n) => {
    switch (a.idf) {
      case 'smooth': return o.smoothNoPlusOne ? log(r((1 + N) / (1 + n))) : r(1 + log(r((1 + N) / (1 + n))));
      case 'plain': return r(1 + log(r(N / n)));
      case 'ratio': return log(r(N / n));
      case 'natural': return r(1 + log(r(N / (1 + n))));
      default: return 1;
    }
  });
  const rows = counts.map((row, i) => {
    const len = o.lenInVocab ? row.reduce((s, c) => s + c, 0) : a.docs[i].length;
    return row.map((c, j) => {
      if (c === 0) return 0;
      let t;
      switch (a.tf) {
        case 'raw': t = c; break;
        case 'relative': t = r(c / len); break;
        case 'binary': t = 1; break;
        case 'log1p': t = log(1 + c); break;
        default: t = o.sublinearAsLog1p ? log(1 + c) : r(1 + log(c));
      }
      return r(t * idf[j]);
    });
  });
  if (a.norm !== 'l2') return rows;
  return rows.map((row) => {
    let s = 0;
    for (const x of row) s = o.l1 ? r(s + Math.abs(x)) : r(s + r(x * x));
    const n = o.l1 ? s : r(Math.sqrt(s));
    if (n === 0) return row;
    if (o.reciprocal) { const inv = r(1 / n); return row.map((x) => r(x * inv)); }
    return row.map((x) => r(x / n));
  });
}

export const entry = (name, o) => ({ name, dtypes: ['float32', 'float64'], ops: { 'text.tfidf': (a, d) => tfidf(a, d ?? 'float32', o) } });
