/**
 * Generators, input classes, expected values and conformance checks of the ops text.pretokenize,
 * text.tfidf and text.bm25, shared by the claims text.pretok-offsets, text.tfidf-v1,
 * text.tfidf-v2, text.bm25 and the fixtures.
 */
import fc from 'fast-check';
import { Interval } from '../numerics/interval.js';
import { distanceToInterval } from '../numerics/enclose.js';
import { precisionOf, type Precision } from '../numerics/bounds.js';
import { tfError, idfError, tfidfRowBounds, logError, bm25ScoreBound } from '../numerics/bounds-text-stats.js';
import { pretokenizeUtf16, tfidfOpEnclose, bm25OpEnclose, isBertPunct, type PretokScheme, type PretokTriple, type TfidfOpArgs, type Bm25OpArgs } from '../oracles/text.js';
import { castFloats } from './gen-helpers.js';
import type { Implementation, Outcome } from '../registry/types.js';

export type { TfidfOpArgs, Bm25OpArgs };
export interface PretokArgs { text: string; scheme: PretokScheme; lowercase: boolean }

// ─────────────────────────────────────────────────────────────── text.pretokenize

const PIECES = ['a', 'Z', 'é', 'word', 'Hello', '9', '42', '٣', ' ', ' ', '  ', '\t', '\n', ' \n ', '!', ',', '-', '_', '?!', '...', '😀', '𝔘𝔫', 'ß', '中文',
  '\u0301', '.', "'s", "'t", "'re", "'ll", "'ve", "'S", "'x", 'İ', 'ÀB', '’'];
/** Generator of text.pretokenize (weights /10): mixed pieces 8 (0–16 pieces), long 1 (60–120 pieces), pathological 1 (empty, all spaces, one astral). */
export const pretokArb: fc.Arbitrary<PretokArgs> = fc.record({
  text: fc.oneof(
    { weight: 8, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((a) => a.join('')) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 60, maxLength: 120 }).map((a) => a.join('')) },
    { weight: 1, arbitrary: fc.constantFrom('', '   ', '😀', ' 😀 ', "don't", "I'll  go!!", 'Call 911!') },
  ),
  scheme: fc.constantFrom('whitespace-split' as const, 'word-punct' as const, 'gpt2' as const, 'bert' as const),
  lowercase: fc.boolean(),
});

