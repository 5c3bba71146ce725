/**
 * Rigorous enclosures for softmax and scaled dot-product attention
 * (seed 004_975819c312b074f9.txt, line 1450: "Attention(Q, K, V) = softmax(QK^T/√d_k) V";
 * causal mask 003:505–509). Float inputs are exact; products of two float32 values are exact in
 * float64, sums are rounded outward, √d, exp and the softmax are enclosed (src/numerics/interval.ts).
 */
import { Interval, point, div, sqrt, softmax, addDown, addUp, mulDown, mulUp } from '../numerics/interval.js';
import { Rational } from '../numerics/rational.js';
import { prepareRows, prepareColumns, dotRowsInto, dotMidRadInto, midRadSplit, softmaxInto, sqrtIntEnclose, pred, succ, type PreparedRows } from '../numerics/fast-enclose.js';

/**
 * Σ_i a_i b_i as an interval: each product enclosed by its directed roundings (exact for float32
 * inputs, whose products fit a double), summed with outward rounding — the same arithmetic as
 * point-interval `add`/`mul`, on two numbers instead of Interval objects.
 */
export function dotEnclosure(a: readonly number[], b: readonly number[]): Interval {
  let lo = 0, hi = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!;
    if (Math.fround(x) === x && Math.fround(y) === y) {
      const p = x * y; // exact: two 24-bit significands fit a double (float32 range: no under/overflow)
      lo = addDown(lo, p);
      hi = addUp(hi, p);
    } else {
      lo = addDown(lo, mulDown(x, y));
      hi = addUp(hi, mulUp(x, y));
    }
  }
  return new Interval(lo, hi);
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

/**
 * Work T·S·d from which {@link sdpaEnclosure} uses the fast compensated tier
 * ({@link sdpaEnclosureFast}); below it (every generated class except the realistic heads, and every
 * fixture) the reference tier {@link sdpaEnclosureReference}.
 */
export const SDPA_FAST_MIN_WORK = 65536;

/**
 * Rigorous enclosure of softmax(QKᵀ/√d + M)V: the fast compensated tier for large inputs (falling back
 * when its ranges are left), the reference tier otherwise.
 */
export function sdpaEnclosure(q: number[][], k: number[][], v: number[][], causal: boolean): SdpaEnclosure {
  const T = q.length, S = k.length, d = T > 0 ? q[0]!.length : 0;
  if (T * S * d >= SDPA_FAST_MIN_WORK) {
    const fast = sdpaEnclosureFast(q, k, v, causal);
    if (fast !== null) return fast;
  }
  return sdpaEnclosureReference(q, k, v, causal);
}

/**
 * Fast tier (src/numerics/fast-enclose.ts): each score q·k by Dot2 (exact products for float32 data,
 * Dekker's product otherwise) with its a-posteriori bound, divided by the enclosure of √d with
 * directed rounding; the softmax of the row in mid-radius form (`softmaxInto`); each output entry
 * Σ_s p_s v_sc by Dot2 of the probability midpoints plus Σ_s r_s |v_sc| for their radii
 * (`dotMidRadInto`). Returns null (use the reference tier) when a value is not finite, leaves the
 * safe ranges of the error-free transformations, or d = 0.
 */
export function sdpaEnclosureFast(q: number[][], k: number[][], v: number[][], causal: boolean): SdpaEnclosure | null {
  const a = sdpaEncloseArrays(q, k, v, causal);
  if (a === null) return null;
  const { T, S, e, allowed } = a;
  const scores: Interval[][] = [], probs: Interval[][] = [], out: Interval[][] = [];
  for (let t = 0; t < T; t++) {
    const n = allowed[t]!;
    const st = new Array<Interval>(n), pt = new Array<Interval>(n), ot = new Array<Interval>(e);
    for (let s = 0; s < n; s++) {
      st[s] = new Interval(a.scoreLo[t * S + s]!, a.scoreHi[t * S + s]!);
      pt[s] = new Interval(a.probLo[t * S + s]!, a.probHi[t * S + s]!);
    }
    for (let c = 0; c < e; c++) ot[c] = new Interval(a.outLo[t * e + c]!, a.outHi[t * e + c]!);
    scores.push(st); probs.push(pt); out.push(ot);
  }
  return { scores, probs, allowed, out };
}

