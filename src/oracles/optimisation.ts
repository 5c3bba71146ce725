/**
 * Exact oracles for the optimisation claims (seed 002, HW notes): gradient descent on
 * (diagonal) least squares, noisy scalar SGD in expectation, steepest descent under ℓ2/ℓ∞
 * penalties, muP moment computations, Newton–Schulz polynomial and its flop counts.
 * Everything is exact rational arithmetic; logarithms only through rigorous enclosures.
 */
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { logR } from '../numerics/precise.js';
import { toDyadic, dyToRational, dyAbsUp, align, dyRepresentableNormal, type BinaryFormat } from '../numerics/dyadic.js';

const Q = (n: number, d = 1): Rational => Rational.of(n, d);
const TWO = Q(2);

/** One exact GD step on L(w) = (y − σw)²: w ← w − η·dL/dw with dL/dw = −2σ(y − σw). */
export function gdScalarStep(w: Rational, sigma: Rational, y: Rational, eta: Rational): Rational {
  const grad = TWO.neg().mul(sigma).mul(y.sub(sigma.mul(w)));
  return w.sub(eta.mul(grad));
}

/** t exact GD steps of the scalar problem from w0. */
export function gdScalarIterate(w0: Rational, sigma: Rational, y: Rational, eta: Rational, t: number): Rational {
  let w = w0;
  for (let i = 0; i < t; i++) w = gdScalarStep(w, sigma, y, eta);
  return w;
}

/** Closed form w_t = y/σ + (1 − 2ησ²)^t (w0 − y/σ). */
export function gdScalarClosedForm(w0: Rational, sigma: Rational, y: Rational, eta: Rational, t: number): Rational {
  const ws = y.div(sigma);
  return ws.add(Rational.ONE.sub(TWO.mul(eta).mul(sigma.pow(2))).pow(t).mul(w0.sub(ws)));
}

/** Contraction factor r = 1 − 2ησ². */
export function gdFactor(sigma: Rational, eta: Rational): Rational {
  return Rational.ONE.sub(TWO.mul(eta).mul(sigma.pow(2)));
}

/**
 * Smallest integer t ≥ 0 with |r|^t < ε, for 0 < |r| < 1 and 0 < ε < 1, by exact rational powers
 * (no logarithms). Returns null if |r| ≥ 1 (never) — r = 0 gives t = 1.
 */
export function minIterations(r: Rational, eps: Rational, cap = 100000): number | null {
  const a = r.abs();
  if (a.ge(Rational.ONE)) return null;
  if (a.isZero()) return Rational.ONE.lt(eps) ? 0 : 1;
  let p = Rational.ONE;
  for (let t = 0; t <= cap; t++) {
    if (p.lt(eps)) return t;
    p = p.mul(a);
  }
  return null;
}

/** Rigorous enclosure [lo, hi] of ln ε / ln |r| (both logs negative), for 0 < |r| < 1, 0 < ε < 1. */
export function iterationBoundEnclosure(r: Rational, eps: Rational): { lo: Rational; hi: Rational } {
  const le = logR(eps, 80); // ln ε < 0
  const lr = logR(r.abs(), 80); // ln |r| < 0
  // ratio of two negatives: lo = le.hi/lr.lo (least magnitude over greatest), hi = le.lo/lr.hi
  return { lo: le.hi.div(lr.lo), hi: le.lo.div(lr.hi) };
}

/** One exact GD step on L(w) = ‖y − Σw‖² for a general (here: diagonal) matrix Σ: w ← w + 2ηΣᵀ(y − Σw). */
export function gdMatrixStep(S: QMatrix, w: Rational[], y: Rational[], eta: Rational): Rational[] {
  const Sw = S.mul(col(w));
  const res = QMatrix.from(y.map((v, i) => [v.sub(Sw.get(i, 0))]));
  const g = S.transpose().mul(res).scale(TWO.mul(eta));
  return w.map((v, i) => v.add(g.get(i, 0)));
}

export function col(v: readonly Rational[]): QMatrix {
  return QMatrix.from(v.map((x) => [x]));
}

/** Worst-coordinate contraction ρ(η) = max_i |1 − 2ησ_i²|. */
export function contraction(sigmas: readonly Rational[], eta: Rational): Rational {
  return sigmas.reduce((m, s) => Rational.max(m, gdFactor(s, eta).abs()), Rational.ZERO);
}

