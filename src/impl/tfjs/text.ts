/**
 * A fast, incremental BPE learner and a rank-based encoder (implementation under test).
 *
 * Conventions (the course notes' worked example, seeds/004 "Byte-Pair Encoding (BPE)"): words are
 * split into Unicode code points and the end-of-word marker (default `'_'`, `''` for none) is
 * appended as a separate symbol; pair counts are weighted by word counts and count every adjacent
 * position; a merge replaces occurrences left to right, non-overlapping; training stops after
 * `numMerges` merges or when no pair is left.
 *
 * Training is incremental: pair → (count, index of words containing it) is maintained, only the
 * words containing the merged pair are re-tokenised, and the maximum is taken from a binary heap
 * with lazy deletion (an entry is a snapshot of a pair's key; a popped entry that no longer matches
 * the pair's current key is discarded; every change of a pair's key pushes a fresh entry).
 *
 * Tie breaks: `'lexicographic'` (smallest left symbol, then right, by JS string order),
 * `'first-occurrence'` (earliest first occurrence in corpus order: word order, then position;
 * the default, which reproduces the notes' example), `'none'` (whatever the heap yields).
 *
 * It imports nothing from src/oracles or src/numerics.
 */

import type { TF } from './types.js';

export type BpeTieBreak = 'lexicographic' | 'first-occurrence' | 'none' | 'hf-smallest-id' | 'sentencepiece';

export interface BpeTrainOptions {
  endOfWord?: string;
  tieBreak?: BpeTieBreak;
  /** GPT-2 byte-level alphabet: each word starts as its UTF-8 bytes, each byte a printable character. */
  byteLevel?: boolean;
  /** 'non-overlapping': a run of k equal symbols holds ⌊k/2⌋ (x, x) pairs (SentencePiece ≤ 0.1.98); default every position. */
  pairCount?: 'every-position' | 'non-overlapping';
}

/**
 * GPT-2's `bytes_to_unicode` as written in openai/gpt-2 encoder.py: the printable Latin-1 bytes
 * keep their code point, the remaining bytes (in increasing order) take 256, 257, ….
 */
const GPT2_BYTE_CHARS: string[] = (() => {
  const bs: number[] = [];
  for (const [lo, hi] of [[0x21, 0x7e], [0xa1, 0xac], [0xae, 0xff]] as const) for (let b = lo; b <= hi; b++) bs.push(b);
  const cs = bs.slice();
  let n = 0;
  for (let b = 0; b < 256; b++) if (!bs.includes(b)) { bs.push(b); cs.push(256 + n++); }
  const table: string[] = new Array(256);
  bs.forEach((b, i) => { table[b] = String.fromCodePoint(cs[i]!); });
  return table;
})();
const utf8 = new TextEncoder();

/** The word's initial characters: code points, or its UTF-8 bytes through GPT-2's table. */
function wordChars(word: string, byteLevel: boolean): string[] {
  if (!byteLevel) return Array.from(word);
  return Array.from(utf8.encode(word), (b) => GPT2_BYTE_CHARS[b]!);
}

/** Compare strings by their sequences of code points (not UTF-16 units). */
function byCodePoints(x: string, y: string): number {
  const a = [...x], b = [...y];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a[i]!.codePointAt(0)! - b[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

interface PairInfo {
  left: number;
  right: number;
  /** symbol strings, for the lexicographic comparator and the output */
  ls: string;
  rs: string;
  count: number;
  /** word index → number of occurrences of the pair in that word */
  words: Map<number, number>;
  /** global initial-symbol offset of the first occurrence (maintained for first-occurrence only) */
  first: number;
}

/** SentencePiece's trainer order among equal counts: shorter merged string (code points), then code-point order of it, then of the left symbol. */
function spmBefore(x: PairInfo, y: PairInfo): boolean {
  const mx = x.ls + x.rs, my = y.ls + y.rs;
  const lx = [...mx].length, ly = [...my].length;
  if (lx !== ly) return lx < ly;
  const d = byCodePoints(mx, my);
  return d !== 0 ? d < 0 : byCodePoints(x.ls, y.ls) < 0;
}

interface Entry {
  p: PairInfo;
  count: number;
  first: number;
}

class Heap {
  private a: Entry[] = [];
  constructor(private readonly before: (x: Entry, y: Entry) => boolean) {}
  push(e: Entry): void {
    const a = this.a;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(a[i]!, a[p]!)) break;
      const t = a[i]!;
      a[i] = a[p]!;
      a[p] = t;
      i = p;
    }
  }
  pop(): Entry | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        const t = a[i]!;
        a[i] = a[m]!;
        a[m] = t;
        i = m;
      }
    }
    return top;
  }
}