/** The fast tier's enclosures in typed arrays: scores and probabilities T×S (row t valid up to allowed[t]), outputs T×e. */
export interface SdpaArrays {
  T: number; S: number; e: number;
  allowed: number[];
  scoreLo: Float64Array; scoreHi: Float64Array;
  probLo: Float64Array; probHi: Float64Array;
  outLo: Float64Array; outHi: Float64Array;
}

/** The fast tier's core (see {@link sdpaEnclosureFast}); no allocation per entry. */
export function sdpaEncloseArrays(q: number[][], k: number[][], v: number[][], causal: boolean): SdpaArrays | null {
  const T = q.length, S = k.length;
  const d = T > 0 ? q[0]!.length : 0;
  const e = S > 0 ? v[0]!.length : 0;
  if (T === 0 || S === 0 || d === 0 || v.length !== S) return null;
  let Q: PreparedRows | null = prepareRows(q, d), K: PreparedRows | null = prepareRows(k, d);
  if (Q === null || K === null) return null;
  if (Q.hi === null !== (K.hi === null)) {
    Q = prepareRows(q, d, true);
    K = prepareRows(k, d, true);
    if (Q === null || K === null) return null;
  }
  const V = prepareColumns(v, e);
  if (V === null) return null;
  const [rLo, rHi] = sqrtIntEnclose(d);
  const buf = new Float64Array(2);
  const sMid = new Float64Array(S), sRad = new Float64Array(S);
  const pm = new Float64Array(S), ph = new Float64Array(S), pl = new Float64Array(S), pr = new Float64Array(S);
  const scratch = { em: new Float64Array(S), er: new Float64Array(S) };
  const scoreLo = new Float64Array(T * S), scoreHi = new Float64Array(T * S);
  const probLo = new Float64Array(T * S), probHi = new Float64Array(T * S);
  const outLo = new Float64Array(T * e), outHi = new Float64Array(T * e);
  const allowed: number[] = [];
  for (let t = 0; t < T; t++) {
    const n = causal ? Math.min(t + 1, S) : S;
    allowed.push(n);
    const row = t * S;
    for (let s = 0; s < n; s++) {
      if (!dotRowsInto(Q, t, K, s, d, buf, 0)) return null;
      const dl = buf[0]!, dh = buf[1]!;
      const lo = pred(dl >= 0 ? dl / rHi : dl / rLo);
      const hi = succ(dh >= 0 ? dh / rLo : dh / rHi);
      if (!(lo - lo === 0 && hi - hi === 0)) return null;
      scoreLo[row + s] = lo; scoreHi[row + s] = hi;
      let m = 0.5 * lo + 0.5 * hi;
      if (m < lo) m = lo;
      if (m > hi) m = hi;
      sMid[s] = m;
      sRad[s] = succ(Math.max(hi - m, m - lo));
    }
    const pLo = probLo.subarray(row, row + S), pHi = probHi.subarray(row, row + S);
    if (!softmaxInto(sMid, sRad, n, pLo, pHi, scratch)) return null;
    midRadSplit(pLo, pHi, n, pm, ph, pl, pr);
    for (let c = 0; c < e; c++) {
      if (!dotMidRadInto(pm, ph, pl, pr, n, V, c, outLo, outHi, t * e + c)) return null;
    }
  }
  return { T, S, e, allowed, scoreLo, scoreHi, probLo, probHi, outLo, outHi };
}

/**
 * Reference tier: every product enclosed by directed rounding (exact for float32 inputs), outward
 * rounded sums, interval √d, division and softmax (src/numerics/interval.ts).
 */