/**
 * Exact minimiser of the convex piecewise-linear ρ(η) = max_i |1 − 2ησ_i²| over η > 0, by evaluating
 * every breakpoint (1/(2σ_i²) and 1/(σ_i² + σ_j²)): the minimum of such a function is attained at one.
 */
export function bestStepByBreakpoints(sigmas: readonly Rational[]): { eta: Rational; rho: Rational } {
  const sq = sigmas.map((s) => s.pow(2));
  const cands: Rational[] = [];
  for (let i = 0; i < sq.length; i++) {
    cands.push(Rational.ONE.div(TWO.mul(sq[i]!)));
    for (let j = i + 1; j < sq.length; j++) cands.push(Rational.ONE.div(sq[i]!.add(sq[j]!)));
  }
  let best = { eta: cands[0]!, rho: contraction(sigmas, cands[0]!) };
  for (const c of cands) {
    const r = contraction(sigmas, c);
    if (r.lt(best.rho) || (r.eq(best.rho) && c.lt(best.eta))) best = { eta: c, rho: r };
  }
  return best;
}

/** Distribution of a value: parallel arrays of values and probabilities. */
export interface Dist { values: Rational[]; probs: Rational[] }

/**
 * Exact E[w_{t+1}] for noisy scalar SGD w_{t+1} = w_t − η(w_t x̃ − y)x̃, x̃ = x + N, where w_t ~ wDist
 * is independent of N ~ nDist. Enumerates the joint distribution.
 */
export function noisySgdMeanStep(wDist: Dist, x: Rational, y: Rational, eta: Rational, nDist: Dist): { mean: Rational; next: Dist } {
  const values: Rational[] = [];
  const probs: Rational[] = [];
  let mean = Rational.ZERO;
  wDist.values.forEach((w, a) => nDist.values.forEach((n, b) => {
    const xt = x.add(n);
    const v = w.sub(eta.mul(w.mul(xt).sub(y)).mul(xt));
    const p = wDist.probs[a]!.mul(nDist.probs[b]!);
    values.push(v);
    probs.push(p);
    mean = mean.add(v.mul(p));
  }));
  return { mean, next: { values, probs } };
}

export function distMean(d: Dist): Rational {
  return d.values.reduce((s, v, i) => s.add(v.mul(d.probs[i]!)), Rational.ZERO);
}

/** Objective u(Δ) = gᵀΔ + ‖Δ‖₂²/α. */
export function objL2(g: readonly Rational[], d: readonly Rational[], alpha: Rational): Rational {
  return dot(g, d).add(dot(d, d).div(alpha));
}

/** Objective u(Δ) = gᵀΔ + ‖Δ‖∞²/α. */
export function objLinf(g: readonly Rational[], d: readonly Rational[], alpha: Rational): Rational {
  const m = d.reduce((a, v) => Rational.max(a, v.abs()), Rational.ZERO);
  return dot(g, d).add(m.pow(2).div(alpha));
}

export function dot(a: readonly Rational[], b: readonly Rational[]): Rational {
  return a.reduce((s, v, i) => s.add(v.mul(b[i]!)), Rational.ZERO);
}

export function norm1(g: readonly Rational[]): Rational {
  return g.reduce((s, v) => s.add(v.abs()), Rational.ZERO);
}

/**
 * Brute-force ℓ∞ steepest descent: for each sign vertex s ∈ {−1,0,1}ⁿ of the unit cube (scaled by M),
 * u = M·gᵀs + M²/α is minimised in M ≥ 0 at M = −α gᵀs/2 (when gᵀs < 0), value −α(gᵀs)²/4.
 * Returns the minimum value and the minimising direction over all 3ⁿ patterns.
 */
export function linfBruteForce(g: readonly Rational[], alpha: Rational): { value: Rational; delta: Rational[] } {
  const n = g.length;
  let best = { value: Rational.ZERO, delta: g.map(() => Rational.ZERO) };
  const total = 3 ** n;
  for (let code = 0; code < total; code++) {
    const s: Rational[] = [];
    let c = code;
    for (let i = 0; i < n; i++) { s.push(Q((c % 3) - 1)); c = Math.floor(c / 3); }
    const gs = dot(g, s);
    if (gs.sign() >= 0) continue;
    const M = alpha.mul(gs).neg().div(TWO);
    const val = alpha.mul(gs.pow(2)).neg().div(Q(4));
    if (val.lt(best.value)) best = { value: val, delta: s.map((v) => v.mul(M)) };
  }
  return best;
}

