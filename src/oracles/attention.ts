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
