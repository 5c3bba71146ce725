// Shared helper of the text.ngram-prob corpus entries (not an entry: the name starts with "_").
// Plain JS counting; the ratio in the request dtype (float32: Math.fround after every operation).
const R = (d) => (d === 'float32' ? Math.fround : (v) => v);

/** Counts for P(word | history): c = Count(h, w), asHistory = Σ_w Count(h, w), plain = count of h as an (n−1)-gram. */
export function counts(a, o = {}) {
  const n = a.history.length + 1;
  const sents = o.joinSentences ? [a.sentences.flat()] : a.sentences;
  let c = 0, asHistory = 0, plain = 0;
  for (const s of sents) {
    for (let i = 0; i + n - 1 <= s.length; i++) {
      if (!a.history.every((h, j) => s[i + j] === h)) continue;
      if (n > 1) plain++;
      if (i + n - 1 < s.length) { asHistory++; if (s[i + n - 1] === a.word) c++; }
    }
  }
  if (n === 1) plain = sents.reduce((t, s) => t + s.length, 0);
  return { c, asHistory, plain };
}

/** The estimate with options: historyCount override, reciprocal multiply, NaN on 0/0, numerator k·V, … */
export function ngramProb(a, d, o = {}) {
  const r = R(d);
  const { c, asHistory, plain } = counts(a, o);
  const mode = o.historyCount ?? a.historyCount;
  const h = mode === 'history' ? asHistory : plain;
  const V = o.vocabSize ? o.vocabSize(a) : a.vocabSize;
  const k = r(a.k);
  const num = o.numKV ? r(c + r(k * V)) : r(c + k);
  const den = o.denK ? r(h + k) : r(h + r(k * V));
  if (den === 0) return o.nanOnZero ? NaN : 0;
  return o.reciprocal ? r(num * r(1 / den)) : r(num / den);
}

export const entry = (name, o) => ({ name, dtypes: ['float32', 'float64'], ops: { 'text.ngram-prob': (a, d) => ngramProb(a, d ?? 'float32', o) } });