/** The declared input classes of text.pretokenize. */
export function pretokClasses(a: PretokArgs): string[] {
  const t = a.text, out: string[] = [];
  const cps = Array.from(t);
  if (/[\uD800-\uDBFF]/.test(t)) out.push('astral');
  if (/'(s|t|re|ve|m|ll|d|S)/.test(t)) out.push('contraction');
  if (/\s\s/u.test(t)) out.push('multi-space');
  if (cps.some((c, i) => i > 0 && isBertPunct(c) && isBertPunct(cps[i - 1]!))) out.push('punct-run');
  if (/\p{M}/u.test(t)) out.push('combining-mark');
  if (cps.some((c) => /^\p{Nd}$/u.test(c) && !/^[0-9]$/.test(c))) out.push('non-ascii-digit');
  if (a.lowercase && t.toLowerCase() !== t) out.push('lowercase-changes');
  if (/^\s|\s$/u.test(t)) out.push('edge-space');
  return out;
}

const showToks = (ts: unknown) => JSON.stringify(ts);
/** Conformance of text.pretokenize: the token list equals the oracle's exactly. */
export function pretokConformance(a: PretokArgs, impl: Implementation): Outcome {
  const got = impl.ops['text.pretokenize']!(a) as PretokTriple[];
  const want = pretokenizeUtf16(a.text, a.scheme, a.lowercase);
  return showToks(got) === showToks(want) ? { ok: true } : { ok: false, detail: `${JSON.stringify(a.text)} (${a.scheme}${a.lowercase ? ', lowercase' : ''}): got ${showToks(got)}, expected ${showToks(want)}` };
}

// ─────────────────────────────────────────────────────────────── text.tfidf

const TFS = ['raw', 'relative', 'binary', 'log1p', 'sublinear'] as const;
const IDFS = ['smooth', 'plain', 'ratio', 'natural', 'none'] as const;
const W5 = ['a', 'b', 'c', 'd', 'e'];
const smallDocs = fc.array(fc.array(fc.constantFrom(...W5, 'a', 'a', 'b'), { minLength: 0, maxLength: 10 }), { minLength: 1, maxLength: 6 });
const smallVocab = fc.shuffledSubarray([...W5, 'f'], { minLength: 1, maxLength: 6 });
const BIG = Array.from({ length: 30 }, (_, i) => `w${i}`);
const opts = fc.record({ tf: fc.constantFrom(...TFS), idf: fc.constantFrom(...IDFS), base: fc.constantFrom('e' as const, 'e' as const, '10' as const), norm: fc.constantFrom('l2' as const, 'none' as const) });
/**
 * Generator of text.tfidf (weights /23): small 16 (1–6 documents of 0–10 tokens over a–e, vocab a
 * subset of a–f in random order, every option), sklearn default 3 (raw, smooth, e, l2), the notes'
 * tables 3 (relative, ratio, base 10, no norm), large 1
 * (50–80 documents of 5–40 tokens over 30 terms, vocab all 30).
 */
export const tfidfArb: fc.Arbitrary<TfidfOpArgs> = fc.oneof(
  { weight: 16, arbitrary: fc.record({ docs: smallDocs, vocab: smallVocab, o: opts }).map(({ docs, vocab, o }) => ({ docs, vocab, ...o })) },
  { weight: 3, arbitrary: fc.record({ docs: smallDocs, vocab: smallVocab }).map(({ docs, vocab }) => ({ docs, vocab, tf: 'raw' as const, idf: 'smooth' as const, base: 'e' as const, norm: 'l2' as const })) },
  { weight: 3, arbitrary: fc.record({ docs: smallDocs, vocab: smallVocab }).map(({ docs, vocab }) => ({ docs, vocab, tf: 'relative' as const, idf: 'ratio' as const, base: '10' as const, norm: 'none' as const })) },
  { weight: 1, arbitrary: fc.record({ docs: fc.array(fc.array(fc.constantFrom(...BIG), { minLength: 5, maxLength: 40 }), { minLength: 50, maxLength: 80 }), o: opts }).map(({ docs, o }) => ({ docs, vocab: BIG, ...o })) },
);

/** The declared input classes of text.tfidf. */
export function tfidfClasses(a: TfidfOpArgs): string[] {
  const out: string[] = [];
  if (a.vocab.some((v) => a.docs.every((d) => d.includes(v)))) out.push('ubiquitous-term');
  if (a.vocab.some((v) => a.docs.every((d) => !d.includes(v)))) out.push('absent-term');
  if (a.docs.some((d) => a.vocab.some((v) => d.filter((x) => x === v).length >= 3))) out.push('repeated-term');
  if (a.norm === 'l2') out.push('l2');
  if (a.base === '10') out.push('base-10');
  if (a.tf === 'raw' && a.idf === 'smooth' && a.base === 'e' && a.norm === 'l2') out.push('sklearn-default');
  if (a.docs.length >= 50 && a.vocab.length >= 20) out.push('large');
  return out;
}

const hiAbs = (x: Interval) => Math.max(Math.abs(x.lo), Math.abs(x.hi));
/** Exact enclosures of text.tfidf and the per-entry bounds (tfidfRowBounds) for a precision. */
export function tfidfExpected(a: TfidfOpArgs, prec: Precision): { w: Interval[][]; bound: number[][] } {
  const r = tfidfOpEnclose(a);
  const N = a.docs.length;
  const df = a.vocab.map((_, j) => r.counts.filter((row) => row[j]! > 0).length);
  const argOne = df.map((d) => (a.idf === 'ratio' || a.idf === 'plain' ? d === N : a.idf === 'smooth' ? d === N : d + 1 === N));
  const I = r.idf.map((x) => (x ? hiAbs(x) : 0));
  const Ei = r.idf.map((x, j) => (x ? idfError((x.lo + x.hi) / 2, a.idf, prec, argOne[j]!) : 0));
  const bound = r.tf.map((row, i) => {
    const t = row.map(hiAbs);
    const Et = t.map((tj, j) => (r.counts[i]![j]! === 0 ? 0 : tfError(tj, a.tf, prec)));
    const nz = r.counts[i]!.map((c) => c > 0);
    let l2: { rowNormLo: number; w: number[] } | null = null;
    if (a.norm === 'l2') {
      const raw = r.raw[i]!;
      const lo2 = raw.reduce((s, x) => { const m = Math.min(Math.abs(x.lo), Math.abs(x.hi)); return (x.lo <= 0 && x.hi >= 0) ? s : s + m * m; }, 0);
      l2 = { rowNormLo: Math.sqrt(lo2) * (1 - 2 ** -50), w: r.w[i]!.map(hiAbs) };
    }
    return tfidfRowBounds(t, I, Et, Ei, nz, l2, prec);
  });
  return { w: r.w, bound };
}

/** Conformance of text.tfidf: every entry within its derived bound of the exact enclosure. */
export function tfidfConformance(a: TfidfOpArgs, impl: Implementation): Outcome {
  const got = impl.ops['text.tfidf']!(a) as number[][];
  const { w, bound } = tfidfExpected(a, precisionOf(impl));
  const tag = `tf ${a.tf}, idf ${a.idf}, base ${a.base}, norm ${a.norm}, N = ${a.docs.length}, vocab [${a.vocab.join(' ')}]`;
  if (!Array.isArray(got) || got.length !== w.length || got.some((r, i) => !Array.isArray(r) || r.length !== w[i]!.length)) return { ok: false, detail: `${tag}: result shape differs from ${w.length} × ${a.vocab.length}` };
  let worst = 0;
  for (let i = 0; i < w.length; i++) for (let j = 0; j < a.vocab.length; j++) {
    const g = got[i]![j]!, e = distanceToInterval(g, w[i]![j]!), b = bound[i]![j]!;
    if (typeof g !== 'number' || Number.isNaN(g)) return { ok: false, detail: `${tag}: entry (${i}, ${j}) is ${g}` };
    const ratio = b > 0 ? e / b : e === 0 ? 0 : Infinity;
    if (ratio > 1) return { ok: false, ratio, detail: `${tag}: doc ${i} ${JSON.stringify(a.docs[i])}, term "${a.vocab[j]}": got ${g}, exact [${w[i]![j]!.lo}, ${w[i]![j]!.hi}], error ${e} > bound ${b}` };
    worst = Math.max(worst, ratio);
  }
  return { ok: true, ratio: worst };
}

// ─────────────────────────────────────────────────────────────── text.bm25

const BW = ['a', 'b', 'c', 'ab', 'cat', 'at', 'the'];
const k1Arb = fc.oneof(fc.constantFrom(1.2, 1.2, 1.5, 2, 0.9, 0), fc.integer({ min: 1, max: 300 }).map((n) => n / 100));
const bArb = fc.oneof(fc.constantFrom(0.75, 0.75, 0, 1, 0.5), fc.integer({ min: 0, max: 100 }).map((n) => n / 100));
/**
 * Generator of text.bm25 (weights /20): small 17 (1–8 documents of 0–12 tokens over a, b, c, ab,
 * cat, at, the; a query of 1–4 tokens over a, b, at, zz, c: "a" and "at" are substrings of "ab",
 * "cat"), large 1 (100–160 documents), rsj-heavy 2 (a query term in most documents).
 */
export const bm25Arb: fc.Arbitrary<Bm25OpArgs> = fc.oneof(
  { weight: 17, arbitrary: fc.record({ docs: fc.array(fc.array(fc.constantFrom(...BW), { maxLength: 12 }), { minLength: 1, maxLength: 8 }), query: fc.array(fc.constantFrom('a', 'b', 'at', 'zz', 'c', 'a'), { minLength: 1, maxLength: 4 }), k1: k1Arb, b: bArb, idf: fc.constantFrom('lucene' as const, 'rsj' as const, 'atire' as const) }) },
  { weight: 1, arbitrary: fc.record({ docs: fc.array(fc.array(fc.constantFrom(...BW), { minLength: 1, maxLength: 30 }), { minLength: 100, maxLength: 160 }), query: fc.array(fc.constantFrom('a', 'b', 'at', 'zz'), { minLength: 1, maxLength: 4 }), k1: k1Arb, b: bArb, idf: fc.constantFrom('lucene' as const, 'rsj' as const, 'atire' as const) }) },
  { weight: 2, arbitrary: fc.record({ docs: fc.array(fc.array(fc.constantFrom('a', 'a', 'b', 'cat'), { minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 8 }), query: fc.constantFrom<string[]>(['a'], ['a', 'b'], ['a', 'a']), k1: k1Arb, b: bArb, idf: fc.constant('rsj' as const) }) },
).filter((a) => a.docs.some((d) => d.length > 0));

/** The declared input classes of text.bm25. */
export function bm25Classes(a: Bm25OpArgs): string[] {
  const out: string[] = [];
  const df = (t: string) => a.docs.filter((d) => d.includes(t)).length;
  if (a.idf === 'rsj' && a.query.some((t) => df(t) > a.docs.length / 2)) out.push('negative-rsj');
  if (new Set(a.query).size < a.query.length) out.push('repeated-query-term');
  if (a.docs.some((d) => !a.query.some((t) => d.includes(t)))) out.push('no-match');
  if (a.query.some((t) => a.docs.some((d) => !d.includes(t) && d.some((x) => x.includes(t))))) out.push('substring-trap');
  if (a.b === 0) out.push('b-zero');
  const ls = a.docs.map((d) => d.length);
  if (Math.max(...ls) >= 3 * Math.max(1, Math.min(...ls))) out.push('length-varies');
  if (a.docs.length >= 100) out.push('large');
  return out;
}

/** Exact score enclosures of text.bm25 and their bounds (bm25ScoreBound). */
export function bm25Expected(a: Bm25OpArgs, prec: Precision): { scores: Interval[]; bound: number[] } {
  const r = bm25OpEnclose(a);
  const k = a.idf === 'lucene' ? 2 : 1;
  const bound = a.docs.map((_, d) => bm25ScoreBound(a.query.flatMap((_, q) => {
    const F = r.factor[q]![d];
    if (!F) return [];
    const I = r.idf[q]!;
    const Iv = hiAbs(I);
    return [{ I: Iv, F: F.toFloat64() * (1 + 2 ** -50), Ei: logError(Iv, k, prec) }];
  }), prec));
  return { scores: r.scores, bound };
}

/** Conformance of text.bm25: every score within its bound of the exact enclosure. */
export function bm25Conformance(a0: Bm25OpArgs, impl: Implementation): Outcome {
  const a = castFloats(a0, impl.dtype);
  const got = impl.ops['text.bm25']!(a) as number[];
  const { scores, bound } = bm25Expected(a, precisionOf(impl));
  const tag = `idf ${a.idf}, k1 = ${a.k1}, b = ${a.b}, query ${JSON.stringify(a.query)}, docs ${JSON.stringify(a.docs)}`;
  if (!Array.isArray(got) || got.length !== scores.length) return { ok: false, detail: `${tag}: ${Array.isArray(got) ? got.length : typeof got} scores for ${scores.length} documents` };
  let worst = 0;
  for (let d = 0; d < scores.length; d++) {
    const g = got[d]!;
    if (typeof g !== 'number' || Number.isNaN(g)) return { ok: false, detail: `${tag}: score ${d} is ${g}` };
    const e = distanceToInterval(g, scores[d]!), b = bound[d]!;
    const ratio = b > 0 ? e / b : e === 0 ? 0 : Infinity;
    if (ratio > 1) return { ok: false, ratio, detail: `${tag}: document ${d}: got ${g}, exact [${scores[d]!.lo}, ${scores[d]!.hi}], error ${e} > bound ${b}` };
    worst = Math.max(worst, ratio);
  }
  return { ok: true, ratio: worst };
}
