/**
 * Exact oracles of the pretraining domain (BERT MLM and heads, SpanBERT, SQuAD spans, T5 span corruption,
 * BART noising, GPT shift, ViT patches). Imports src/numerics only. Notes: 003:552–784, 004:1661–2410.
 */
import { Rational } from '../numerics/rational.js';

// --- Parameter counts (pre.bert-base, pre.cls-heads) ---------------------------------------------------

export interface BertConfig {
  vocab: number; maxPos: number; typeVocab: number; hidden: number; layers: number; intermediate: number;
}
/** BERT-base (Devlin et al. 2019; HF bert-base-uncased config.json). */
export const BERT_BASE: BertConfig = { vocab: 30522, maxPos: 512, typeVocab: 2, hidden: 768, layers: 12, intermediate: 3072 };
export const BERT_LARGE: BertConfig = { vocab: 30522, maxPos: 512, typeVocab: 2, hidden: 1024, layers: 24, intermediate: 4096 };

/** The parameter count of a BERT encoder, part by part (HF BertModel: embeddings with LayerNorm, L layers, pooler). */
export function bertParams(c: BertConfig): { embeddings: number; perLayer: number; layers: number; pooler: number; total: number; mlmHead: number; nspHead: number } {
  const H = c.hidden, F = c.intermediate;
  const embeddings = c.vocab * H + c.maxPos * H + c.typeVocab * H + 2 * H; // word, position, token-type, LayerNorm γ β
  const attention = 3 * (H * H + H) + (H * H + H) + 2 * H;                 // Q, K, V, output dense, LayerNorm
  const ffn = (H * F + F) + (F * H + H) + 2 * H;                            // intermediate, output, LayerNorm
  const perLayer = attention + ffn;
  const pooler = H * H + H;
  const mlmHead = (H * H + H) + 2 * H + c.vocab; // transform dense + LayerNorm + decoder bias (decoder weight tied to the word embeddings)
  const nspHead = 2 * H + 2;
  return { embeddings, perLayer, layers: c.layers * perLayer, pooler, total: embeddings + c.layers * perLayer + pooler, mlmHead, nspHead };
}

/** The same count by listing every weight tensor's shape and summing the products (a structural enumeration). */
export function bertParamsByTensors(c: BertConfig): number {
  const H = c.hidden, F = c.intermediate;
  const shapes: number[][] = [[c.vocab, H], [c.maxPos, H], [c.typeVocab, H], [H], [H]];
  for (let l = 0; l < c.layers; l++) {
    for (const _ of ['query', 'key', 'value']) shapes.push([H, H], [H]);
    shapes.push([H, H], [H], [H], [H]);
    shapes.push([H, F], [F], [F, H], [H], [H], [H]);
  }
  shapes.push([H, H], [H]);
  return shapes.reduce((s, sh) => s + sh.reduce((a, b) => a * b, 1), 0);
}

/** A classification head softmax(C Wᵀ), W ∈ R^{K×H} (004:1760–1766), with or without a bias b ∈ R^K. */
export function headParams(K: number, H: number, bias: boolean): number {
  return K * H + (bias ? K : 0);
}

// --- Masked LM (pre.mlm, pre.spanbert) --------------------------------------------------------------------

/**
 * The HF `DataCollatorForLanguageModeling` scheme: select with probability q (0.15); a selected token is
 * replaced by [MASK] with probability a (0.8); of the rest, a random token with probability b (0.5);
 * otherwise kept. Returns the exact probabilities of the four outcomes of one token.
 */
export function mlmOutcomes(q: Rational, a: Rational, b: Rational): { notSelected: Rational; mask: Rational; random: Rational; kept: Rational } {
  const one = Rational.ONE;
  return {
    notSelected: one.sub(q),
    mask: q.mul(a),
    random: q.mul(one.sub(a)).mul(b),
    kept: q.mul(one.sub(a)).mul(one.sub(b)),
  };
}

/** P(the input token differs from the original) under the scheme, random tokens uniform over V (the random token may equal the original). */
export function mlmChangedProb(q: Rational, a: Rational, b: Rational, V: number): Rational {
  const o = mlmOutcomes(q, a, b);
  return o.mask.add(o.random.mul(Rational.of(V - 1, V)));
}

/**
 * SpanBERT's per-span regime (003:698–702): one draw per span decides mask / random / keep for all its
 * tokens. The joint law of the outcomes of the n tokens of one span: P(all mask) = 0.8, P(all random) = 0.1,
 * P(all kept) = 0.1 — and, by enumerating the 3^n joint outcomes, each token's marginal is still 80/10/10.
 */
export function spanJointOutcomes(n: number, probs: readonly Rational[]): Map<string, Rational> {
  const out = new Map<string, Rational>();
  probs.forEach((p, k) => out.set(String(k).repeat(n), p));
  return out;
}

/** The marginal of token i of a span from a joint law over outcome strings. */
export function spanMarginal(joint: Map<string, Rational>, i: number, outcomes: number): Rational[] {
  const m = new Array<Rational>(outcomes).fill(Rational.ZERO);
  for (const [k, p] of joint) m[Number(k[i])] = m[Number(k[i])]!.add(p);
  return m;
}

/** SBO inputs (003:709–714): for x_i in the span (s..e), the boundary tokens s−1, e+1 and the relative position i − s + 1. */
export function sboInputs(s: number, e: number): { i: number; left: number; right: number; rel: number }[] {
  const out = [];
  for (let i = s; i <= e; i++) out.push({ i, left: s - 1, right: e + 1, rel: i - s + 1 });
  return out;
}

// --- SQuAD spans (pre.squad, pre.squad-index) -------------------------------------------------------------

