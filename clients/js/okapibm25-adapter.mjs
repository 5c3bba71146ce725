/**
 * lemmata adapter for npm `okapibm25` (BM25 over raw strings).
 *
 *   npx lemmata conform --impl clients/js/okapibm25-adapter.mjs --ops text.bm25 --xfail reports/peers/okapibm25.xfail.json
 *
 * Conventions (okapibm25 1.4.1, dist/BM25.js): idf = ln((N − df + ½)/(df + ½) + 1), lemmata's
 * `lucene` (the only one; rsj and atire requests throw, an `error` verdict by design). Documents are
 * strings: the adapter joins each token list with single spaces. Deviations, which the gate reports
 * as failures (xfail file with counterexamples): tf = matches of `new RegExp(term, 'g')` and df =
 * `document.includes(term)` — SUBSTRING matching, so "at" is found in "cat"; |d| counts /\w+/ runs
 * (equal to the token count only for word-character tokens); `b = 0` and `k1 = 0` are falsy and
 * silently replaced by the defaults 0.75 and 1.2.
 */
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const BM25 = require('okapibm25').default;
const version = require('okapibm25/package.json').version;

function bm25(a) {
  if (a.idf !== 'lucene') throw new Error(`idf '${a.idf}' not supported by okapibm25 (it computes ln(1 + (N − df + ½)/(df + ½)) only)`);
  return BM25(a.docs.map((d) => d.join(' ')), a.query, { k1: a.k1, b: a.b });
}

export default { name: `okapibm25-${version}`, dtype: 'float64', ops: { 'text.bm25': bm25 } };