export function sdpaEnclosureReference(q: number[][], k: number[][], v: number[][], causal: boolean): SdpaEnclosure {
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
      // Σ_s p_s v_sc with p_s ∈ [lo, hi] ⊂ [0, 1]: the endpoint products by sign of v, outward rounded
      let lo = 0, hi = 0;
      for (let s = 0; s < n; s++) {
        const x = v[s]![c]!, ps = pt[s]!;
        if (x >= 0) { lo = addDown(lo, mulDown(ps.lo, x)); hi = addUp(hi, mulUp(ps.hi, x)); }
        else { lo = addDown(lo, mulDown(ps.hi, x)); hi = addUp(hi, mulUp(ps.lo, x)); }
      }
      ot.push(new Interval(lo, hi));
    }
    scores.push(st); probs.push(pt); out.push(ot);
  }
  return { scores, probs, allowed, out };
}

/**
 * Exact Gaussian moments (seed 002_606757b0cdfd2eb0.txt, HW9 Topic 1, lines 665–684).
 * For X ~ N(μ, σ²): m_0 = 1, m_1 = μ, m_j = μ m_{j−1} + (j − 1)σ² m_{j−2} (Stein's identity),
 * all rational when μ and σ² are.
 */

export function gaussianMoment(j: number, mu: Rational, s2: Rational): Rational {
  let a = Rational.ONE;
  if (j === 0) return a;
  let b = mu;
  for (let i = 2; i <= j; i++) [a, b] = [b, mu.mul(b).add(Rational.fromInt(i - 1).mul(s2).mul(a))];
  return b;
}

/**
 * E[(qᵀk)^m] for m ∈ {1, 2}, q_i ~ N(μq_i, σq²), k_i ~ N(μk_i, σk²) all independent, computed by
 * expanding the polynomial (Σ_i q_i k_i)^m into monomials and taking expectations factor by factor
 * with `gaussianMoment` — deliberately not using any variance formula.
 */
export function dotProductMoment(m: 1 | 2, muQ: Rational[], muK: Rational[], s2q: Rational, s2k: Rational): Rational {
  const d = muQ.length;
  let total = Rational.ZERO;
  if (m === 1) {
    for (let i = 0; i < d; i++) total = total.add(gaussianMoment(1, muQ[i]!, s2q).mul(gaussianMoment(1, muK[i]!, s2k)));
    return total;
  }
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      if (i === j) {
        total = total.add(gaussianMoment(2, muQ[i]!, s2q).mul(gaussianMoment(2, muK[i]!, s2k)));
      } else {
        total = total.add(gaussianMoment(1, muQ[i]!, s2q).mul(gaussianMoment(1, muQ[j]!, s2q))
          .mul(gaussianMoment(1, muK[i]!, s2k)).mul(gaussianMoment(1, muK[j]!, s2k)));
      }
    }
  }
  return total;
}

/** The closed form under test: E = μqᵀμk, Var = dσq²σk² + σq²‖μk‖² + σk²‖μq‖². */
export function dotProductClosedForm(muQ: Rational[], muK: Rational[], s2q: Rational, s2k: Rational): { mean: Rational; variance: Rational } {
  const d = muQ.length;
  const dot = Rational.sum(muQ.map((a, i) => a.mul(muK[i]!)));
  const nq = Rational.sum(muQ.map((a) => a.mul(a)));
  const nk = Rational.sum(muK.map((a) => a.mul(a)));
  return { mean: dot, variance: Rational.fromInt(d).mul(s2q).mul(s2k).add(s2q.mul(nk)).add(s2k.mul(nq)) };
}

// ===================================================================================================
// attn-ops block (branch attn-ops): the general attention form, RoPE, sinusoidal positional
// encodings, grouped-query / KV-cache counts. Kept apart from the other attention helpers' blocks.
// ===================================================================================================
import { add as ivAdd, mul as ivMul, sin as ivSin, cos as ivCos, exp as ivExp, log as ivLog, tanh as ivTanh, sub as ivSub, div as ivDiv, sqr as ivSqr } from '../numerics/interval.js';

/** How a causal mask is aligned when T ≠ S_total (spec/conventions.md, causal-alignment). */
export type CausalAlignment = 'none' | 'top-left' | 'bottom-right';