/** Symbol ids stay below 2^26, so left·2^26 + right is an exact integer key. */
const ID_LIMIT = 2 ** 26;

function toEntries(wc: Map<string, number> | Record<string, number>): [string, number][] {
  return wc instanceof Map ? [...wc.entries()] : Object.entries(wc);
}

export function bpeTrain(
  wordCounts: Map<string, number> | Record<string, number>,
  numMerges: number,
  opts: BpeTrainOptions = {},
): [string, string][] {
  const eow = opts.endOfWord ?? '_';
  const tie = opts.tieBreak ?? 'first-occurrence';
  const entries = toEntries(wordCounts);
  const n = entries.length;

  // Symbols are interned: equal strings share an id (a symbol *is* its string).
  const strOf: string[] = [];
  const idOf = new Map<string, number>();
  const intern = (t: string): number => {
    let id = idOf.get(t);
    if (id === undefined) {
      id = strOf.length;
      if (id >= ID_LIMIT) throw new RangeError('bpeTrain: too many symbols');
      strOf.push(t);
      idOf.set(t, id);
    }
    return id;
  };

  const syms: number[][] = new Array(n);
  const starts: number[][] = new Array(n);
  const counts: number[] = new Array(n);
  const base: number[] = new Array(n);
  let off = 0;
  for (let w = 0; w < n; w++) {
    const [word, c] = entries[w]!;
    if (!Number.isSafeInteger(c) || c < 1) throw new RangeError(`bpeTrain: count of ${JSON.stringify(word)} must be a positive integer`);
    const s = wordChars(word, opts.byteLevel ?? false).map(intern);
    if (eow !== '') s.push(intern(eow));
    syms[w] = s;
    starts[w] = s.map((_, i) => i);
    counts[w] = c;
    base[w] = off;
    off += s.length;
  }
  const trackFirst = tie === 'first-occurrence';
  // HF tokenizers ids: the initial symbols sorted by code points, then each new merge result.
  const hfId: number[] = new Array(strOf.length);
  [...strOf.keys()].sort((x, y) => byCodePoints(strOf[x]!, strOf[y]!)).forEach((sym, i) => { hfId[sym] = i; });
  const pairs = new Map<number, PairInfo>();
  const getPair = (l: number, r: number): PairInfo => {
    const k = l * ID_LIMIT + r;
    let p = pairs.get(k);
    if (!p) {
      p = { left: l, right: r, ls: strOf[l]!, rs: strOf[r]!, count: 0, words: new Map(), first: Infinity };
      pairs.set(k, p);
    }
    return p;
  };

  const before: (x: Entry, y: Entry) => boolean =
    tie === 'lexicographic'
      ? (x, y) => x.count > y.count || (x.count === y.count && (x.p.ls < y.p.ls || (x.p.ls === y.p.ls && x.p.rs < y.p.rs)))
      : tie === 'first-occurrence'
        ? (x, y) => x.count > y.count || (x.count === y.count && x.first < y.first)
        : tie === 'hf-smallest-id'
          ? (x, y) => x.count > y.count || (x.count === y.count && (hfId[x.p.left]! < hfId[y.p.left]! || (x.p.left === y.p.left && hfId[x.p.right]! < hfId[y.p.right]!)))
          : tie === 'sentencepiece'
            ? (x, y) => x.count > y.count || (x.count === y.count && spmBefore(x.p, y.p))
            : (x, y) => x.count > y.count;
  const heap = new Heap(before);

  const nonOverlap = opts.pairCount === 'non-overlapping';
  /** Positions i whose pair (s[i], s[i+1]) is counted: all, or (non-overlapping) not a run pair right after a counted one. */
  const countedAt = (s: number[]): number[] => {
    const out: number[] = [];
    for (let i = 0; i + 1 < s.length; i++) {
      if (nonOverlap && s[i] === s[i + 1] && out.length > 0 && out[out.length - 1] === i - 1 && s[i - 1] === s[i]) continue;
      out.push(i);
    }
    return out;
  };
  // Initial counts (first occurrences come in corpus order).
  for (let w = 0; w < n; w++) {
    const s = syms[w]!;
    let lastRun = -2; // non-overlapping: the last counted run pair (x, x)
    for (let i = 0; i + 1 < s.length; i++) {
      if (nonOverlap && s[i] === s[i + 1]) {
        if (lastRun === i - 1 && s[i - 1] === s[i]) continue;
        lastRun = i;
      }
      const p = getPair(s[i]!, s[i + 1]!);
      if (p.first === Infinity) p.first = base[w]! + i;
      p.count += counts[w]!;
      p.words.set(w, (p.words.get(w) ?? 0) + 1);
    }
  }
  for (const p of pairs.values()) heap.push({ p, count: p.count, first: p.first });

  const firstInWord = (w: number, p: PairInfo): number => {
    const s = syms[w]!;
    for (let i = 0; i + 1 < s.length; i++) if (s[i] === p.left && s[i + 1] === p.right) return base[w]! + starts[w]![i]!;
    return Infinity;
  };

  const merges: [string, string][] = [];
  while (merges.length < numMerges) {
    // Pop the best entry that is still current.
    let top: Entry | undefined;
    while ((top = heap.pop()) !== undefined) {
      if (top.p.count === top.count && top.count > 0 && (!trackFirst || top.p.first === top.first)) break;
    }
    if (top === undefined) break;
    const best = top.p;
    const a = best.left;
    const b = best.right;
    merges.push([best.ls, best.rs]);
    const known = strOf.length;
    const ab = intern(best.ls + best.rs);
    if (ab >= known) hfId[ab] = ab; // a new result string takes the next id (ids above the alphabet equal intern ids)

    const affected = [...best.words.keys()];
    const affectedSet = new Set(affected);
    const changed = new Set<PairInfo>();
    /** pairs whose first occurrence (before this merge) lay in an affected word */
    const firstWasAffected = new Set<PairInfo>();
    /** pair → affected words in which it gained an occurrence */
    const gained = new Map<PairInfo, number[]>();
    let wCur = 0;

    const touch = (p: PairInfo): void => {
      if (changed.has(p)) return;
      changed.add(p);
      if (trackFirst && p.first !== Infinity) {
        // word of the old first occurrence, by binary search on base
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (base[mid]! <= p.first) lo = mid;
          else hi = mid - 1;
        }
        if (affectedSet.has(lo)) firstWasAffected.add(p);
      }
    };
    const dec = (l: number, r: number): void => {
      const p = getPair(l, r);
      touch(p);
      p.count -= counts[wCur]!;
      const m = p.words.get(wCur)! - 1;
      if (m === 0) p.words.delete(wCur);
      else p.words.set(wCur, m);
    };
    const inc = (l: number, r: number): void => {
      const p = getPair(l, r);
      touch(p);
      p.count += counts[wCur]!;
      p.words.set(wCur, (p.words.get(wCur) ?? 0) + 1);
      if (trackFirst) {
        const g = gained.get(p);
        if (g === undefined) gained.set(p, [wCur]);
        else if (g[g.length - 1] !== wCur) g.push(wCur);
      }
    };

    for (const w of affected) {
      wCur = w;
      const s = syms[w]!;
      const st = starts[w]!;
      if (nonOverlap) {
        // recount the whole word: remove its counted pairs, merge left to right, add the new word's counted pairs
        for (const i of countedAt(s)) dec(s[i]!, s[i + 1]!);
        const ns: number[] = [];
        const nst: number[] = [];
        for (let i = 0; i < s.length; i++) {
          const m = i + 1 < s.length && s[i] === a && s[i + 1] === b;
          ns.push(m ? ab : s[i]!);
          nst.push(st[i]!);
          if (m) i++;
        }
        for (const i of countedAt(ns)) inc(ns[i]!, ns[i + 1]!);
        syms[w] = ns;
        starts[w] = nst;
        continue;
      }
      const ns: number[] = [];
      const nst: number[] = [];
      let prevMerged = false; // was s[i-1] the right half of a merge just made?
      for (let i = 0; i < s.length; i++) {
        if (i + 1 < s.length && s[i] === a && s[i + 1] === b) {
          // Left-to-right, non-overlapping: merge s[i], s[i+1] into ab.
          dec(a, b);
          if (ns.length > 0) {
            // old left pair (s[i-1], a) — already removed if s[i-1] belonged to the previous merge
            if (!prevMerged) dec(s[i - 1]!, a);
            inc(ns[ns.length - 1]!, ab);
          }
          if (i + 2 < s.length) {
            dec(b, s[i + 2]!);
            // the new right pair is added here unless s[i+2] starts another merge (then by that merge)
            if (!(i + 3 < s.length && s[i + 2] === a && s[i + 3] === b)) inc(ab, s[i + 2]!);
          }
          ns.push(ab);
          nst.push(st[i]!);
          i++;
          prevMerged = true;
        } else {
          ns.push(s[i]!);
          nst.push(st[i]!);
          prevMerged = false;
        }
      }
      syms[w] = ns;
      starts[w] = nst;
    }

    for (const p of changed) {
      if (p.count === 0) {
        p.first = Infinity;
        continue;
      }
      if (trackFirst) {
        let f: number;
        if (p.first === Infinity || firstWasAffected.has(p)) {
          // recompute: the first occurrence lies in the smallest word index holding the pair
          let wmin = Infinity;
          for (const w of p.words.keys()) if (w < wmin) wmin = w;
          f = firstInWord(wmin, p);
        } else {
          // the old first occurrence is in an untouched word and still present; only words where
          // the pair gained occurrences can hold an earlier one
          f = p.first;
          for (const w of gained.get(p) ?? []) {
            if (base[w]! < f) {
              const g = firstInWord(w, p);
              if (g < f) f = g;
            }
          }
        }
        p.first = f;
      }
      heap.push({ p, count: p.count, first: p.first });
    }
  }
  return merges;
}

