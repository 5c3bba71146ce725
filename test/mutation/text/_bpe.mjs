// Shared helpers of the text (BPE) corpus (not an entry): straightforward JS implementations of the op
// conventions (src/ops/text.ts), written independently of src/oracles/text.ts.
/** GPT-2 bytes_to_unicode written out: printable Latin-1 ranges as themselves, the other bytes from U+0100 in order (`o.offByOne`: from U+0101, a bug). */
export function byteTable(o = {}) {
  const keep = (b) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  let n = o.offByOne ? 1 : 0;
  return Array.from({ length: 256 }, (_, b) => String.fromCodePoint(keep(b) ? b : 0x100 + n++));
}
const TABLE = byteTable();
/** Initial symbols: code points, or (byteLevel) UTF-8 bytes through the table; then the marker. */
export const symbolsOf = (word, eow, byteLevel = false, table = TABLE) => {
  const s = byteLevel ? Array.from(new TextEncoder().encode(word), (b) => table[b]) : Array.from(word);
  if (eow) s.push(eow);
  return s;
};
const pk = (a, b) => JSON.stringify([a, b]);

/** rank of each pair; `last` keeps the last listing of a repeated pair (a bug), default the first. */
export function ranks(merges, last = false) {
  const r = new Map();
  merges.forEach(([a, b], i) => { const k = pk(a, b); if (last || !r.has(k)) r.set(k, i); });
  return r;
}

/** One merge at a time: lowest rank, leftmost occurrence (rescanning). */
export function encodeRescan({ word, merges, endOfWord, byteLevel }, o = {}) {
  const r = ranks(merges, o.lastRank);
  const s = symbolsOf(word, endOfWord, byteLevel && !o.ignoreByteLevel, o.table);
  for (;;) {
    let best = Infinity, at = -1;
    for (let i = 0; i + 1 < s.length; i++) {
      const k = r.get(pk(s[i], s[i + 1]));
      if (k !== undefined && (o.rightmost ? k <= best : k < best)) { best = k; at = i; }
    }
    if (at < 0) return s;
    s.splice(at, 2, s[at] + s[at + 1]);
  }
}

/** One merge at a time with a binary heap of (rank, position) over a doubly linked list (HF tokenizers' shape). */
export function encodeHeap({ word, merges, endOfWord, byteLevel }) {
  const r = ranks(merges);
  const sym = symbolsOf(word, endOfWord, byteLevel).map((c, i, a) => ({ c, prev: i - 1, next: i + 1 < a.length ? i + 1 : -1, alive: true }));
  const heap = [];
  const less = (x, y) => x.rank < y.rank || (x.rank === y.rank && x.pos < y.pos);
  const push = (e) => { heap.push(e); let i = heap.length - 1; while (i > 0) { const p = (i - 1) >> 1; if (!less(heap[i], heap[p])) break; [heap[i], heap[p]] = [heap[p], heap[i]]; i = p; } };
  const pop = () => { const top = heap[0], last = heap.pop(); if (heap.length) { heap[0] = last; let i = 0; for (;;) { const l = 2 * i + 1, rr = l + 1; let m = i; if (l < heap.length && less(heap[l], heap[m])) m = l; if (rr < heap.length && less(heap[rr], heap[m])) m = rr; if (m === i) break; [heap[i], heap[m]] = [heap[m], heap[i]]; i = m; } } return top; };
  const offer = (i) => { const j = sym[i].next; if (j < 0) return; const k = r.get(pk(sym[i].c, sym[j].c)); if (k !== undefined) push({ rank: k, pos: i, left: sym[i].c, right: sym[j].c }); };
  for (let i = 0; i < sym.length; i++) offer(i);
  while (heap.length) {
    const e = pop();
    const a = sym[e.pos];
    if (!a.alive || a.c !== e.left || a.next < 0 || sym[a.next].c !== e.right) continue; // stale entry
    const b = sym[a.next];
    a.c = a.c + b.c; b.alive = false; a.next = b.next; if (b.next >= 0) sym[b.next].prev = e.pos;
    if (a.prev >= 0) offer(a.prev);
    offer(e.pos);
  }
  return sym.filter((x) => x.alive).map((x) => x.c);
}

/** All occurrences of the lowest-ranked pair at once, left to right (subword-nmt, GPT-2). */
export function encodeAllAtOnce({ word, merges, endOfWord, byteLevel }) {
  const r = ranks(merges);
  let s = symbolsOf(word, endOfWord, byteLevel);
  for (;;) {
    let best = Infinity, pair = null;
    for (let i = 0; i + 1 < s.length; i++) { const k = r.get(pk(s[i], s[i + 1])); if (k !== undefined && k < best) { best = k; pair = [s[i], s[i + 1]]; } }
    if (!pair) return s;
    s = mergeAll(s, pair[0], pair[1]);
  }
}

/** Replace every adjacent (a, b), left to right, non-overlapping (`rtl`: right to left, a bug). */
export function mergeAll(s, a, b, rtl = false) {
  if (rtl) {
    const out = [];
    for (let i = s.length - 1; i >= 0; i--) {
      if (i >= 1 && s[i - 1] === a && s[i] === b) { out.push(a + b); i--; } else out.push(s[i]);
    }
    return out.reverse();
  }
  const out = [];
  for (let i = 0; i < s.length; i++) {
    if (i + 1 < s.length && s[i] === a && s[i + 1] === b) { out.push(a + b); i++; } else out.push(s[i]);
  }
  return out;
}