export function sign(q: Rational): Rational {
  return Q(q.sign());
}

/**
 * Exact E[‖y‖²_RMS] for y = Wx, W ∈ ℝ^{d2×d1}, x ∈ ℝ^{d1}, all entries independent with the
 * symmetric three-point law {−a, 0, a} (P(±a) = v/(2a²)), by enumerating all 3^{d1·d2+d1} outcomes.
 * Only second moments enter E[y_i²] = Σ_j E[w_ij²]E[x_j²], so the result equals the Gaussian one
 * with the same variances.
 */
export function rmsSquaredMomentEnumerated(d1: number, d2: number, vw: Rational, vx: Rational): Rational {
  const law = (v: Rational): Dist => {
    let a = Rational.ONE;
    while (a.pow(2).lt(v)) a = a.add(Rational.ONE);
    const p = v.div(TWO.mul(a.pow(2)));
    return { values: [a.neg(), Rational.ZERO, a], probs: [p, Rational.ONE.sub(p.mul(TWO)), p] };
  };
  const lw = law(vw);
  const lx = law(vx);
  const nVar = d1 * d2 + d1;
  let e = Rational.ZERO;
  const total = 3 ** nVar;
  for (let code = 0; code < total; code++) {
    let c = code;
    let p = Rational.ONE;
    const vals: Rational[] = [];
    for (let i = 0; i < nVar; i++) {
      const k = c % 3;
      c = Math.floor(c / 3);
      const L = i < d1 * d2 ? lw : lx;
      vals.push(L.values[k]!);
      p = p.mul(L.probs[k]!);
    }
    if (p.isZero()) continue;
    const x = vals.slice(d1 * d2);
    let ss = Rational.ZERO;
    for (let i = 0; i < d2; i++) {
      let yi = Rational.ZERO;
      for (let j = 0; j < d1; j++) yi = yi.add(vals[i * d1 + j]!.mul(x[j]!));
      ss = ss.add(yi.pow(2));
    }
    e = e.add(p.mul(ss.div(Q(d2))));
  }
  return e;
}

/**
 * Squared spectral norm of a rank-one matrix u vᵀ, exactly: ‖uvᵀ‖₂² = λ_max(AᵀA); AᵀA = ‖u‖²vvᵀ has
 * rank ≤ 1, so λ_max = trace(AᵀA). Checks the rank through QMatrix and returns the trace.
 */
export function spectralNormSqRankOne(A: QMatrix): Rational {
  const AtA = A.transpose().mul(A);
  if (AtA.rank() > 1) throw new RangeError('spectralNormSqRankOne: matrix is not rank ≤ 1');
  let tr = Rational.ZERO;
  for (let i = 0; i < AtA.rows; i++) tr = tr.add(AtA.get(i, i));
  return tr;
}

/** Newton–Schulz cubic p(W) = ½(3I − WWᵀ)W (left form). */
export function nsLeft(W: QMatrix): QMatrix {
  const I = QMatrix.identity(W.rows);
  return I.scale(3).sub(W.mul(W.transpose())).mul(W).scale(Q(1, 2));
}

/** Right form ½W(3I − WᵀW). */
export function nsRight(W: QMatrix): QMatrix {
  const I = QMatrix.identity(W.cols);
  return W.mul(I.scale(3).sub(W.transpose().mul(W))).scale(Q(1, 2));
}

/** The scalar map of singular values: p(σ) = (3σ − σ³)/2. */
export function nsScalar(s: Rational): Rational {
  return Q(3).mul(s).sub(s.pow(3)).div(TWO);
}

/** Rational orthogonal matrix by the Cayley transform (I − S)(I + S)⁻¹ of a skew-symmetric S. */
export function cayley(S: QMatrix): QMatrix {
  const I = QMatrix.identity(S.rows);
  return I.sub(S).mul(I.add(S).inverse());
}

/** Rectangular diagonal r×c matrix with the given diagonal. */
export function rectDiag(r: number, c: number, d: readonly Rational[]): QMatrix {
  const rows: Rational[][] = [];
  for (let i = 0; i < r; i++) {
    const row: Rational[] = [];
    for (let j = 0; j < c; j++) row.push(i === j ? d[i]! : Rational.ZERO);
    rows.push(row);
  }
  return QMatrix.from(rows);
}