function key(a: string, b: string): string {
  return `${a.length}:${a}${b}`;
}

/**
 * Encode one word by merge rank: repeatedly merge the adjacent pair with the lowest rank (leftmost
 * among equals) until none applies. A pair listed twice keeps its first rank.
 */
export function bpeEncode(word: string, merges: [string, string][], opts: { endOfWord?: string; byteLevel?: boolean } = {}): string[] {
  const eow = opts.endOfWord ?? '_';
  const rank = new Map<string, number>();
  for (let i = 0; i < merges.length; i++) {
    const k = key(merges[i]![0], merges[i]![1]);
    if (!rank.has(k)) rank.set(k, i);
  }
  const s = wordChars(word, opts.byteLevel ?? false);
  if (eow !== '') s.push(eow);
  for (;;) {
    let best = Infinity;
    let at = -1;
    for (let i = 0; i + 1 < s.length; i++) {
      const r = rank.get(key(s[i]!, s[i + 1]!));
      if (r !== undefined && r < best) {
        best = r;
        at = i;
      }
    }
    if (at < 0) return s;
    s.splice(at, 2, s[at]! + s[at + 1]!);
  }
}

/** The ops of this domain in the built-in implementation (plain JS: tokenisation has no tensor form). */
/**
 * text.ngram-prob: one pass over the sentences counts the n-grams that start with the history (by
 * following word) and, for historyCount 'ngram', the (n−1)-gram occurrences of the history; the
 * ratio (c + k)/(h + k·V) is computed with tf scalars in the backend's precision.
 */