/** Arguments of the general attention op `attn.attention` (src/ops/attention.ts). */
export interface AttentionArgs {
  /** queries [Hq, T, d] */
  q: number[][][];
  /** new keys [Hkv, S, d] */
  k: number[][][];
  /** new values [Hkv, S, e] */
  v: number[][][];
  /** cached keys [Hkv, P, d] placed before k (KV cache); absent = none */
  pastK?: number[][][];
  /** cached values [Hkv, P, e] */
  pastV?: number[][][];
  /** boolean mask [T, P + S] as 0/1 (1 = may attend) */
  keep?: number[][];
  /** additive mask [T, P + S], added to the (soft-capped) scaled scores */
  bias?: number[][];
  /** score scale; absent = 1/√d */
  scale?: number;
  /** softcap c > 0: scores ← c·tanh(scores/c) before the masks; absent or 0 = none */
  softcap?: number;
  causal: CausalAlignment;
}

/** Keys and values with the cache prepended: [Hkv, P + S, ·]. */
export function attentionKeys(a: AttentionArgs): { K: number[][][]; V: number[][][] } {
  const K = a.k.map((kh, h) => [...(a.pastK?.[h] ?? []), ...kh]);
  const V = a.v.map((vh, h) => [...(a.pastV?.[h] ?? []), ...vh]);
  return { K, V };
}

/**
 * Whether query t may attend key s (of N = P + S keys): the boolean mask, and the causal mask —
 * top-left: s ≤ t (PyTorch `is_causal`, ONNX Attention `is_causal`); bottom-right: s ≤ t + N − T
 * (FlashAttention ≥ 2.1, KV-cache decoding: the last query is the last key).
 */
export function attentionAllowed(a: AttentionArgs, T: number, N: number, t: number, s: number): boolean {
  if (a.keep !== undefined && a.keep[t]![s]! === 0) return false;
  if (a.causal === 'top-left' && s > t) return false;
  if (a.causal === 'bottom-right' && s > t + N - T) return false;
  return true;
}

/** The kv head that query head h uses: ⌊h / (Hq/Hkv)⌋ (PyTorch repeat_interleave, ONNX Attention, FlashAttention). */
export const kvHeadOf = (h: number, Hq: number, Hkv: number): number => Math.floor(h / (Hq / Hkv));

export interface AttentionEnclosure {
  /** per head h, query t: the allowed key indices, their score enclosures (after scale, softcap and bias), probabilities */
  keys: number[][][];
  scores: Interval[][][];
  probs: Interval[][][];
  /** [Hq, T, e] */
  out: Interval[][][];
}

/**
 * Rigorous enclosure of the general attention form (reference tier, src/numerics/interval.ts):
 * s_ts = c·tanh(scale·(q_t·k_s)/c) + bias_ts over the allowed keys, softmax over them, Σ p_s v_s.
 * The scale 1/√d is enclosed; a given scale is taken as the exact double. A row with no allowed key
 * has no value (the op's constraint excludes it); its enclosure is returned as NaN.
 */
export function attentionEnclosure(a: AttentionArgs): AttentionEnclosure {
  const Hq = a.q.length, Hkv = a.k.length;
  const { K, V } = attentionKeys(a);
  const T = a.q[0]?.length ?? 0;
  const N = K[0]?.length ?? 0;
  const d = a.q[0]?.[0]?.length ?? 0;
  const e = V[0]?.[0]?.length ?? 0;
  const sc = a.scale === undefined ? div(point(1), sqrt(point(d))) : point(a.scale);
  const cap = a.softcap !== undefined && a.softcap > 0 ? point(a.softcap) : null;
  const keys: number[][][] = [], scores: Interval[][][] = [], probs: Interval[][][] = [], out: Interval[][][] = [];
  for (let h = 0; h < Hq; h++) {
    const g = kvHeadOf(h, Hq, Hkv);
    const kh = keys[h] = [] as number[][], sh = scores[h] = [] as Interval[][], ph = probs[h] = [] as Interval[][], oh = out[h] = [] as Interval[][];
    for (let t = 0; t < T; t++) {
      const allowed: number[] = [];
      for (let s = 0; s < N; s++) if (attentionAllowed(a, T, N, t, s)) allowed.push(s);
      const st = allowed.map((s) => {
        let x = ivMul(dotEnclosure(a.q[h]![t]!, K[g]![s]!), sc);
        if (cap !== null) x = ivMul(cap, ivTanh(ivDiv(x, cap)));
        if (a.bias !== undefined) x = ivAdd(x, point(a.bias[t]![s]!));
        return x;
      });
      const pt = allowed.length > 0 ? softmax(st) : [];
      const ot: Interval[] = [];
      for (let c = 0; c < e; c++) {
        if (allowed.length === 0) { ot.push(new Interval(NaN, NaN)); continue; }
        let lo = 0, hi = 0;
        allowed.forEach((s, j) => {
          const x = V[g]![s]![c]!, p = pt[j]!;
          if (x >= 0) { lo = addDown(lo, mulDown(p.lo, x)); hi = addUp(hi, mulUp(p.hi, x)); }
          else { lo = addDown(lo, mulDown(p.hi, x)); hi = addUp(hi, mulUp(p.lo, x)); }
        });
        ot.push(new Interval(lo, hi));
      }
      kh.push(allowed); sh.push(st); ph.push(pt); oh.push(ot);
    }
  }
  return { keys, scores, probs, out };
}

