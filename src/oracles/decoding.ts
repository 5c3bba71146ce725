/**
 * Exact oracles of the decoding domain (Decoding: greedy, beam search, top-k, top-p, temperature). Imports src/numerics only.
 *
 * Notes: 003:788–860 (greedy, beam search, top-n, top-p, temperature), 004:1120–1148 (beam search).
 * Every probability here is an exact rational.
 *
 * A *tree language model* of vocabulary V and length T gives, for every prefix y_{<t} (t < T), an exact
 * distribution over the next token: `next(prefix)`. A sequence's probability is the product of its
 * conditionals (003:818: Score(y) = log p(y|x) = Σ_i log p(y_i | y_{<i}, x)); all sequences have length T
 * (no EOS: the comparison of greedy, beam and exhaustive search is then over one common space V^T).
 */
import { Rational } from '../numerics/rational.js';
import { point, div as ivDiv, softmax as ivSoftmax, addUp, addDown, type Interval } from '../numerics/interval.js';
import { nucleusSize } from '../numerics/bounds-topp.js';

export interface TreeLm {
  V: number;
  T: number;
  /** The next-token distribution after a prefix (length < T); V exact probabilities summing to 1. */
  next(prefix: readonly number[]): readonly Rational[];
}

/** A tree LM from a table indexed by the prefix's base-V code with its length: table[len][code]. */
export function tableLm(V: number, T: number, table: readonly (readonly (readonly Rational[])[])[]): TreeLm {
  return {
    V, T,
    next(prefix) {
      let code = 0;
      for (const y of prefix) code = code * V + y;
      return table[prefix.length]![code]!;
    },
  };
}

/** Exact probability of a full sequence. */
export function seqProb(lm: TreeLm, y: readonly number[]): Rational {
  let p = Rational.ONE;
  for (let t = 0; t < y.length; t++) p = p.mul(lm.next(y.slice(0, t))[y[t]!]!);
  return p;
}

/** Greedy decoding (003:794): ŵ_t = argmax_w P(w | w_{<t}); the smallest token index on ties. */
export function greedyDecode(lm: TreeLm): number[] {
  const y: number[] = [];
  for (let t = 0; t < lm.T; t++) {
    const p = lm.next(y);
    let b = 0;
    for (let w = 1; w < lm.V; w++) if (p[w]!.gt(p[b]!)) b = w;
    y.push(b);
  }
  return y;
}

/** Every sequence of V^T with the maximal probability, and that probability (exhaustive search). */
export function exhaustiveBest(lm: TreeLm): { prob: Rational; argmaxes: number[][] } {
  let prob = Rational.ZERO; let argmaxes: number[][] = [];
  const rec = (prefix: number[], p: Rational): void => {
    if (prefix.length === lm.T) {
      const c = p.cmp(prob);
      if (c > 0) { prob = p; argmaxes = [prefix.slice()]; } else if (c === 0) argmaxes.push(prefix.slice());
      return;
    }
    const d = lm.next(prefix);
    for (let w = 0; w < lm.V; w++) { prefix.push(w); rec(prefix, p.mul(d[w]!)); prefix.pop(); }
  };
  rec([], Rational.ONE);
  return { prob, argmaxes };
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return a.length < b.length;
}

/**
 * Beam search of width K (003:799–812, 004:1127–1138): the beam starts with the empty prefix; at each
 * step every hypothesis is expanded by every token (≤ K·V candidates), scored by the cumulative
 * probability, and the K best are kept (ties: the lexicographically smaller sequence first). After T
 * steps the beam's best sequence is returned with the final beam.
 */
export function beamSearch(lm: TreeLm, K: number): { best: number[]; prob: Rational; beam: { y: number[]; p: Rational }[] } {
  if (!(K >= 1)) throw new RangeError('beam width must be ≥ 1');
  let beam: { y: number[]; p: Rational }[] = [{ y: [], p: Rational.ONE }];
  for (let t = 0; t < lm.T; t++) {
    const cand: { y: number[]; p: Rational }[] = [];
    for (const h of beam) {
      const d = lm.next(h.y);
      for (let w = 0; w < lm.V; w++) cand.push({ y: [...h.y, w], p: h.p.mul(d[w]!) });
    }
    cand.sort((a, b) => { const c = b.p.cmp(a.p); return c !== 0 ? c : (lexLess(a.y, b.y) ? -1 : 1); });
    beam = cand.slice(0, K);
  }
  return { best: beam[0]!.y, prob: beam[0]!.p, beam };
}