function ngramProb(tf: TF, a: { sentences: string[][]; history: string[]; word: string; k: number; vocabSize: number; historyCount: 'history' | 'ngram' }): number {
  const n = a.history.length + 1;
  let c = 0, asHistory = 0, plain = 0;
  for (const s of a.sentences) {
    for (let i = 0; i + n - 1 <= s.length; i++) {
      let match = true;
      for (let j = 0; j < n - 1; j++) if (s[i + j] !== a.history[j]) { match = false; break; }
      if (!match) continue;
      if (n > 1) plain++;
      if (i + n - 1 < s.length) { asHistory++; if (s[i + n - 1] === a.word) c++; }
    }
  }
  if (n === 1) plain = a.sentences.reduce((t, s) => t + s.length, 0);
  const h = a.historyCount === 'history' ? asHistory : plain;
  return tf.tidy(() => {
    const kk = tf.scalar(a.k);
    const den = tf.add(tf.scalar(h), tf.mul(kk, tf.scalar(a.vocabSize)));
    const num = tf.add(tf.scalar(c), kk);
    const d = den.dataSync()[0]!;
    if (d === 0) return 0;
    return tf.div(num, den).dataSync()[0]!;
  });
}

/** text.perplexity: H = −mean(log p) in the requested base, then base^H (never the product, which underflows). */
function perplexity(tf: TF, a: { probs: number[]; base: 'e' | '2' }): number {
  return tf.tidy(() => {
    const lp = tf.log(tf.tensor1d(a.probs));
    const h = tf.neg(tf.mean(a.base === '2' ? tf.div(lp, tf.scalar(Math.LN2)) : lp));
    return (a.base === '2' ? tf.pow(tf.scalar(2), h) : tf.exp(h)).dataSync()[0]!;
  });
}