/**
 * The RoPE / sinusoidal frequency θ_i = base^{−2i/d} (i = 0 … d/2 − 1), enclosed as
 * exp(−(2i/d)·ln base).
 */
export function ropeFrequency(i: number, d: number, base: number): Interval {
  if (i === 0) return point(1);
  return ivExp(ivMul(ivDiv(point(-2 * i), point(d)), ivLog(point(base))));
}

/** The angle p·θ_i, enclosed. */
export function ropeAngle(pos: number, i: number, d: number, base: number): Interval {
  return ivMul(point(pos), ropeFrequency(i, d, base));
}

/** The coordinate pair rotated by pair i under a pairing convention (spec/conventions.md, rope-pairing). */
export function ropePair(i: number, d: number, pairing: 'interleaved' | 'rotate-half'): [number, number] {
  return pairing === 'interleaved' ? [2 * i, 2 * i + 1] : [i, i + d / 2];
}

/**
 * Rigorous enclosure of RoPE applied to the rows of x [T, d] (d even) at the given positions:
 * (x_a, x_b) ↦ (x_a cos pθ_i − x_b sin pθ_i, x_b cos pθ_i + x_a sin pθ_i) for each pair (a, b) of
 * the pairing — the complex multiplication (x_a + j x_b)·e^{j pθ_i}.
 */
export function ropeEnclosure(x: number[][], positions: number[], base: number, pairing: 'interleaved' | 'rotate-half'): Interval[][] {
  const d = x[0]?.length ?? 0;
  const freqs = Array.from({ length: d / 2 }, (_, i) => ropeFrequency(i, d, base));
  return x.map((row, t) => {
    const out = new Array<Interval>(d);
    for (let i = 0; i < d / 2; i++) {
      const ang = ivMul(point(positions[t]!), freqs[i]!);
      const c = ivCos(ang), s = ivSin(ang);
      const [ia, ib] = ropePair(i, d, pairing);
      const xa = point(row[ia]!), xb = point(row[ib]!);
      out[ia] = ivSub(ivMul(xa, c), ivMul(xb, s));
      out[ib] = ivAdd(ivMul(xb, c), ivMul(xa, s));
    }
    return out;
  });
}

/**
 * Rigorous enclosure of the sinusoidal positional encoding (003:462–464, 004:1505–1507):
 * PE(p, 2i) = sin(p/base^{2i/d}), PE(p, 2i+1) = cos(p/base^{2i/d}) (d even).
 */
export function sinusoidalPeEnclosure(positions: number[], d: number, base: number): Interval[][] {
  const freqs = Array.from({ length: Math.ceil(d / 2) }, (_, i) => ropeFrequency(i, d, base));
  return positions.map((p) => {
    const row: Interval[] = [];
    for (let j = 0; j < d; j++) {
      const ang = ivMul(point(p), freqs[j >> 1]!);
      row.push(j % 2 === 0 ? ivSin(ang) : ivCos(ang));
    }
    return row;
  });
}

