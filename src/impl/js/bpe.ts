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

export type BpeTieBreak = 'lexicographic' | 'first-occurrence' | 'none';

export interface BpeTrainOptions {
  endOfWord?: string;
  tieBreak?: BpeTieBreak;
}

interface PairInfo {
  left: string;
  right: string;
  count: number;
  /** word index → number of occurrences of the pair in that word */
  words: Map<number, number>;
  /** global initial-symbol offset of the first occurrence (only maintained for first-occurrence) */
  first: number;
}

interface Entry {
  p: PairInfo;
  count: number;
  first: number;
}

class Heap {
  private a: Entry[] = [];
  constructor(private readonly before: (x: Entry, y: Entry) => boolean) {}
  get size(): number {
    return this.a.length;
  }
  push(e: Entry): void {
    const a = this.a;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  peek(): Entry | undefined {
    return this.a[0];
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
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function key(a: string, b: string): string {
  return `${a.length}:${a}${b}`;
}

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
  const syms: string[][] = new Array(n);
  const starts: number[][] = new Array(n);
  const counts: number[] = new Array(n);
  const base: number[] = new Array(n);
  let off = 0;
  for (let w = 0; w < n; w++) {
    const [word, c] = entries[w]!;
    if (!Number.isSafeInteger(c) || c < 1) throw new RangeError(`bpeTrain: count of ${JSON.stringify(word)} must be a positive integer`);
    const s = Array.from(word);
    if (eow !== '') s.push(eow);
    syms[w] = s;
    starts[w] = s.map((_, i) => i);
    counts[w] = c;
    base[w] = off;
    off += s.length;
  }
  const trackFirst = tie === 'first-occurrence';
  const pairs = new Map<string, PairInfo>();

  const before: (x: Entry, y: Entry) => boolean =
    tie === 'lexicographic'
      ? (x, y) => x.count > y.count || (x.count === y.count && (x.p.left < y.p.left || (x.p.left === y.p.left && x.p.right < y.p.right)))
      : tie === 'first-occurrence'
        ? (x, y) => x.count > y.count || (x.count === y.count && x.first < y.first)
        : (x, y) => x.count > y.count;
  const heap = new Heap(before);

  // Initial counts.
  for (let w = 0; w < n; w++) {
    const s = syms[w]!;
    for (let i = 0; i + 1 < s.length; i++) {
      const k = key(s[i]!, s[i + 1]!);
      let p = pairs.get(k);
      if (!p) {
        p = { left: s[i]!, right: s[i + 1]!, count: 0, words: new Map(), first: base[w]! + starts[w]![i]! };
        pairs.set(k, p);
      }
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
    // Pop the best valid entry.
    let top: Entry | undefined;
    while ((top = heap.pop()) !== undefined) {
      if (top.p.count === top.count && top.count > 0 && (!trackFirst || top.p.first === top.first)) break;
    }
    if (top === undefined) break;
    const best = top.p;
    const a = best.left;
    const b = best.right;
    const ab = a + b;
    merges.push([a, b]);

    const affected = [...best.words.keys()];
    const changed = new Set<PairInfo>();
    /** pairs whose first occurrence was in an affected word (must be recomputed from scratch) */
    const oldFirstWord = new Map<PairInfo, boolean>();
    const affectedSet = new Set(affected);
    const wordOf = (pos: number): number => {
      // binary search in base
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (base[mid]! <= pos) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };

    const dec = (w: number, l: string, r: string): void => {
      const p = pairs.get(key(l, r))!;
      if (!changed.has(p)) {
        changed.add(p);
        if (trackFirst) oldFirstWord.set(p, affectedSet.has(wordOf(p.first)));
      }
      p.count -= counts[w]!;
      const m = p.words.get(w)! - 1;
      if (m === 0) p.words.delete(w);
      else p.words.set(w, m);
    };
    const inc = (w: number, l: string, r: string): void => {
      const k = key(l, r);
      let p = pairs.get(k);
      if (!p) {
        p = { left: l, right: r, count: 0, words: new Map(), first: Infinity };
        pairs.set(k, p);
      }
      if (!changed.has(p)) {
        changed.add(p);
        if (trackFirst) oldFirstWord.set(p, p.first !== Infinity && affectedSet.has(wordOf(p.first)));
      }
      p.count += counts[w]!;
      p.words.set(w, (p.words.get(w) ?? 0) + 1);
    };

    for (const w of affected) {
      const s = syms[w]!;
      const st = starts[w]!;
      for (let i = 0; i + 1 < s.length; i++) dec(w, s[i]!, s[i + 1]!);
      const ns: string[] = [];
      const nst: number[] = [];
      for (let i = 0; i < s.length; i++) {
        nst.push(st[i]!);
        if (i + 1 < s.length && s[i] === a && s[i + 1] === b) {
          ns.push(ab);
          i++;
        } else ns.push(s[i]!);
      }
      syms[w] = ns;
      starts[w] = nst;
      for (let i = 0; i + 1 < ns.length; i++) inc(w, ns[i]!, ns[i + 1]!);
    }

    for (const p of changed) {
      if (p.count <= 0) {
        p.count = 0;
        p.first = Infinity;
        continue;
      }
      if (trackFirst) {
        // First occurrence = min over words of the first position in that word. Unaffected words
        // keep their positions; if the old first occurrence lay in an unaffected word it is still
        // the minimum over unaffected words.
        let f: number;
        if (oldFirstWord.get(p) === false && p.first !== Infinity) f = p.first;
        else {
          f = Infinity;
          let wmin = Infinity;
          for (const w of p.words.keys()) if (!affectedSet.has(w) && w < wmin) wmin = w;
          if (wmin !== Infinity) f = firstInWord(wmin, p);
        }
        for (const w of p.words.keys()) {
          if (affectedSet.has(w) && base[w]! < f) {
            const g = firstInWord(w, p);
            if (g < f) f = g;
          }
        }
        p.first = f;
      }
      heap.push({ p, count: p.count, first: p.first });
    }
  }
  return merges;
}

/**
 * Encode one word by merge rank: repeatedly merge the adjacent pair with the lowest rank (leftmost
 * among equals) until none applies. A pair listed twice keeps its first rank.
 */
export function bpeEncode(word: string, merges: [string, string][], opts: { endOfWord?: string } = {}): string[] {
  const eow = opts.endOfWord ?? '_';
  const rank = new Map<string, number>();
  for (let i = 0; i < merges.length; i++) {
    const k = key(merges[i]![0], merges[i]![1]);
    if (!rank.has(k)) rank.set(k, i);
  }
  const s = Array.from(word);
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
