/**
 * lemmata adapter for npm `wink-bm25-text-search`.
 *
 *   npx lemmata conform --impl clients/js/wink-bm25-adapter.mjs --ops text.bm25 --xfail reports/peers/wink-bm25.xfail.json
 *
 * Conventions (wink-bm25-text-search, src/wink-bm25-text-search.js): idf = ln((N − n + ½)/(n + ½) + k)
 * with bm25Params.k: k = 1 is lemmata's `lucene`, k = 0 its `rsj`; `atire` throws (not offered).
 * One field `body` of weight 1; the prep task splits on single spaces (the adapter joins the tokens
 * with spaces), so tokens match whole. Scores come from search(query, N) (every matching document;
 * a document absent from the results scores 0). Deviations the gate sees: every per-term contribution
 * is rounded with toFixed(freqPrecision) at consolidation (freqPrecision = 9 here, the maximum; the
 * default 4) — an absolute error up to 5e-10 per term, far above float64 rounding; consolidate()
 * refuses fewer than 3 documents (error); a query token repeated counts once per occurrence, as in lemmata.
 */
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const winkBM25 = require('wink-bm25-text-search');
const version = require('wink-bm25-text-search/package.json').version;

function bm25(a) {
  if (a.idf === 'atire') throw new Error("idf 'atire' not supported by wink-bm25-text-search (ln((N − n + ½)/(n + ½) + k) only)");
  const engine = winkBM25();
  engine.defineConfig({ fldWeights: { body: 1 }, bm25Params: { k1: a.k1, b: a.b, k: a.idf === 'lucene' ? 1 : 0 } });
  engine.definePrepTasks([(s) => s.split(' ').filter((t) => t.length > 0)]);
  a.docs.forEach((d, i) => engine.addDoc({ body: d.join(' ') }, String(i)));
  engine.consolidate(9);
  const scores = new Array(a.docs.length).fill(0);
  for (const [id, s] of engine.search(a.query.join(' '), a.docs.length)) scores[Number(id)] = s;
  return scores;
}

export default { name: `wink-bm25-text-search-${version}`, dtype: 'float64', ops: { 'text.bm25': bm25 } };