export function ops(_tf: TF): Record<string, (args: any) => any> {
  return {
    'text.bpe-train': (a) => bpeTrain(a.words, a.merges, { endOfWord: a.endOfWord, tieBreak: a.tieBreak, byteLevel: a.byteLevel, pairCount: a.pairCount }),
    'text.bpe-encode': (a) => bpeEncode(a.word, a.merges, { endOfWord: a.endOfWord, byteLevel: a.byteLevel }),
    'text.ngram-prob': (a) => ngramProb(_tf, a),
    'text.perplexity': (a: { probs: number[]; base: 'e' | '2' }) => perplexity(_tf, a),
    ...textStatsImpl(_tf),
  };
}

// ---- text.pretokenize / tfidf / bm25 ----
// (function declarations, hoisted, so that ops() above can spread them)

/** One global regular expression per pre-tokenisation scheme (u flag: code points; match.index in UTF-16 code units). */
function pretokPattern(scheme: string): RegExp {
  const W = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u200c\\u200d';
  const P = '\\p{P}!-\\/:-@\\[-`{-~';
  switch (scheme) {
    case 'whitespace-split': return /\S+/gu;
    case 'word-punct': return new RegExp(`[${W}]+|[^${W}\\s]+`, 'gu');
    case 'gpt2': return /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;
    case 'bert': return new RegExp(`[^\\s${P}]+|[${P}]`, 'gu');
    default: throw new RangeError(`text.pretokenize: unknown scheme ${scheme}`);
  }
}

/** text.pretokenize: matchAll with the scheme's pattern; lower-casing applies to the token text only. */
function pretokenizeImpl(a: { text: string; scheme: string; lowercase: boolean }): [string, number, number][] {
  const out: [string, number, number][] = [];
  for (const m of a.text.matchAll(pretokPattern(a.scheme))) out.push([a.lowercase ? m[0].toLowerCase() : m[0], m.index!, m.index! + m[0].length]);
  return out;
}

/** Natural log of a tensor, or log10 as ln(x)/ln(10) (tfjs has no log10). */
function logB(tf: TF, x: ReturnType<TF['tensor']>, base: string) {
  const l = tf.log(x);
  return base === '10' ? tf.div(l, tf.log(tf.scalar(10))) : l;
}

/**
 * text.tfidf: the count matrix C (documents × vocab) is formed in JS; tf, idf, the product and the
 * row normalisation are tfjs ops in float32. Entries with count 0 are set to 0 with tf.where.
 */
