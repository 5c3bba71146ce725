/**
 * lemmata adapter for npm `natural`'s TfIdf.
 *
 *   npx lemmata conform --impl clients/js/natural-adapter.mjs --ops text.tfidf
 *
 * Conventions (natural, lib/natural/tfidf/tfidf.js): documents added as token arrays (no
 * lower-casing, no stop words, no tokenizer: natural applies those to strings only); tf = the raw
 * count; idf = 1 + ln(N/(1 + df)) (lemmata `natural`); tfidf(term, d) = tf·idf; no normalisation.
 * So only tf 'raw', idf 'natural', base 'e', norm 'none' are answered; any other combination
 * throws (an `error` verdict: natural has no such option).
 */
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const natural = require('natural');
const version = require('natural/package.json').version;

function tfidf(a) {
  if (a.tf !== 'raw' || a.idf !== 'natural' || a.base !== 'e' || a.norm !== 'none') {
    throw new Error(`natural TfIdf computes tf raw, idf natural (1 + ln(N/(1 + df))), base e, no norm only; asked tf ${a.tf}, idf ${a.idf}, base ${a.base}, norm ${a.norm}`);
  }
  const t = new natural.TfIdf();
  for (const d of a.docs) t.addDocument(d.slice());
  return a.docs.map((_, i) => a.vocab.map((v) => t.tfidf(v, i)));
}

export default { name: `natural-${version}`, dtype: 'float64', ops: { 'text.tfidf': tfidf } };