/** Operation counter for naive matrix arithmetic (one multiplication or addition = one unit). */
export class FlopCounter {
  count = 0;
  matmul(A: QMatrix, B: QMatrix): QMatrix {
    const out: Rational[][] = [];
    for (let i = 0; i < A.rows; i++) {
      const row: Rational[] = [];
      for (let j = 0; j < B.cols; j++) {
        let s = A.get(i, 0).mul(B.get(0, j));
        this.count++;
        for (let k = 1; k < A.cols; k++) { s = s.add(A.get(i, k).mul(B.get(k, j))); this.count += 2; }
        row.push(s);
      }
      out.push(row);
    }
    return QMatrix.from(out);
  }
  /** 3I − M: one operation per entry (subtraction on the diagonal, negation off it). */
  threeIMinus(M: QMatrix): QMatrix {
    this.count += M.rows * M.cols;
    return QMatrix.identity(M.rows).scale(3).sub(M);
  }
  half(M: QMatrix): QMatrix {
    this.count += M.rows * M.cols;
    return M.scale(Q(1, 2));
  }
}

/** p(W) by the left form with counted operations. */
export function nsLeftCounted(W: QMatrix): { value: QMatrix; ops: number } {
  const f = new FlopCounter();
  const v = f.half(f.matmul(f.threeIMinus(f.matmul(W, W.transpose())), W));
  return { value: v, ops: f.count };
}

/** p(W) by the right form with counted operations. */
export function nsRightCounted(W: QMatrix): { value: QMatrix; ops: number } {
  const f = new FlopCounter();
  const v = f.half(f.matmul(W, f.threeIMinus(f.matmul(W.transpose(), W))));
  return { value: v, ops: f.count };
}

/* ---------------------------------------------------------------- GD steps on float inputs (dyadic) */

/**
 * `steps` exact GD steps w ← w + 2ησ(y − σw) per coordinate on float inputs, in dyadic integer arithmetic
 * (src/numerics/dyadic.ts: no gcds, so hundreds of steps stay cheap). Returns the exact final w (Rational),
 * upper bounds of |w_t| (t = 0..steps−1) and, when `format` is given, whether every intermediate of the
 * standard evaluations — σw_t, y − σw_t, 2ησ(y − σw_t), 2ησ², 1 − 2ησ², (1 − 2ησ²)w_t, 2ησ²w_t, 2ησy and
 * w_{t+1} — is 0 or a normal number of the format at every step (`exactIn`).
 */
export function gdStepsFloat(sigma: number, y: number, w0: number, eta: number, steps: number, format?: BinaryFormat):
  { w: Rational; absW: number[]; exactIn: boolean } {
  const S = toDyadic([sigma]), Y = toDyadic([y]), E = toDyadic([eta]);
  const s = S.m[0]!, ss = S.s, yv = Y.m[0]!, ys = Y.s, e = E.m[0]!, es = E.s;
  let w = toDyadic([w0]).m[0]!, ws = toDyadic([w0]).s;
  const absW: number[] = [];
  let exact = format !== undefined;
  const ok = (m: bigint, sc: number) => dyRepresentableNormal(m, sc, format!);
  if (exact) {
    // 2ησ² (scale es + 2ss), 1 − 2ησ², 2ησy
    const a = 2n * e * s * s, as = es + 2 * ss;
    exact = ok(a, as) && ok((1n << BigInt(as)) - a, as) && ok(2n * e * s * yv, es + ss + ys) && ok(s, ss) && ok(2n * e * s, es + ss);
  }
  for (let t = 0; t < steps; t++) {
    absW.push(dyAbsUp(w, ws));
    // r = y − σw at scale max(ys, ss + ws)
    const sr = Math.max(ys, ss + ws);
    const sw = s * w;
    const r = align(yv, ys, sr) - align(sw, ss + ws, sr);
    // d = 2ησ·r at scale es + ss + sr; w' = w + d
    const d = 2n * e * s * r, ds = es + ss + sr;
    const nw = align(w, ws, ds) + d;
    if (exact) {
      const a = 2n * e * s * s, as = es + 2 * ss;
      const c = (1n << BigInt(as)) - a; // 1 − 2ησ² at scale as
      exact = ok(sw, ss + ws) && ok(r, sr) && ok(d, ds) && ok(c * w, as + ws) && ok(a * w, as + ws) && ok(nw, ds);
    }
    w = nw; ws = ds;
  }
  return { w: dyToRational(w, ws), absW, exactIn: exact };
}