function tfidfImpl(tf: TF, a: { docs: string[][]; vocab: string[]; tf: string; idf: string; base: string; norm: string }): number[][] {
  const col = new Map(a.vocab.map((v, j) => [v, j] as const));
  const D = a.docs.length, V = a.vocab.length;
  const counts = new Float32Array(D * V);
  a.docs.forEach((d, i) => { for (const t of d) { const j = col.get(t); if (j !== undefined) counts[i * V + j]++; } });
  return tf.tidy(() => {
    const C = tf.tensor2d(counts, [D, V]);
    const present = tf.greater(C, 0);
    const zeros = tf.zerosLike(C);
    const L = tf.tensor2d(a.docs.map((d) => Math.max(d.length, 1)), [D, 1]);
    let tfv;
    switch (a.tf) {
      case 'raw': tfv = C; break;
      case 'relative': tfv = tf.div(C, L); break;
      case 'binary': tfv = tf.cast(present, 'float32'); break;
      case 'log1p': tfv = logB(tf, tf.add(C, 1), a.base); break;
      case 'sublinear': tfv = tf.add(1, logB(tf, tf.where(present, C, tf.onesLike(C)), a.base)); break;
      default: throw new RangeError(`text.tfidf: unknown tf ${a.tf}`);
    }
    const df = tf.sum(tf.cast(present, 'float32'), 0);
    const N = tf.scalar(D);
    const safeDf = tf.maximum(df, 1);
    let idf;
    switch (a.idf) {
      case 'smooth': idf = tf.add(1, logB(tf, tf.div(tf.add(N, 1), tf.add(df, 1)), a.base)); break;
      case 'plain': idf = tf.add(1, logB(tf, tf.div(N, safeDf), a.base)); break;
      case 'ratio': idf = logB(tf, tf.div(N, safeDf), a.base); break;
      case 'natural': idf = tf.add(1, logB(tf, tf.div(N, tf.add(df, 1)), a.base)); break;
      case 'none': idf = tf.onesLike(df); break;
      default: throw new RangeError(`text.tfidf: unknown idf ${a.idf}`);
    }
    let W = tf.where(present, tf.mul(tfv, tf.reshape(idf, [1, V])), zeros);
    if (a.norm === 'l2') {
      const nrm = tf.sqrt(tf.sum(tf.square(W), 1, true));
      W = tf.where(tf.greater(tf.broadcastTo(nrm, [D, V]), 0), tf.div(W, tf.maximum(nrm, 1e-30)), zeros);
    }
    return W.arraySync() as number[][];
  });
}

/**
 * text.bm25: counts of each query token in each document (Q × D) formed in JS; idf, the saturated
 * tf factor tf(k1+1)/(tf + k1(1 − b + b|d|/avgdl)) and the sum over query tokens are tfjs ops.
 */
function bm25Impl(tf: TF, a: { docs: string[][]; query: string[]; k1: number; b: number; idf: string }): number[] {
  const D = a.docs.length, Q = a.query.length;
  if (Q === 0) return new Array<number>(D).fill(0);
  const counts = new Float32Array(Q * D);
  a.query.forEach((t, q) => a.docs.forEach((d, i) => { let c = 0; for (const x of d) if (x === t) c++; counts[q * D + i] = c; }));
  return tf.tidy(() => {
    const C = tf.tensor2d(counts, [Q, D]);
    const present = tf.greater(C, 0);
    const L = tf.tensor2d(a.docs.map((d) => d.length), [1, D]);
    const avgdl = tf.div(tf.sum(L), tf.scalar(D));
    const k1 = tf.scalar(a.k1), b = tf.scalar(a.b);
    const df = tf.reshape(tf.sum(tf.cast(present, 'float32'), 1), [Q, 1]);
    const N = tf.scalar(D);
    const ratio = tf.div(tf.add(tf.sub(N, df), 0.5), tf.add(df, 0.5));
    let idf;
    switch (a.idf) {
      case 'lucene': idf = tf.log(tf.add(1, ratio)); break;
      case 'rsj': idf = tf.log(ratio); break;
      case 'atire': idf = tf.log(tf.div(N, tf.maximum(df, 1))); break;
      default: throw new RangeError(`text.bm25: unknown idf ${a.idf}`);
    }
    const norm = tf.add(tf.sub(1, b), tf.mul(b, tf.div(L, avgdl)));
    const F = tf.div(tf.mul(C, tf.add(k1, 1)), tf.add(C, tf.mul(k1, norm)));
    const terms = tf.where(present, tf.mul(idf, F), tf.zerosLike(C));
    return Array.from(tf.sum(terms, 0).dataSync());
  });
}

function textStatsImpl(tf: TF): Record<string, (args: any) => any> {
  return {
    'text.pretokenize': (a) => pretokenizeImpl(a),
    'text.tfidf': (a) => tfidfImpl(tf, a),
    'text.bm25': (a) => bm25Impl(tf, a),
  };
}
