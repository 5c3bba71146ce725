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

/**
 * Σ_j p_j·x_j over probability enclosures p_j and values x_j (floats, or enclosures for projected
 * values), outward rounded: for a float x the product is monotone in p, so its endpoints are the
 * directed products with p.lo and p.hi chosen by the sign of x; for an interval x the four corner
 * products. The one V-weighted sum of the attention oracles (attn.sdpa, attn.attention, attn.mha).
 */
export function weightedSumEnclosure(p: readonly Interval[], x: (j: number) => number | Interval): Interval {
  let lo = 0, hi = 0;
  for (let j = 0; j < p.length; j++) {
    const pj = p[j]!, xj = x(j);
    if (typeof xj === 'number') {
      if (xj >= 0) { lo = addDown(lo, mulDown(pj.lo, xj)); hi = addUp(hi, mulUp(pj.hi, xj)); }
      else { lo = addDown(lo, mulDown(pj.hi, xj)); hi = addUp(hi, mulUp(pj.lo, xj)); }
    } else {
      lo = addDown(lo, Math.min(mulDown(pj.lo, xj.lo), mulDown(pj.lo, xj.hi), mulDown(pj.hi, xj.lo), mulDown(pj.hi, xj.hi)));
      hi = addUp(hi, Math.max(mulUp(pj.lo, xj.lo), mulUp(pj.lo, xj.hi), mulUp(pj.hi, xj.lo), mulUp(pj.hi, xj.hi)));
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
    for (let c = 0; c < e; c++) ot.push(weightedSumEnclosure(pt, (s) => v[s]![c]!));
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

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// multi-head shapes and the concat/sum views, QK/OV circuits, score
// functions, Shaw relative attention, the T5 bucket, Post-/Pre-LN blocks, polynomial-kernel and
// linear attention, ridge attention, Sherman–Morrison, the residual stream, the ReLU FFN.
// Everything here is exact: rationals (QMatrix), BigInt integers, and Q(1/√s) for layer norms.
// ─────────────────────────────────────────────────────────────────────────────────────────────────
import { QMatrix } from '../numerics/matrix.js';

/** Horizontal concatenation [A₁ | A₂ | …] (all with the same number of rows). */
export function hconcat(blocks: readonly QMatrix[]): QMatrix {
  if (blocks.length === 0) throw new RangeError('hconcat: no blocks');
  const r = blocks[0]!.rows;
  const cols = blocks.reduce((s, b) => s + b.cols, 0);
  const data: Rational[] = [];
  for (let i = 0; i < r; i++) {
    for (const b of blocks) {
      if (b.rows !== r) throw new RangeError(`hconcat: ${b.rows} rows, expected ${r}`);
      for (let j = 0; j < b.cols; j++) data.push(b.get(i, j));
    }
  }
  return new QMatrix(r, cols, data);
}

/** Vertical stacking [A₁; A₂; …] (all with the same number of columns). */
export function vconcat(blocks: readonly QMatrix[]): QMatrix {
  if (blocks.length === 0) throw new RangeError('vconcat: no blocks');
  const c = blocks[0]!.cols;
  for (const b of blocks) if (b.cols !== c) throw new RangeError(`vconcat: ${b.cols} columns, expected ${c}`);
  return new QMatrix(blocks.reduce((s, b) => s + b.rows, 0), c, blocks.flatMap((b) => b.data));
}

/** Rows [r0, r1) of A. */
export function rowSlice(A: QMatrix, r0: number, r1: number): QMatrix {
  return new QMatrix(r1 - r0, A.cols, A.data.slice(r0 * A.cols, r1 * A.cols));
}

/** Σ of equally shaped matrices. */
export function sumMatrices(ms: readonly QMatrix[]): QMatrix {
  return ms.slice(1).reduce((a, b) => a.add(b), ms[0]!);
}

/**
 * One attention head in the row convention of 000:447 / 003:406: head = A (X W^V) with a given
 * row-stochastic attention pattern A (n×n, rational: the softmax's values are irrational, but every
 * shape and linear identity below holds for any pattern). Returns the head output n×d_v.
 */
export function headOutput(X: QMatrix, WV: QMatrix, A: QMatrix): QMatrix {
  return A.mul(X.mul(WV));
}

/**
 * Multi-head attention output Concat(head_1, …, head_h) W^O (000:447) and the same as the sum of
 * per-head projections Σ_i head_i W^O_i, W^O_i the rows [i·d_v, (i+1)·d_v) of W^O (002:783 in the
 * row convention).
 */
export function multiheadConcat(heads: readonly QMatrix[], WO: QMatrix): QMatrix {
  return hconcat(heads).mul(WO);
}
export function multiheadSum(heads: readonly QMatrix[], WO: QMatrix): QMatrix {
  let r0 = 0;
  const parts = heads.map((h) => { const p = h.mul(rowSlice(WO, r0, r0 + h.cols)); r0 += h.cols; return p; });
  return sumMatrices(parts);
}

/** ReLU on a rational matrix. */
export function reluQ(A: QMatrix): QMatrix {
  return new QMatrix(A.rows, A.cols, A.data.map((x) => (x.sign() > 0 ? x : Rational.ZERO)));
}

/** Adds the row vector b to every row of A. */
export function addRow(A: QMatrix, b: readonly Rational[]): QMatrix {
  return new QMatrix(A.rows, A.cols, A.data.map((x, k) => x.add(b[k % A.cols]!)));
}

/** FNN(x) = ReLU(xW₁ + b₁)W₂ + b₂ (000:463), row-wise on X (n×d). */
export function ffnRelu(X: QMatrix, W1: QMatrix, b1: readonly Rational[], W2: QMatrix, b2: readonly Rational[]): QMatrix {
  return addRow(reluQ(addRow(X.mul(W1), b1)).mul(W2), b2);
}

/**
 * The T5 relative-position bucket (Raffel et al. 2020; mesh_tensorflow `_relative_position_bucket`,
 * HF `T5Attention._relative_position_bucket`) in exact integer arithmetic. `rel` = memory − query
 * position = j − i. Bidirectional: half the buckets for each sign (j − i > 0 gets the upper half);
 * unidirectional: only j ≤ i, j > i all map to 0. For n = |rel| (or −min(rel, 0)) below
 * max_exact = ⌊nb/2⌋ the bucket is n; above, max_exact + ⌊ln(n/max_exact)/ln(max_distance/max_exact)·(nb − max_exact)⌋
 * capped at nb − 1, where ⌊·⌋ is found exactly: m ≤ (nb − me)·ln(n/me)/ln(md/me) ⟺ md^m·me^(nb−me) ≤ n^(nb−me)·me^m.
 */
export function t5BucketExact(rel: number, bidirectional = true, numBuckets = 32, maxDistance = 128): number {
  let ret = 0;
  let nb = numBuckets;
  let n: number;
  if (bidirectional) {
    nb = Math.floor(nb / 2);
    if (rel > 0) ret += nb;
    n = Math.abs(rel);
  } else {
    n = Math.max(-rel, 0);
  }
  const me = Math.floor(nb / 2);
  if (n < me) return ret + n;
  const span = nb - me;
  const N = BigInt(n), ME = BigInt(me), MD = BigInt(maxDistance);
  const lhsBase = ME ** BigInt(span), rhsBase = N ** BigInt(span);
  // largest m ≥ 0 with MD^m·ME^span ≤ N^span·ME^m (m = 0 always holds since n ≥ me); cap at nb − 1 − me
  let m = 0;
  const cap = nb - 1 - me;
  while (m < cap && MD ** BigInt(m + 1) * lhsBase <= rhsBase * ME ** BigInt(m + 1)) m++;
  return ret + me + m;
}

/** Shaw et al. clip(x, k) = max(−k, min(k, x)) (000:530). */
export const clipRel = (x: number, k: number): number => Math.max(-k, Math.min(k, x));

/**
 * Shaw relative-position scores (000:525 with the index (i, j) on QKᵀ): e_ij = (x_iW_Q)(x_jW_K + a^K_ij)ᵀ,
 * unscaled (the 1/√d_k factor is common to both sides of every identity here), a^K_ij = w^K_{clip(j−i,k)}.
 * `wK` is indexed by offset + k (2k + 1 rows).
 */
export function shawScoresDirect(X: QMatrix, WQ: QMatrix, WK: QMatrix, wK: QMatrix, k: number): QMatrix {
  const Q = X.mul(WQ), K = X.mul(WK), n = X.rows;
  const out: Rational[] = [];
  for (let i = 0; i < n; i++) {
    const qi = rowSlice(Q, i, i + 1);
    for (let j = 0; j < n; j++) {
      const kj = rowSlice(K, j, j + 1).add(rowSlice(wK, clipRel(j - i, k) + k, clipRel(j - i, k) + k + 1));
      out.push(qi.mul(kj.transpose()).get(0, 0));
    }
  }
  return new QMatrix(n, n, out);
}
/** The notes' split form: (QKᵀ)_ij + x_iW_Q(a^K_ij)ᵀ. */
export function shawScoresSplit(X: QMatrix, WQ: QMatrix, WK: QMatrix, wK: QMatrix, k: number): QMatrix {
  const Q = X.mul(WQ), S = Q.mul(X.mul(WK).transpose()), n = X.rows;
  const R = Q.mul(wK.transpose()); // R[i][r] = q_i · w_r
  const out: Rational[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out.push(S.get(i, j).add(R.get(i, clipRel(j - i, k) + k)));
  return new QMatrix(n, n, out);
}

/**
 * The degree-2 polynomial feature map of 002:737, φ(x) = [1, √2x₁, …, √2x_D, x₁², …, x_D², √2x₁x₂, …, √2x_{D−1}x_D],
 * with the √2 kept symbolic: each feature is c·m(x) with c² ∈ {1, 2} returned as `sq` (the square of
 * its coefficient) and m(x) rational. φ(x)ᵀφ(y) = Σ_a sq_a·m_a(x)·m_a(y), exactly.
 */
export function polyFeatures(x: readonly Rational[]): { sq: number; m: Rational }[] {
  const D = x.length;
  const out: { sq: number; m: Rational }[] = [{ sq: 1, m: Rational.ONE }];
  for (let i = 0; i < D; i++) out.push({ sq: 2, m: x[i]! });
  for (let i = 0; i < D; i++) out.push({ sq: 1, m: x[i]!.mul(x[i]!) });
  for (let i = 0; i < D; i++) for (let j = i + 1; j < D; j++) out.push({ sq: 2, m: x[i]!.mul(x[j]!) });
  return out;
}
export function polyFeatureDot(x: readonly Rational[], y: readonly Rational[]): Rational {
  const a = polyFeatures(x), b = polyFeatures(y);
  return Rational.sum(a.map((f, i) => f.m.mul(b[i]!.m).mul(Rational.fromInt(f.sq))));
}
/** (xᵀy + 1)², the polynomial kernel of 002:733. */
export function polyKernel(x: readonly Rational[], y: readonly Rational[]): Rational {
  const s = Rational.sum(x.map((v, i) => v.mul(y[i]!))).add(Rational.ONE);
  return s.mul(s);
}

/**
 * Kernelised attention with the degree-2 polynomial kernel, quadratic form (002:731):
 * V'_i = Σ_j sim(q_i, k_j)V_j / Σ_j sim(q_i, k_j), sim = (q·k + 1)², over j ≤ i when causal.
 * Returns null for a row whose denominator is 0 (every sim 0).
 */
export function linearAttnQuadratic(q: Rational[][], k: Rational[][], v: Rational[][], causal: boolean): (Rational[] | null)[] {
  return q.map((qi, i) => {
    const S = causal ? Math.min(i + 1, k.length) : k.length;
    const e = v[0]?.length ?? 0;
    let Z = Rational.ZERO;
    const N = new Array<Rational>(e).fill(Rational.ZERO);
    for (let j = 0; j < S; j++) {
      const w = polyKernel(qi, k[j]!);
      Z = Z.add(w);
      for (let c = 0; c < e; c++) N[c] = N[c]!.add(w.mul(v[j]![c]!));
    }
    return Z.isZero() ? null : N.map((x) => x.div(Z));
  });
}

/**
 * The same by the feature map and (prefix) sums (002:741): U = Σ_j φ(k_j)ᵀV_j, z = Σ_j φ(k_j)ᵀ — the
 * running sums over j ≤ i when causal — then V'_i = φ(q_i)U / φ(q_i)z. The √2 stays symbolic (`sq`).
 */
export function linearAttnFeatures(q: Rational[][], k: Rational[][], v: Rational[][], causal: boolean): (Rational[] | null)[] {
  const e = v[0]?.length ?? 0;
  const phiK = k.map((kj) => polyFeatures(kj));
  const F = phiK[0]?.length ?? polyFeatures(q[0] ?? []).length;
  const U: Rational[][] = Array.from({ length: F }, () => new Array<Rational>(e).fill(Rational.ZERO));
  const z = new Array<Rational>(F).fill(Rational.ZERO);
  const add = (j: number) => {
    phiK[j]!.forEach((f, a) => {
      z[a] = z[a]!.add(f.m);
      for (let c = 0; c < e; c++) U[a]![c] = U[a]![c]!.add(f.m.mul(v[j]![c]!));
    });
  };
  if (!causal) for (let j = 0; j < k.length; j++) add(j);
  return q.map((qi, i) => {
    if (causal && i < k.length) add(i);
    const pq = polyFeatures(qi);
    let Z = Rational.ZERO;
    const N = new Array<Rational>(e).fill(Rational.ZERO);
    pq.forEach((f, a) => {
      const w = f.m.mul(Rational.fromInt(f.sq));
      Z = Z.add(w.mul(z[a]!));
      for (let c = 0; c < e; c++) N[c] = N[c]!.add(w.mul(U[a]![c]!));
    });
    return Z.isZero() ? null : N.map((x) => x.div(Z));
  });
}

/** Ridge attention weights W* = (λI + AᵀA)⁻¹AᵀB (002:651 with λ = 1), A = [k_jᵀ], B = [v_jᵀ]. */
export function ridgeAttnWeights(A: QMatrix, B: QMatrix, lambda: Rational): QMatrix {
  const d = A.cols;
  const G = QMatrix.identity(d).scale(lambda).add(A.transpose().mul(A));
  return G.solve(A.transpose().mul(B));
}
/** λI + Σ_i x_i x_iᵀ and Σ_i x_i y_iᵀ as sums of outer products (002:643). */
export function gramBySums(A: QMatrix, B: QMatrix, lambda: Rational): { G: QMatrix; R: QMatrix } {
  let G = QMatrix.identity(A.cols).scale(lambda), R = QMatrix.zeros(A.cols, B.cols);
  for (let i = 0; i < A.rows; i++) {
    const xi = rowSlice(A, i, i + 1).transpose(), yi = rowSlice(B, i, i + 1);
    G = G.add(xi.mul(xi.transpose()));
    R = R.add(xi.mul(yi));
  }
  return { G, R };
}

/** Sherman–Morrison (002:659): (M + uvᵀ)⁻¹ from M⁻¹; null when 1 + vᵀM⁻¹u = 0. */
export function shermanMorrison(Minv: QMatrix, u: QMatrix, v: QMatrix): QMatrix | null {
  const den = Rational.ONE.add(v.transpose().mul(Minv).mul(u).get(0, 0));
  if (den.isZero()) return null;
  return Minv.sub(Minv.mul(u).mul(v.transpose().mul(Minv)).scale(den.inv()));
}

/**
 * A layer-norm output in Q(1/√s): each entry r + t/√s with s = σ² + ε > 0 fixed per row (ε ≥ 0,
 * biased 1/d variance, γ = 1, β = 0: LN(x) = (x − μ)/√s has r = 0, t = x − μ). Linear maps and ReLU
 * keep this form exactly (ReLU needs the exact sign of r + t/√s).
 */
export interface Surd { r: Rational; t: Rational }
export function surdSign(a: Surd, s: Rational): -1 | 0 | 1 {
  const sr = a.r.sign(), st = a.t.sign();
  if (sr === 0) return st;
  if (st === 0 || sr === st) return sr;
  // r + t/√s with opposite signs: compare r²s with t²
  const c = a.r.mul(a.r).mul(s).cmp(a.t.mul(a.t));
  return c === 0 ? 0 : c > 0 ? sr : st;
}
/** Row statistics: centred row c and s = (1/d)Σc² + ε. */
export function lnParts(row: readonly Rational[], eps: Rational): { c: Rational[]; s: Rational } {
  const d = row.length;
  const mu = Rational.sum(row).div(Rational.fromInt(d));
  const c = row.map((x) => x.sub(mu));
  return { c, s: Rational.sum(c.map((x) => x.mul(x))).div(Rational.fromInt(d)).add(eps) };
}

/** Exact values and majorants of one row of `attn.linear` (float inputs converted exactly). */
export interface LinearAttnExactRow {
  /** N_i/Z_i, or null when Z_i = 0 (every weight 0: undefined). */
  out: Rational[] | null;
  /** Z_i = Σ_j (q_i·k_j + 1)², Z̃_i = Σ_j (1 + Σ_l|q_il k_jl|)², Ñ_ic = Σ_j (1 + Σ_l|q_il k_jl|)²|v_jc|. */
  Z: Rational; Zt: Rational; Nt: Rational[];
  /** Number of keys summed over. */
  keys: number;
}

/**
 * `attn.linear` exactly: out_i = Σ_j w_ij v_j / Σ_j w_ij, w_ij = (q_i·k_j + 1)², over j ≤ i when causal,
 * plus the majorants its error bound needs (src/numerics/bounds-linear-attn.ts).
 */
export function linearAttnExact(q: number[][], k: number[][], v: number[][], causal: boolean): LinearAttnExactRow[] {
  const Q = q.map((r) => r.map((x) => Rational.fromFloat64(x)));
  const K = k.map((r) => r.map((x) => Rational.fromFloat64(x)));
  const V = v.map((r) => r.map((x) => Rational.fromFloat64(x)));
  const M = v[0]?.length ?? 0;
  return Q.map((qi, i) => {
    const S = causal ? Math.min(i + 1, K.length) : K.length;
    let Z = Rational.ZERO, Zt = Rational.ZERO;
    const N = new Array<Rational>(M).fill(Rational.ZERO), Nt = new Array<Rational>(M).fill(Rational.ZERO);
    for (let j = 0; j < S; j++) {
      let s = Rational.ONE, a = Rational.ONE;
      for (let l = 0; l < qi.length; l++) { const p = qi[l]!.mul(K[j]![l]!); s = s.add(p); a = a.add(p.abs()); }
      const w = s.mul(s), A = a.mul(a);
      Z = Z.add(w); Zt = Zt.add(A);
      for (let c = 0; c < M; c++) { N[c] = N[c]!.add(w.mul(V[j]![c]!)); Nt[c] = Nt[c]!.add(A.mul(V[j]![c]!.abs())); }
    }
    return { out: Z.isZero() ? null : N.map((x) => x.div(Z)), Z, Zt, Nt, keys: S };
  });
}

// ===================================================================================================
// the general attention form, RoPE, sinusoidal positional
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
  /** a query row with no allowed key (spec/conventions.md, fully-masked-row): absent = 'require' (not an input) */
  fullyMasked?: FullyMasked;
  /** which output of the operator is returned: absent = 'y' (spec/ops.md, attn.attention) */
  output?: AttentionOutput;
  /** 'float16': the data are float16 values and the computation may round to float16 (bounds only; the exact value is the same) */
  storage?: 'float16';
}

/**
 * A query row with no allowed key: 'require' — not an input (the op's constraint); 'zero' — the row
 * of Y (and of the probabilities) is 0 (ONNX Attention ≥ 23); 'nan' — the row is NaN (PyTorch
 * scaled_dot_product_attention's math path and nn.MultiheadAttention: softmax of all −∞).
 */
export type FullyMasked = 'require' | 'zero' | 'nan';

/**
 * The outputs of the attention operator (ONNX Attention's Y, qk_matmul_output modes 0–2,
 * present_key, present_value): 'y' — [Hq, T, e]; 'scores' — scale·q_t·k_s for every key [Hq, T, N]
 * (mode 0); 'softcapped-scores' — after the softcap (mode 1; = scores without softcap);
 * 'masked-scores' — after the softcap plus bias, −∞ at every masked key (mode 2); 'present-key' /
 * 'present-value' — the cache followed by the new keys / values [Hkv, N, d] / [Hkv, N, e].
 */
export type AttentionOutput = 'y' | 'scores' | 'softcapped-scores' | 'masked-scores' | 'present-key' | 'present-value';

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
export function attentionAllowed(a: Pick<AttentionArgs, 'keep' | 'causal'>, T: number, N: number, t: number, s: number): boolean {
  if (a.keep !== undefined && a.keep[t]![s]! === 0) return false;
  if (a.causal === 'top-left' && s > t) return false;
  if (a.causal === 'bottom-right' && s > t + N - T) return false;
  return true;
}

/** The allowed keys of every query row (the masks do not depend on the head): [T][…] key indices. */
export function attentionAllowedKeys(a: Pick<AttentionArgs, 'keep' | 'causal'>, T: number, N: number): number[][] {
  return Array.from({ length: T }, (_, t) => {
    const row: number[] = [];
    for (let s = 0; s < N; s++) if (attentionAllowed(a, T, N, t, s)) row.push(s);
    return row;
  });
}

/** The kv head that query head h uses: ⌊h / (Hq/Hkv)⌋ (PyTorch repeat_interleave, ONNX Attention, FlashAttention). */
export const kvHeadOf = (h: number, Hq: number, Hkv: number): number => Math.floor(h / (Hq / Hkv));

export interface AttentionEnclosure {
  /** per head h, query t: the allowed key indices, their score enclosures (after scale, softcap and bias), probabilities */
  keys: number[][][];
  scores: Interval[][][];
  probs: Interval[][][];
  /** [Hq, T, e]; a row with no allowed key: [0, 0] under fullyMasked 'zero', NaN otherwise ('nan': the expected value; 'require': no value) */
  out: Interval[][][];
}

/**
 * The expected value NaN (a fully masked row under fullyMasked 'nan'; no value under 'require'), as an
 * interval-shaped marker: `Interval` itself rejects NaN endpoints.
 */
export const NAN_INTERVAL: Interval = Object.freeze(Object.assign(Object.create(Interval.prototype) as Interval, { lo: NaN, hi: NaN }));

/** The score scale as an enclosure: 1/√d enclosed when absent, else the given double exactly. */
function scaleEnclosure(a: AttentionArgs, d: number): Interval {
  return a.scale === undefined ? div(point(1), sqrt(point(d))) : point(a.scale);
}

/**
 * Rigorous enclosure of the general attention form (reference tier, src/numerics/interval.ts):
 * s_ts = c·tanh(scale·(q_t·k_s)/c) + bias_ts over the allowed keys, softmax over them, Σ p_s v_s.
 * The scale 1/√d is enclosed; a given scale is taken as the exact double. A row with no allowed key
 * is exactly 0 under fullyMasked 'zero' and NaN otherwise (the op's constraint excludes it under
 * 'require'). The allowed keys are computed once per query row (the masks are shared by the heads).
 */
export function attentionEnclosure(a: AttentionArgs): AttentionEnclosure {
  const Hq = a.q.length, Hkv = a.k.length;
  const { K, V } = attentionKeys(a);
  const T = a.q[0]?.length ?? 0;
  const N = K[0]?.length ?? 0;
  const d = a.q[0]?.[0]?.length ?? 0;
  const e = V[0]?.[0]?.length ?? 0;
  const sc = scaleEnclosure(a, d);
  const cap = a.softcap !== undefined && a.softcap > 0 ? point(a.softcap) : null;
  const allowedRows = attentionAllowedKeys(a, T, N);
  const empty = a.fullyMasked === 'zero' ? new Interval(0, 0) : NAN_INTERVAL;
  const keys: number[][][] = [], scores: Interval[][][] = [], probs: Interval[][][] = [], out: Interval[][][] = [];
  for (let h = 0; h < Hq; h++) {
    const g = kvHeadOf(h, Hq, Hkv);
    const Kg = K[g]!, Vg = V[g]!, qh = a.q[h]!;
    const sh: Interval[][] = [], ph: Interval[][] = [], oh: Interval[][] = [];
    for (let t = 0; t < T; t++) {
      const allowed = allowedRows[t]!;
      const st = allowed.map((s) => {
        let x = ivMul(dotEnclosure(qh[t]!, Kg[s]!), sc);
        if (cap !== null) x = ivMul(cap, ivTanh(ivDiv(x, cap)));
        if (a.bias !== undefined) x = ivAdd(x, point(a.bias[t]![s]!));
        return x;
      });
      const pt = allowed.length > 0 ? softmax(st) : [];
      const ot: Interval[] = [];
      for (let c = 0; c < e; c++) ot.push(allowed.length === 0 ? empty : weightedSumEnclosure(pt, (j) => Vg[allowed[j]!]![c]!));
      sh.push(st); ph.push(pt); oh.push(ot);
    }
    keys.push(allowedRows); scores.push(sh); probs.push(ph); out.push(oh);
  }
  return { keys, scores, probs, out };
}

/**
 * The exact value or enclosure of every output of the attention operator (`AttentionOutput`):
 * 'y' the enclosure above; the score stages for every key — scale·(q·k) (mode 0), then c·tanh(·/c)
 * (mode 1), then + bias over the allowed keys and exactly −∞ at the masked ones (mode 2); the
 * present key/value cache exactly (the P cached rows followed by the S new ones: data movement).
 * Shapes: [Hq, T, e], [Hq, T, N], [Hkv, N, d], [Hkv, N, e].
 */
export function attentionOutputEnclosure(a: AttentionArgs, enc?: AttentionEnclosure): Interval[][][] {
  const out = a.output ?? 'y';
  if (out === 'y') return (enc ?? attentionEnclosure(a)).out;
  const { K, V } = attentionKeys(a);
  if (out === 'present-key') return K.map((kh) => kh.map((r) => r.map((x) => point(x))));
  if (out === 'present-value') return V.map((vh) => vh.map((r) => r.map((x) => point(x))));
  const Hq = a.q.length, Hkv = a.k.length, T = a.q[0]?.length ?? 0, N = K[0]?.length ?? 0, d = a.q[0]?.[0]?.length ?? 0;
  const sc = scaleEnclosure(a, d);
  const cap = out !== 'scores' && a.softcap !== undefined && a.softcap > 0 ? point(a.softcap) : null;
  const masked = out === 'masked-scores';
  const allow = masked ? attentionAllowedKeys(a, T, N).map((r) => new Set(r)) : [];
  const NEG = new Interval(-Infinity, -Infinity);
  return a.q.map((qh, h) => {
    const Kg = K[kvHeadOf(h, Hq, Hkv)]!;
    return qh.map((qt, t) => Kg.map((ks, s) => {
      if (masked && !allow[t]!.has(s)) return NEG;
      let x = ivMul(dotEnclosure(qt, ks), sc);
      if (cap !== null) x = ivMul(cap, ivTanh(ivDiv(x, cap)));
      if (masked && a.bias !== undefined) x = ivAdd(x, point(a.bias[t]![s]!));
      return x;
    }));
  });
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

// ── RoPE with given cos/sin tables (attn.rope-apply) ──

/** Arguments of `attn.rope-apply` (src/ops/attention.ts): x [T, d], tables [T, h] (2h ≤ d). */
export interface RopeApplyArgs { x: number[][]; cos: number[][]; sin: number[][]; pairing: 'interleaved' | 'rotate-half' }

/** The exact result of one pair: the two products (exact rationals) and the outputs o_a = p_ac − p_bs, o_b = p_bc + p_as. */
export interface RopeApplyPair { ia: number; ib: number; oa: Rational; ob: Rational; products: [Rational, Rational, Rational, Rational] }

/** One rotated pair, exactly: (x_a·c − x_b·s, x_b·c + x_a·s), with its four products (for the bound). */
function rotatePair(xa: Rational, xb: Rational, c: Rational, s: Rational): { oa: Rational; ob: Rational; products: [Rational, Rational, Rational, Rational] } {
  const ac = xa.mul(c), bs = xb.mul(s), bc = xb.mul(c), as = xa.mul(s);
  return { oa: ac.sub(bs), ob: bc.add(as), products: [ac, bs, bc, as] };
}

/**
 * Exact `attn.rope-apply` (rational arithmetic on the given floats): for row t and pair i < h (h the
 * table width, r = 2h), (a, b) = ropePair(i, r, pairing), o_a = x_a·c − x_b·s, o_b = x_b·c + x_a·s with
 * c = cos[t][i], s = sin[t][i]; coordinates r … d − 1 are x itself. Returns the rows (rationals) and the
 * pairs with their products (for the bound's exactness test).
 */
export function ropeApplyExact(a: RopeApplyArgs): { out: Rational[][]; pairs: RopeApplyPair[][] } {
  const out: Rational[][] = [], pairs: RopeApplyPair[][] = [];
  a.x.forEach((row, t) => {
    const h = a.cos[t]!.length, r = 2 * h;
    const o = row.map((v) => Rational.fromFloat64(v));
    const ps: RopeApplyPair[] = [];
    for (let i = 0; i < h; i++) {
      const [ia, ib] = ropePair(i, r, a.pairing);
      const xa = Rational.fromFloat64(row[ia]!), xb = Rational.fromFloat64(row[ib]!);
      const c = Rational.fromFloat64(a.cos[t]![i]!), s = Rational.fromFloat64(a.sin[t]![i]!);
      const { oa, ob, products } = rotatePair(xa, xb, c, s);
      o[ia] = oa; o[ib] = ob;
      ps.push({ ia, ib, oa, ob, products });
    }
    out.push(o); pairs.push(ps);
  });
  return { out, pairs };
}

/** The given-table form of exact RoPE with rational tables (the tier of ropeComplexRational): rows rotated by their own (c, s). */
export function ropeApplyRational(x: readonly Rational[], cs: readonly RationalRotation[], pairing: 'interleaved' | 'rotate-half'): Rational[] {
  const out = [...x], r = 2 * cs.length;
  cs.forEach(({ c, s }, i) => {
    const [ia, ib] = ropePair(i, r, pairing);
    const { oa, ob } = rotatePair(x[ia]!, x[ib]!, c, s);
    out[ia] = oa; out[ib] = ob;
  });
  return out;
}

// ===================================================================================================
// multi-head attention with its projections (attn.mha), PyTorch
// nn.MultiheadAttention semantics (batch_first). Kept apart from the other blocks.
// ===================================================================================================
import { mag as ivMag } from '../numerics/interval.js';

/** Arguments of `attn.mha` (src/ops/attention.ts): PyTorch weight layout [out, in], y = x·Wᵀ + b. */
export interface MhaArgs {
  /** [B, T, E] */
  query: number[][][];
  /** [B, S, Ek] */
  key: number[][][];
  /** [B, S, Ev] */
  value: number[][][];
  numHeads: number;
  /** [E, E], [E, Ek], [E, Ev], [E, E] */
  wq: number[][]; wk: number[][]; wv: number[][]; wo: number[][];
  /** [E] each; absent = no bias */
  bq?: number[]; bk?: number[]; bv?: number[]; bo?: number[];
  /** boolean mask [T, S] as 0/1 (1 = may attend; the ONNX convention, the negation of PyTorch's bool attn_mask) */
  keep?: number[][];
  /** additive mask [T, S], added to the scaled scores */
  bias?: number[][];
  /** query t attends keys s ≤ t (top-left, PyTorch's triu mask, ONNX Attention is_causal) */
  causal: boolean;
}

export interface MhaEnclosure {
  /** projections [B][T or S][E], enclosed */
  Q: Interval[][][]; K: Interval[][][]; V: Interval[][][];
  /** per batch b, head h, query t: the allowed keys, their score enclosures (scaled, + bias) and probabilities */
  keys: number[][][][]; scores: Interval[][][][]; probs: Interval[][][][];
  /** the concatenated heads [B][T][E] (before the out-projection) */
  heads: Interval[][][];
  /** the output [B][T][E] */
  out: Interval[][][];
}

/** x·wᵀ + b for one row x (floats) and one weight row w (floats), enclosed (products exact for float32 data). */
function projectRow(x: readonly number[], W: readonly number[][], b: readonly number[] | undefined): Interval[] {
  return W.map((w, j) => {
    const d = dotEnclosure(x, w);
    return b === undefined ? d : ivAdd(d, point(b[j]!));
  });
}

/** Σ_i a_i·b_i over intervals, outward rounded. */
function ivDot(a: readonly Interval[], b: readonly Interval[]): Interval {
  let s = point(0);
  for (let i = 0; i < a.length; i++) s = ivAdd(s, ivMul(a[i]!, b[i]!));
  return s;
}

/**
 * Rigorous enclosure of multi-head attention with projections (reference tier, src/numerics/interval.ts):
 * Q = query·Wqᵀ + bq, K = key·Wkᵀ + bk, V = value·Wvᵀ + bv (enclosed: float inputs, exact products for
 * float32 data, outward-rounded sums); head h uses columns [h·dh, (h+1)·dh) of each (dh = E/H); per head
 * the attention of the attn.attention oracle — scores (q·k)/√dh (√dh enclosed) + bias over the allowed keys,
 * interval softmax, Σ_s p_s v_s — with interval q, k, v; the heads concatenated and projected,
 * Y = O·Woᵀ + bo. A row without an allowed key has no value (the op's constraint excludes it): NaN.
 */
export function mhaEnclosure(a: MhaArgs): MhaEnclosure {
  const B = a.query.length, H = a.numHeads;
  const E = a.wq.length, dh = E / H;
  const sc = div(point(1), sqrt(point(dh)));
  const Q = a.query.map((xb) => xb.map((x) => projectRow(x, a.wq, a.bq)));
  const K = a.key.map((xb) => xb.map((x) => projectRow(x, a.wk, a.bk)));
  const V = a.value.map((xb) => xb.map((x) => projectRow(x, a.wv, a.bv)));
  const keys: number[][][][] = [], scores: Interval[][][][] = [], probs: Interval[][][][] = [], heads: Interval[][][] = [], out: Interval[][][] = [];
  for (let b = 0; b < B; b++) {
    const T = Q[b]!.length, S = K[b]!.length;
    const kb: number[][][] = [], sb: Interval[][][] = [], pb: Interval[][][] = [];
    const allowedRows = attentionAllowedKeys({ ...(a.keep ? { keep: a.keep } : {}), causal: a.causal ? 'top-left' : 'none' }, T, S);
    const ob: Interval[][] = Array.from({ length: T }, () => new Array<Interval>(E));
    for (let h = 0; h < H; h++) {
      const c0 = h * dh, c1 = c0 + dh;
      const kh: number[][] = [], sh: Interval[][] = [], ph: Interval[][] = [];
      const Kh = K[b]!.map((r) => r.slice(c0, c1)); // head h's key columns, sliced once per head
      for (let t = 0; t < T; t++) {
        const allowed = allowedRows[t]!;
        const qt = Q[b]![t]!.slice(c0, c1);
        const st = allowed.map((s) => {
          let x = ivMul(ivDot(qt, Kh[s]!), sc);
          if (a.bias !== undefined) x = ivAdd(x, point(a.bias[t]![s]!));
          return x;
        });
        const pt = allowed.length > 0 ? softmax(st) : [];
        for (let c = c0; c < c1; c++) {
          ob[t]![c] = allowed.length === 0 ? NAN_INTERVAL : weightedSumEnclosure(pt, (j) => V[b]![allowed[j]!]![c]!);
        }
        kh.push(allowed); sh.push(st); ph.push(pt);
      }
      kb.push(kh); sb.push(sh); pb.push(ph);
    }
    keys.push(kb); scores.push(sb); probs.push(pb); heads.push(ob);
    out.push(ob.map((o) => a.wo.map((w, j) => {
      let acc = a.bo === undefined ? point(0) : point(a.bo[j]!);
      for (let i = 0; i < E; i++) acc = ivAdd(acc, ivMul(o[i]!, point(w[i]!)));
      return acc;
    })));
  }
  return { Q, K, V, keys, scores, probs, heads, out };
}

/** |x| ≤ mag for every x in the interval (NaN-safe: ∞ for an empty row). */
export const magOf = (x: Interval): number => (Number.isFinite(x.lo) && Number.isFinite(x.hi) ? ivMag(x) : Infinity);