/**
 * The best span argmax_{i ≤ j, j − i < L} (start_i + end_j) (004:1895, 003:727–730) in O(n) for L ≥ n
 * (a running maximum of the start scores) and O(n) for any L (a monotone deque of start candidates).
 * Scores are compared exactly (float inputs converted to rationals). Ties: the smallest j, then the
 * smallest i. Returns null for n = 0.
 */
export function bestSpanLinear(start: readonly number[], end: readonly number[], maxLen = Infinity): { i: number; j: number; score: Rational } | null {
  const n = start.length;
  if (n === 0) return null;
  const S = start.map((x) => Rational.fromFloat64(x)), E = end.map((x) => Rational.fromFloat64(x));
  const dq: number[] = []; // indices i in the window, start scores strictly decreasing (first maximiser kept)
  let best: { i: number; j: number; score: Rational } | null = null;
  for (let j = 0; j < n; j++) {
    while (dq.length && S[dq[dq.length - 1]!]!.lt(S[j]!)) dq.pop();
    dq.push(j);
    while (dq[0]! <= j - maxLen) dq.shift();
    const i = dq[0]!;
    const sc = S[i]!.add(E[j]!);
    if (!best || sc.gt(best.score)) best = { i, j, score: sc };
  }
  return best;
}

/** Every best span by brute force over all pairs i ≤ j with j − i < L, exact. */
export function bestSpansBrute(start: readonly number[], end: readonly number[], maxLen = Infinity): { score: Rational | null; spans: [number, number][] } {
  const n = start.length;
  let score: Rational | null = null; let spans: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i; j < n && j - i < maxLen; j++) {
    const sc = Rational.fromFloat64(start[i]!).add(Rational.fromFloat64(end[j]!));
    const c = score === null ? 1 : sc.cmp(score);
    if (c > 0) { score = sc; spans = [[i, j]]; } else if (c === 0) spans.push([i, j]);
  }
  return { score, spans };
}

/** BERT's QA input [CLS] q… [SEP] p… [SEP] (004:1840): the input position of passage token k (0-based input positions). */
export function squadInput(question: readonly string[], passage: readonly string[]): { tokens: string[]; passageOffset: number } {
  return { tokens: ['[CLS]', ...question, '[SEP]', ...passage, '[SEP]'], passageOffset: question.length + 2 };
}

// --- T5 span corruption, BART noising, GPT shift, ViT patches ---------------------------------------------

/** A span [start, start + length) of a token list. */
export interface Span { start: number; length: number }

/**
 * T5 span corruption (004:1983–2025; Raffel et al. 2020 §3.1.4): each (non-empty, disjoint, sorted) span is
 * replaced by one sentinel <extra_id_k> in the input; the target lists the sentinels each followed by its
 * span, then a final sentinel <extra_id_m> (the paper's <Z>; HF also appends </s>).
 */
export function t5Corrupt(tokens: readonly string[], spans: readonly Span[]): { input: string[]; target: string[] } {
  const input: string[] = []; const target: string[] = [];
  let pos = 0;
  spans.forEach((s, k) => {
    input.push(...tokens.slice(pos, s.start), `<extra_id_${k}>`);
    target.push(`<extra_id_${k}>`, ...tokens.slice(s.start, s.start + s.length));
    pos = s.start + s.length;
  });
  input.push(...tokens.slice(pos));
  target.push(`<extra_id_${spans.length}>`);
  return { input, target };
}

/** Undo {@link t5Corrupt}: put every span of the target back at its sentinel of the input. */
export function t5Restore(input: readonly string[], target: readonly string[]): string[] {
  const fill = new Map<string, string[]>();
  let cur: string | null = null;
  for (const t of target) {
    if (/^<extra_id_\d+>$/.test(t)) { cur = t; fill.set(t, []); } else if (cur) fill.get(cur)!.push(t);
  }
  return input.flatMap((t) => (fill.has(t) ? fill.get(t)! : [t]));
}

/** BART text infilling (004:2065–2083): each span (length ≥ 0, disjoint, sorted) is replaced by ONE <mask>; a 0-length span inserts a mask. */
export function bartInfill(tokens: readonly string[], spans: readonly Span[]): string[] {
  const out: string[] = []; let pos = 0;
  for (const s of spans) { out.push(...tokens.slice(pos, s.start), '<mask>'); pos = s.start + s.length; }
  out.push(...tokens.slice(pos));
  return out;
}

/** Is `sub` a subsequence of `seq` (token deletion keeps order)? */
export function isSubsequence(sub: readonly string[], seq: readonly string[]): boolean {
  let i = 0;
  for (const t of seq) if (i < sub.length && sub[i] === t) i++;
  return i === sub.length;
}

/** Poisson(λ) pmf P(k) = e^{−λ} λ^k / k! as the exact rational factor λ^k/k! (times e^{−λ}). */
export function poissonFactor(lambda: number, k: number): Rational {
  let f = Rational.ONE;
  for (let i = 1; i <= k; i++) f = f.mul(Rational.of(lambda, i));
  return f;
}

/** GPT's shifted pairs (004:2396–2410): inputs x_{1..n−1}, targets x_{2..n}. */
export function gptShift<T>(tokens: readonly T[]): { input: T[]; target: T[] } {
  return { input: tokens.slice(0, -1), target: tokens.slice(1) };
}

/** The number of P×P patches of an H×W image, counted by tiling (non-overlapping, stride P; a remainder is dropped). */
export function vitPatchesByTiling(H: number, W: number, P: number): number {
  let n = 0;
  for (let r = 0; r + P <= H; r += P) for (let c = 0; c + P <= W; c += P) n++;
  return n;
}