// --- Truncation filters (top-k 003:822–832, top-p 003:834–838) and temperature (003:840–860) ----------

/**
 * Top-k filter with the HF `TopKLogitsWarper` tie rule: keep every token whose probability is ≥ the
 * k-th largest (so ties at the boundary are all kept and more than k tokens may survive). k ≥ V keeps all.
 */
export function topKKeep(p: readonly Rational[], k: number): boolean[] {
  return topKKeepBy(p, k, (a, b) => a.cmp(b));
}

/** The one top-k rule of {@link topKKeep} and {@link topKMask}: keep x iff x ≥ the k-th largest under `cmp` (k ≥ V: all). */
function topKKeepBy<T>(xs: readonly T[], k: number, cmp: (a: T, b: T) => number): boolean[] {
  if (k >= xs.length) return xs.map(() => true);
  const kth = xs.slice().sort((a, b) => cmp(b, a))[k - 1]!;
  return xs.map((x) => cmp(x, kth) >= 0);
}

/**
 * The top-p (nucleus) sets of 003:836: the smallest m with (sum of the m largest) ≥ p, and the tokens
 * that every / some smallest set contains. A set of m tokens with mass ≥ p exists iff the m largest have
 * mass ≥ p, so m is the least cardinality; the sets reaching it are exactly the m-sets made of every token
 * strictly above the m-th largest value v plus any tokens equal to v — when ties at v straddle the
 * boundary, the nucleus is not unique (membership of the tied tokens is then the implementation's choice).
 */
export function topPSets(p: readonly Rational[], pThr: Rational): { m: number; must: boolean[]; may: boolean[]; boundary: Rational } {
  const sorted = p.slice().sort((a, b) => b.cmp(a));
  const m = nucleusSize(sorted, pThr); // the least m ≥ 1 with mass ≥ p (V when none; p ≤ 0 keeps one token, min_tokens_to_keep = 1)
  const v = sorted[m - 1]!;
  const above = p.filter((q) => q.gt(v)).length;
  const tiedNeeded = m - above;
  const tiedAll = p.filter((q) => q.eq(v)).length;
  return {
    m,
    boundary: v,
    must: p.map((q) => q.gt(v) || (q.eq(v) && tiedNeeded === tiedAll)),
    may: p.map((q) => q.ge(v)),
  };
}

/** Is `keep` a smallest set of mass ≥ p (one of the nuclei of {@link topPSets})? */
export function isNucleus(p: readonly Rational[], pThr: Rational, keep: readonly boolean[]): boolean {
  const s = topPSets(p, pThr);
  let n = 0; let mass = Rational.ZERO;
  for (let i = 0; i < p.length; i++) {
    if (keep[i]) { n++; mass = mass.add(p[i]!); if (!s.may[i]) return false; } else if (s.must[i]) return false;
  }
  return n === s.m && (mass.ge(pThr) || s.m === 1);
}

/** The minimal cardinality of a subset of mass ≥ p, by enumeration of all 2^V subsets (V ≤ 16). */
export function minimalMassSetSize(p: readonly Rational[], pThr: Rational): number {
  const V = p.length;
  if (V > 16) throw new RangeError('minimalMassSetSize: V ≤ 16');
  let best = V + 1;
  for (let mask = 1; mask < 1 << V; mask++) {
    let s = Rational.ZERO; let n = 0;
    for (let i = 0; i < V; i++) if (mask & (1 << i)) { s = s.add(p[i]!); n++; }
    if (s.ge(pThr) && n < best) best = n;
  }
  return best;
}

/** Renormalise the kept probabilities (003:828: "normalise the score of n words"). */
export function renormalise(p: readonly Rational[], keep: readonly boolean[]): Rational[] {
  let s = Rational.ZERO;
  p.forEach((q, i) => { if (keep[i]) s = s.add(q); });
  return p.map((q, i) => (keep[i] ? q.div(s) : Rational.ZERO));
}

/**
 * Temperature τ = 1/m (m a positive integer): softmax(u/τ) = softmax(m·u) = p^m / Σ p^m with p = softmax(u),
 * exactly (exp(m·u_i) = exp(u_i)^m), so the tempered distribution of a rational p is rational.
 */
export function temperPower(p: readonly Rational[], m: number): Rational[] {
  const q = p.map((x) => x.pow(m));
  const s = Rational.sum(q);
  return q.map((x) => x.div(s));
}

/** The largest entry. */
export function maxR(p: readonly Rational[]): Rational {
  return p.reduce((a, b) => (b.gt(a) ? b : a));
}

