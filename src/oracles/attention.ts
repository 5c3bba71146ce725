/**
 * Rigorous enclosures for softmax and scaled dot-product attention
 * (seed 004_975819c312b074f9.txt, line 1450: "Attention(Q, K, V) = softmax(QK^T/√d_k) V";
 * causal mask 003:505–509). Float inputs are exact; products of two float32 values are exact in
 * float64, sums are rounded outward, √d, exp and the softmax are enclosed (src/numerics/interval.ts).
 */
import { Interval, point, add, mul, div, sqrt, softmax } from '../numerics/interval.js';

export function softmaxEnclosure(x: readonly number[]): Interval[] {
  return softmax(x.map(point));
}

/** Σ_i a_i b_i as an interval (outward-rounded sum of exact float64 products of float32 inputs). */
export function dotEnclosure(a: readonly number[], b: readonly number[]): Interval {
  let s = point(0);
  for (let i = 0; i < a.length; i++) s = add(s, mul(point(a[i]!), point(b[i]!)));
  return s;
}

export interface SdpaEnclosure {
  /** scores[t][s], only for allowed (unmasked) s. */
  scores: Interval[][];
  /** probs[t][s] over allowed keys (masked keys have probability exactly 0 and are omitted). */
  probs: Interval[][];
  /** Number of allowed keys for query t (S, or t + 1 with a causal mask). */
  allowed: number[];
  out: Interval[][];
}

export function sdpaEnclosure(q: number[][], k: number[][], v: number[][], causal: boolean): SdpaEnclosure {
  const T = q.length, S = k.length;
  const d = T > 0 ? q[0]!.length : 0;
  const e = S > 0 ? v[0]!.length : 0;
  const rootD = sqrt(point(d));
  const scores: Interval[][] = [], probs: Interval[][] = [], out: Interval[][] = [], allowed: number[] = [];
  for (let t = 0; t < T; t++) {
    const n = causal ? Math.min(t + 1, S) : S;
    allowed.push(n);
    const st = Array.from({ length: n }, (_, s) => div(dotEnclosure(q[t]!, k[s]!), rootD));
    const pt = softmax(st);
    const ot: Interval[] = [];
    for (let c = 0; c < e; c++) {
      let acc = point(0);
      for (let s = 0; s < n; s++) acc = add(acc, mul(pt[s]!, point(v[s]![c]!)));
      ot.push(acc);
    }
    scores.push(st); probs.push(pt); out.push(ot);
  }
  return { scores, probs, allowed, out };
}