/** Pair counts: every adjacent position, weighted (`o.unweighted`, `o.nonOverlapping`: bugs). Returns Map key → { pair, count, first }. */
export function countPairs(words, o = {}) {
  const m = new Map();
  let pos = 0;
  words.forEach(({ s, n }) => {
    for (let i = 0; i + 1 < s.length; i++) {
      if (o.nonOverlapping && i > 0 && s[i - 1] === s[i] && s[i] === s[i + 1] && m.get(pk(s[i], s[i + 1]))?.lastAt === pos + i - 1) continue;
      const k = pk(s[i], s[i + 1]);
      let e = m.get(k);
      if (!e) { e = { pair: [s[i], s[i + 1]], count: 0, first: pos + i }; m.set(k, e); }
      e.count += o.unweighted ? 1 : n;
      e.lastAt = pos + i;
    }
    pos += s.length + 1;
  });
  return m;
}

/** Code-point comparison of two strings. */
const cpCompare = (x, y) => { const a = [...x].map((c) => c.codePointAt(0)), b = [...y].map((c) => c.codePointAt(0)); for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i]; return a.length - b.length; };

/**
 * Naive learner (recount every step). o: unweighted, nonOverlapping, rtl, noMarker, minCount, lexConcat (bugs);
 * hf-smallest-id bugs: hfAsFirst (first occurrence), hfAsString (string order), hfIdsBySeen (alphabet ids in order of
 * first appearance); byte-level bugs: table (another byte table), ignoreByteLevel; acrossWords (one stream, no word boundaries).
 */
export function train({ words, merges, endOfWord, tieBreak, byteLevel, pairCount }, o = {}) {
  // pairCount 'non-overlapping' (left-greedy runs, SentencePiece ≤ 0.1.98); o.ignorePairCount: the option ignored (a bug)
  if (pairCount === 'non-overlapping' && !o.ignorePairCount) o = { ...o, nonOverlapping: true };
  const eow = o.noMarker ? '' : endOfWord;
  let ws = Object.entries(words).map(([w, n]) => ({ s: symbolsOf(w, eow, byteLevel && !o.ignoreByteLevel, o.table), n }));
  if (o.acrossWords) ws = [{ s: ws.flatMap(({ s, n }) => Array.from({ length: n }, () => s).flat()), n: 1 }];
  // HF ids: initial symbols by code point (or, a bug, by first appearance), then new merge results in creation order
  const ids = new Map();
  const alphabet = [...new Set(ws.flatMap(({ s }) => s))];
  (o.hfIdsBySeen ? alphabet : alphabet.sort(cpCompare)).forEach((c, i) => ids.set(c, i));
  const out = [];
  while (out.length < merges) {
    const m = [...countPairs(ws, o).values()];
    let max = 0;
    for (const e of m) if (e.count > max) max = e.count;
    if (max < (o.minCount ?? 1)) break;
    const tied = m.filter((e) => e.count === max);
    let pick = tied[0]; // first occurrence (Map insertion = scan order)
    if (tieBreak === 'lexicographic' || (tieBreak === 'hf-smallest-id' && o.hfAsString)) {
      for (const e of tied) {
        const [a, b] = e.pair, [c, d] = pick.pair;
        if (o.lexConcat ? a + b < c + d : a < c || (a === c && b < d)) pick = e;
      }
    } else if (tieBreak === 'sentencepiece') {
      // SentencePiece's trainer: shortest merged string (code points), then code-point order of it, then of the left symbol
      // (o.spmLongest: longest first, o.spmPairOrder: the pair's lexicographic order — bugs)
      const len = (x) => [...x].length;
      const cmp = (x, y) => {
        if (o.spmPairOrder) return x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]) ? -1 : 1;
        const mx = x[0] + x[1], my = y[0] + y[1];
        if (len(mx) !== len(my)) return o.spmLongest ? len(my) - len(mx) : len(mx) - len(my);
        return cpCompare(mx, my) || cpCompare(x[0], y[0]);
      };
      for (const e of tied) if (cmp(e.pair, pick.pair) < 0) pick = e;
    } else if (tieBreak === 'hf-smallest-id' && !o.hfAsFirst) {
      for (const e of tied) {
        const [a, b] = e.pair.map((x) => ids.get(x)), [c, d] = pick.pair.map((x) => ids.get(x));
        if (a < c || (a === c && b < d)) pick = e;
      }
    }
    const [a, b] = pick.pair;
    out.push([a, b]);
    if (!ids.has(a + b)) ids.set(a + b, ids.size);
    ws = ws.map(({ s, n }) => ({ s: o.replaceString ? replaceString(s, a, b) : mergeAll(s, a, b, o.rtl), n }));
  }
  return out;
}

/** The classic string-replace merge on space-joined symbols without boundary checks (a bug). */
export function replaceString(s, a, b) {
  return s.join(' ').split(`${a} ${b}`).join(a + b).split(' ');
}