/** Is the 0/1 mask a top set of p (every kept word at least as probable as every dropped one)? Exact comparisons. */
export function isTopSet(p: readonly number[], keep: readonly number[]): boolean {
  let minKept = Infinity, maxDropped = -Infinity;
  p.forEach((x, i) => { if (keep[i] === 1) minKept = Math.min(minKept, x); else maxDropped = Math.max(maxDropped, x); });
  return !(maxDropped > minKept);
}

/** The HF top-k mask of float logits: 1 iff logits[w] ≥ the k-th largest (k ≥ V: all). Exact comparisons. */
export function topKMask(logits: readonly number[], k: number): number[] {
  // float comparisons are exact (±Infinity included): the same rule as topKKeep on the exact values
  return topKKeepBy(logits, k, (a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((x) => (x ? 1 : 0));
}

// --- Beam search with EOS and length penalty (issue 14: dec.beam-search) ---------------------------------

/** Arguments of dec.beam-search (see src/ops/decoding.ts for the declared semantics). */
export interface BeamArgs { logProbs: number[][]; T: number; width: number; eos: number; lengthPenalty: number }
export interface BeamHyp { y: number[]; s: Rational }

/** The row of the table for a prefix: Σ_{i<t} V^i + base-V code. */
export function beamRow(V: number, y: readonly number[]): number {
  let off = 0, p = 1;
  for (let i = 0; i < y.length; i++) { off += p; p *= V; }
  let code = 0;
  for (const w of y) code = code * V + w;
  return off + code;
}

function checkBeamArgs(a: BeamArgs): number {
  const V = a.logProbs[0]?.length ?? 0;
  let N = 0, p = 1;
  for (let t = 0; t < a.T; t++) { N += p; p *= V; }
  if (V < 1 || a.logProbs.length !== N || a.logProbs.some((r) => r.length !== V)) throw new RangeError(`beam: logProbs must be ${N} × V`);
  if (!(a.width >= 1) || ![0, 1, 2].includes(a.lengthPenalty)) throw new RangeError('beam: width ≥ 1, lengthPenalty ∈ {0, 1, 2}');
  return V;
}

/** The declared candidate order: score descending, then the token sequence lexicographically ascending. */
export function beamOrder(a: BeamHyp, b: BeamHyp): number {
  const c = b.s.cmp(a.s);
  if (c !== 0) return c;
  for (let i = 0; i < Math.min(a.y.length, b.y.length); i++) if (a.y[i] !== b.y[i]) return a.y[i]! - b.y[i]!;
  return a.y.length - b.y.length;
}

/** s / |y|^α, exact. */
export function normalisedScore(h: BeamHyp, alpha: number): Rational {
  return alpha === 0 ? h.s : h.s.div(Rational.of(h.y.length).pow(alpha));
}

/** The exact beam search of the declared semantics (exact rational scores of the float table): the final beam and the returned sequence. */
export function beamSearchExact(a: BeamArgs): { beam: BeamHyp[]; best: number[] } {
  const V = checkBeamArgs(a);
  const lp = a.logProbs.map((r) => r.map((x) => Rational.fromFloat64(x)));
  const done = (h: BeamHyp) => h.y.length > 0 && h.y[h.y.length - 1] === a.eos;
  let beam: BeamHyp[] = [{ y: [], s: Rational.ZERO }];
  for (let t = 0; t < a.T; t++) {
    const cand: BeamHyp[] = [];
    for (const h of beam) {
      if (done(h)) { cand.push(h); continue; }
      const row = lp[beamRow(V, h.y)]!;
      for (let w = 0; w < V; w++) cand.push({ y: [...h.y, w], s: h.s.add(row[w]!) });
    }
    cand.sort(beamOrder);
    beam = cand.slice(0, a.width);
  }
  let b = 0;
  for (let i = 1; i < beam.length; i++) if (normalisedScore(beam[i]!, a.lengthPenalty).gt(normalisedScore(beam[b]!, a.lengthPenalty))) b = i;
  return { beam, best: beam[b]!.y };
}

/** The sequences an implementation may return: the exact choice, and (α > 0) any final-beam hypothesis within 2u relative of the best normalised score. */
export function beamAcceptable(a: BeamArgs, u: number): number[][] {
  const { beam, best } = beamSearchExact(a);
  if (a.lengthPenalty === 0) return [best];
  const n = beam.map((h) => normalisedScore(h, a.lengthPenalty));
  const top = n.reduce((x, y) => (y.gt(x) ? y : x));
  const slack = top.abs().mul(Rational.fromFloat64(4 * u));
  return beam.filter((_, i) => n[i]!.add(slack).ge(top)).map((h) => h.y);
}

/** Every complete sequence (ending in eos at length ≤ T, or of length T without eos) with its exact score. */
export function completeSequences(a: BeamArgs): BeamHyp[] {
  const V = checkBeamArgs(a);
  const lp = a.logProbs.map((r) => r.map((x) => Rational.fromFloat64(x)));
  const out: BeamHyp[] = [];
  const rec = (y: number[], s: Rational): void => {
    if (y.length === a.T || (y.length > 0 && y[y.length - 1] === a.eos)) { out.push({ y: y.slice(), s }); return; }
    const row = lp[beamRow(V, y)]!;
    for (let w = 0; w < V; w++) { y.push(w); rec(y, s.add(row[w]!)); y.pop(); }
  };
  rec([], Rational.ZERO);
  return out;
}

/** Greedy decoding of the table with EOS: argmax token (smallest on ties) until eos or T tokens. */
export function greedyTable(a: BeamArgs): number[] {
  const V = checkBeamArgs(a);
  const y: number[] = [];
  while (y.length < a.T && !(y.length > 0 && y[y.length - 1] === a.eos)) {
    const row = a.logProbs[beamRow(V, y)]!.map((x) => Rational.fromFloat64(x));
    let b = 0;
    for (let w = 1; w < V; w++) if (row[w]!.gt(row[b]!)) b = w;
    y.push(b);
  }
  return y;
}

// --- Seeded sampling with temperature / top-k / top-p (issue 14: dec.sample) -----------------------------

export interface SampleArgs { logits: number[]; temperature: number; topK: number; topP: number; n: number; seed: number }

/** The margin by which a top-p cumulative mass must clear p for the kept set to be rounding-independent. */
export const TOP_P_MARGIN = 2 ** -10;

/**
 * The exact sampling distribution of dec.sample, enclosed: z = logits/τ (interval division), the HF
 * top-k set (logit ≥ the k-th largest; order by z equals order by logit for τ > 0), the top-p set on the
 * renormalised top-k distribution (smallest prefix of the words by decreasing logit with mass ≥ p), and
 * softmax over the kept words in interval arithmetic. `decided` is false when a cumulative mass of the
 * top-p scan lies within TOP_P_MARGIN of p or the boundary word is tied with the next one (the kept set
 * then depends on rounding or a tie rule).
 */
export function sampleDistribution(a: SampleArgs): { lo: number[]; hi: number[]; kept: boolean[]; decided: boolean } {
  const V = a.logits.length;
  if (!(a.temperature > 0) || !(a.topP > 0 && a.topP <= 1)) throw new RangeError('sample: τ > 0, p ∈ (0, 1]');
  const z = a.logits.map((x) => ivDiv(point(x), point(a.temperature)));
  let kept = a.topK > 0 ? topKMask(a.logits, a.topK).map((m) => m === 1) : a.logits.map(() => true);
  let decided = true;
  if (a.topP < 1) {
    const idx = kept.flatMap((k, i) => (k ? [i] : [])).sort((i, j) => a.logits[j]! - a.logits[i]! || i - j);
    const pr = ivSoftmax(idx.map((i) => z[i]!));
    let lo = 0, hi = 0, m = idx.length;
    for (let r = 0; r < idx.length; r++) {
      lo = addDown(lo, pr[r]!.lo); hi = addUp(hi, pr[r]!.hi);
      if (hi >= a.topP - TOP_P_MARGIN && lo <= a.topP + TOP_P_MARGIN && r < idx.length - 1) decided = false;
      if (lo >= a.topP) { m = r + 1; break; }
    }
    if (m < idx.length && a.logits[idx[m - 1]!] === a.logits[idx[m]!]) decided = false;
    const keep = new Set(idx.slice(0, m));
    kept = kept.map((_, i) => keep.has(i));
  }
  const ks = kept.flatMap((k, i) => (k ? [i] : []));
  const pr = ivSoftmax(ks.map((i) => z[i]!));
  const lo = new Array<number>(V).fill(0), hi = new Array<number>(V).fill(0);
  ks.forEach((i, r) => { lo[i] = Math.max(0, (pr[r] as Interval).lo); hi[i] = Math.min(1, (pr[r] as Interval).hi); });
  return { lo, hi, kept, decided };
}