/**
 * Exact counts of grouped-query attention (000:507–510): per layer, h query heads of width d_head in
 * G groups (G | h) share G key and G value heads. The KV cache for a batch of B sequences of T tokens
 * in L layers stores, by enumeration, one key and one value vector of d_head entries per (layer,
 * sequence, token, kv head). Counted here by walking that structure (not by the closed form).
 */
export function kvCacheEntries(L: number, B: number, T: number, G: number, dHead: number): bigint {
  let n = 0n;
  for (let l = 0; l < L; l++) for (let g = 0; g < G; g++) n += 2n * BigInt(B) * BigInt(T) * BigInt(dHead); // K and V, B×T vectors of d_head
  return n;
}

/** Parameters of the Q, K, V, O projections (no biases) of one GQA layer: W_Q d×h·d_head, W_K, W_V d×G·d_head, W_O h·d_head×d — summed matrix by matrix. */
export function gqaProjectionParams(dModel: number, h: number, G: number, dHead: number): bigint {
  const mats: [number, number][] = [[dModel, h * dHead], [dModel, G * dHead], [dModel, G * dHead], [h * dHead, dModel]];
  return mats.reduce((s, [r, c]) => s + BigInt(r) * BigInt(c), 0n);
}

/** Exact ℓ² norm² of a sinusoidal PE row — Σ (sin² + cos²) — is d/2; enclosed here from the entries (a check, not a formula). */
export function normSquaredEnclosure(row: Interval[]): Interval {
  return row.reduce((s, x) => ivAdd(s, ivSqr(x)), point(0));
}

/**
 * Exact RoPE with rational rotations (attn.rope): a Pythagorean angle has cos θ = (a² − b²)/(a² + b²),
 * sin θ = 2ab/(a² + b²), both rational, so R(θ)^m, the rotated vectors and their dot products are exact.
 */
export interface RationalRotation { c: Rational; s: Rational }

export function pythagoreanRotation(a: number, b: number): RationalRotation {
  const A = Rational.fromInt(a), B = Rational.fromInt(b);
  const n = A.mul(A).add(B.mul(B));
  return { c: A.mul(A).sub(B.mul(B)).div(n), s: Rational.fromInt(2).mul(A).mul(B).div(n) };
}

/** Matrix form (002:701, 002:709): the 2×2 block [[c, −s], [s, c]] applied m times (m ≥ 0) to each pair. */
export function ropeMatrixRational(x: readonly Rational[], m: number, rots: readonly RationalRotation[], pairing: 'interleaved' | 'rotate-half'): Rational[] {
  const d = x.length;
  const out = [...x];
  for (let i = 0; i < d / 2; i++) {
    const [ia, ib] = ropePair(i, d, pairing);
    let a = x[ia]!, b = x[ib]!;
    const { c, s } = rots[i]!;
    for (let r = 0; r < m; r++) [a, b] = [c.mul(a).sub(s.mul(b)), s.mul(a).add(c.mul(b))];
    out[ia] = a; out[ib] = b;
  }
  return out;
}

/** Complex form (002:703): z = x_a + j x_b times (c + j s)^m, the power by repeated squaring. */
export function ropeComplexRational(x: readonly Rational[], m: number, rots: readonly RationalRotation[], pairing: 'interleaved' | 'rotate-half'): Rational[] {
  const d = x.length;
  const out = [...x];
  const cmul = (p: [Rational, Rational], q: [Rational, Rational]): [Rational, Rational] => [p[0].mul(q[0]).sub(p[1].mul(q[1])), p[0].mul(q[1]).add(p[1].mul(q[0]))];
  for (let i = 0; i < d / 2; i++) {
    const [ia, ib] = ropePair(i, d, pairing);
    let w: [Rational, Rational] = [Rational.ONE, Rational.ZERO];
    let base: [Rational, Rational] = [rots[i]!.c, rots[i]!.s];
    for (let e = m; e > 0; e >>= 1) { if (e & 1) w = cmul(w, base); base = cmul(base, base); }
    const z = cmul([x[ia]!, x[ib]!], w);
    out[ia] = z[0]; out[ib] = z[1];
  }
  return out;
}

export const rationalDot = (a: readonly Rational[], b: readonly Rational[]): Rational => Rational.sum(a.map((x, i) => x.mul(b[i]!)));
