/**
 * Layer normalisation, exact statistics and enclosed outputs
 * (seed 000_1c190711b4cfcedd.txt, line 473: "LayerNorm(x) = (x − μ)/√(σ² + ε)·γ + β";
 * seed 003_c2e944a0f3874627.txt, line 492: "LayerNorm = γ((x − u)/(σ + ε)) + β").
 * μ and σ² = (1/d)Σ(x_i − μ)² are exact rationals; the square root is enclosed.
 */
import { Rational, bigintBitLength } from '../numerics/rational.js';
import { Interval, point, sub, mul, div, add, sqrt } from '../numerics/interval.js';
import { encloseRational } from '../numerics/enclose.js';
import { sqrtR, type RBounds } from '../numerics/precise.js';
import { pred, succ, split as veltkamp, compensatedCoefficient, U, ETA } from '../numerics/fast-enclose.js';

export interface RowStats { mean: Rational; variance: Rational }

/**
 * Exact μ and σ² (biased) of a row. From 65 entries on by integer sums: with every x_i = n_i/2^{k_i}
 * and K = max k_i, X_i = n_i·2^{K − k_i} are integers, μ = ΣX_i/(D·2^K) and
 * σ² = (D·ΣX_i² − (ΣX_i)²)/(D²·4^K) — the same canonical rationals as the definition (used below
 * 65 entries), at a few BigInt operations per entry instead of rational additions with gcds.
 */
export function rowStats(x: readonly number[]): RowStats {
  const D = x.length;
  if (D < LAYERNORM_FAST_MIN_D) return rowStatsByDefinition(x);
  const qs = x.map((v) => Rational.fromFloat64(v));
  let K = 0n;
  for (const q of qs) {
    const k = BigInt(bigintBitLength(q.den) - 1); // den = 2^k
    if (k > K) K = k;
  }
  let s1 = 0n, s2 = 0n;
  for (const q of qs) {
    const X = q.num << (K - BigInt(bigintBitLength(q.den) - 1));
    s1 += X;
    s2 += X * X;
  }
  const d = BigInt(D);
  return { mean: Rational.of(s1, d << K), variance: Rational.of(d * s2 - s1 * s1, (d * d) << (2n * K)) };
}

/** μ and σ² = (1/D)Σ(x_i − μ)² straight from the definition, in rationals. */
export function rowStatsByDefinition(x: readonly number[]): RowStats {
  const xs = x.map((v) => Rational.fromFloat64(v));
  const n = Rational.fromInt(xs.length);
  const mean = Rational.sum(xs).div(n);
  return { mean, variance: Rational.sum(xs.map((v) => v.sub(mean).pow(2))).div(n) };
}

/** Row length from which {@link layerNormEnclosure} uses the fast tier (every fixture and the general classes stay below). */
export const LAYERNORM_FAST_MIN_D = 65;

/**
 * Convention A: γ(x − μ)/√(σ² + ε) + β, each entry enclosed — by the fast compensated tier for rows of
 * at least LAYERNORM_FAST_MIN_D entries (falling back when its ranges are left), by the exact
 * statistics of the reference tier otherwise.
 */
export function layerNormEnclosure(x: readonly number[], gamma: readonly number[], beta: readonly number[], eps: number): Interval[] {
  if (x.length >= LAYERNORM_FAST_MIN_D) {
    const fast = layerNormEnclosureFast(x, gamma, beta, eps);
    if (fast !== null) return fast;
  }
  return layerNormEnclosureReference(x, gamma, beta, eps);
}

const SLACK = 1 + 2 ** -48;

/**
 * Fast tier of convention A (src/numerics/fast-enclose.ts), O(D) doubles:
 * 1. Σx by Sum2, kept as the unrounded pair s + c with |Σx − (s + c)| ≤ 3D(D+1)u²Σ|x|; m̂ = RN((s + c)/D),
 *    and δμ = μ − m̂ = ((s − t) − t_e + c ± r)/D with D·m̂ = t + t_e (TwoProduct), enclosed by directed
 *    rounding (`pred`/`succ`).
 * 2. a_i = x_i − m̂ = d_i + e_i exactly (TwoSum); Σa_i² = Σ(d_i² by TwoProduct) + Σ2d_ie_i + Σe_i² by Sum2
 *    with its bound (the compensation terms sum to ≤ u(D + 4)Σd_i², Σe_i² ≤ 2u²Σd_i²); then
 *    σ² = Σa_i²/D − δμ² (an exact identity, since Σa_i = Dδμ), σ² + ε, √ and 1/√ with directed rounding.
 * 3. y_i = γ_i(d_i + e_i − δμ)·(1/√(σ²+ε)) + β_i in mid-radius form: each rounding bounded by u|result|
 *    (+η for products), each enclosed factor by its radius; endpoints by `pred`/`succ`.
 * Requires finite data, D ≤ 2^20, every non-zero |x_i| in [2^-400, 2^400] (so that every non-zero d_i lies
 * in the safe range of TwoProduct) and σ² + ε bounded away from 0; returns null otherwise.
 */
export function layerNormEnclosureFast(x: readonly number[], gamma: readonly number[], beta: readonly number[], eps: number): Interval[] | null {
  const D = x.length;
  const lo = new Float64Array(D), hi = new Float64Array(D);
  if (!layerNormEncloseInto(x, gamma, beta, eps, lo, hi, 0)) return null;
  const out = new Array<Interval>(D);
  for (let i = 0; i < D; i++) out[i] = new Interval(lo[i]!, hi[i]!);
  return out;
}

/**
 * The fast tier's core on typed arrays (no allocation per entry): writes the enclosure of row `x`'s
 * outputs into `lo[off + i]`, `hi[off + i]`; false when the fast tier does not apply (nothing usable
 * written). With `stats` (length ≥ 8) it also writes what the row's bound model reads, computed on the way:
 * μ ∈ [stats[0], stats[1]], σ² ∈ [stats[2], stats[3]] (enclosures), stats[4] = Σ|x_i| (the double sum in
 * index order), stats[5] = max|x_i|, stats[6] = min x_i, stats[7] = max x_i. See {@link layerNormEnclosureFast}
 * for the method. Each pass is its own small function (`meanPass`, `squaresPass`, `outputPass`): V8 then
 * compiles each loop on its own, and the time no longer depends on how one large function happened to be
 * optimised (one function of three loops ran 2.5–6.5 ms on the same 64 × 4096 input from run to run).
 */
export function layerNormEncloseInto(x: ArrayLike<number>, gamma: ArrayLike<number>, beta: ArrayLike<number>, eps: number, outLo: Float64Array, outHi: Float64Array, off: number, stats?: Float64Array): boolean {
  const D = x.length;
  if (D === 0 || D > 2 ** 20 || gamma.length !== D || beta.length !== D || !(eps >= 0 && eps <= 2 ** 400)) return false;
  // 1. the mean
  if (!meanPass(x, gamma, beta, D)) return false;
  const s = PASS[0]!, c = PASS[1]!, h = PASS[2]!;
  if (stats) { stats[4] = h; stats[5] = PASS[3]!; stats[6] = PASS[4]!; stats[7] = PASS[5]!; }
  const sumRad = compensatedCoefficient(D) * h * SLACK + 2 * ETA;
  const mh = (s + c) / D;
  const t = D * mh;
  const [dh, dl] = veltkamp(D), [mhh, mhl] = veltkamp(mh);
  const te = (((dh * mhh - t) + dh * mhl) + dl * mhh) + dl * mhl; // D·m̂ = t + te exactly
  const nLo = pred(pred(pred(pred(s - t) - te) + c) - sumRad);
  const nHi = succ(succ(succ(succ(s - t) - te) + c) + sumRad);
  const dmLo = pred(nLo / D), dmHi = succ(nHi / D);
  let dmm = 0.5 * dmLo + 0.5 * dmHi;
  if (dmm < dmLo) dmm = dmLo;
  if (dmm > dmHi) dmm = dmHi;
  const dmr = succ(Math.max(dmHi - dmm, dmm - dmLo));
  // 2. Σ a_i², a_i = x_i − m̂ = d_i + e_i
  squaresPass(x, mh, D);
  const s2 = PASS[0]!, c2 = PASS[1]!, h2 = PASS[2]!, maxD = PASS[3]!;
  const vRad = compensatedCoefficient(D + 4) * h2 * SLACK + 4 * (D + 2) * ETA;
  const vLo = pred(pred(s2 + c2) - vRad), vHi = succ(succ(s2 + c2) + vRad);
  const dmMag = Math.max(Math.abs(dmLo), Math.abs(dmHi));
  let varLo = pred(pred(vLo / D) - succ(dmMag * dmMag));
  if (!(varLo >= 0)) varLo = 0;
  const varHi = succ(vHi / D);
  if (stats) {
    // the row's statistics, enclosed: μ = m̂ + δμ ∈ [m̂ + δμ_lo, m̂ + δμ_hi] (outward), σ² ∈ [varLo, varHi]
    stats[0] = pred(mh + dmLo);
    stats[1] = succ(mh + dmHi);
    stats[2] = varLo;
    stats[3] = varHi;
  }
  const wLo = pred(varLo + eps), wHi = succ(varHi + eps);
  if (!(wLo > 0) || !(wHi - wHi === 0)) return false;
  const invLo = pred(1 / succ(Math.sqrt(wHi))), invHi = succ(1 / pred(Math.sqrt(wLo)));
  if (!(invLo > 0) || !(invHi - invHi === 0)) return false;
  let im = 0.5 * invLo + 0.5 * invHi;
  if (im < invLo) im = invLo;
  if (im > invHi) im = invHi;
  const ir = succ(Math.max(invHi - im, im - invLo));
  // 3. outputs in mid-radius form. Per entry (d, e = TwoSum(x_i, −m̂)): g = RN(e − δμ̃), dm = RN(d + g),
  // |dev − dm| ≤ u|dm| + u|g| + r_δμ with |g| ≤ G = (1 + u)(u·max|d| + |δμ̃|); rm = RN(dm·ĩ):
  // |dev·inv − rm| ≤ |dm|·A1 + A0 with A1 = ir + u(ĩ + ir) + u(1 + u)ĩ, A0 = (uG + r_δμ)(ĩ + ir) + 2η (+η);
  // gm = RN(γ·rm), ym = RN(gm + β): |y − ym| ≤ |γ|(|dm|A1 + A0) + u(|gm| + |ym|) + η =: X + η.
  // Rc = (|γ|(|dm|A1 + A0) + 2u(|gm| + |ym|))·SLACK + 8η then satisfies Rc ≥ X + η + u|ym ∓ Rc|, so the
  // round-to-nearest endpoints RN(ym ∓ Rc) are already outward (no pred/succ per entry).
  const G = succ(succ(U * maxD + Math.abs(dmm)) * (1 + U));
  const ipr = succ(im + ir);
  const A1 = succ(succ(ir + succ(U * ipr)) + succ(U * succ(im * (1 + U))));
  const A0 = succ(succ(succ(U * G + ETA) + dmr) * ipr + 3 * ETA); // 2η of the bound + η/2 for an underflow of |dm|·A1
  return outputPass(x, gamma, beta, D, mh, dmm, im, A1, A0, outLo, outHi, off);
}

/** Scratch results of one pass (module-level: the passes run synchronously, one at a time). */
const PASS = new Float64Array(6);

/**
 * Pass 1: Sum2 of x (s, c), Σ|x_i|, max|x_i|, min, max into PASS; false for data outside the fast tier's
 * range (a non-zero |x_i| outside [2⁻⁴⁰⁰, 2⁴⁰⁰], a non-finite γ_i or β_i).
 */
function meanPass(x: ArrayLike<number>, gamma: ArrayLike<number>, beta: ArrayLike<number>, D: number): boolean {
  let s = 0, c = 0, h = 0, amax = 0, mn = Infinity, mx = -Infinity;
  for (let i = 0; i < D; i++) {
    const v = x[i]!;
    const a = Math.abs(v);
    if (a !== 0 && !(a >= 2 ** -400 && a <= 2 ** 400)) return false;
    const g = gamma[i]!, b = beta[i]!;
    if (!(g - g === 0 && b - b === 0)) return false;
    const t = s + v;
    const z = t - s;
    c += (s - (t - z)) + (v - z);
    s = t;
    h += a;
    if (a > amax) amax = a;
    if (v < mn) mn = v;
    if (v > mx) mx = v;
  }
  PASS[0] = s; PASS[1] = c; PASS[2] = h; PASS[3] = amax; PASS[4] = mn; PASS[5] = mx;
  return true;
}

/** Pass 2: Σ(d_i² by TwoProduct) + Σ2d_ie_i by Sum2 (d_i + e_i = x_i − m̂ by TwoSum): s2, c2, Σd_i², max|d_i| into PASS. */
function squaresPass(x: ArrayLike<number>, mh: number, D: number): void {
  let s2 = 0, c2 = 0, h2 = 0, maxD = 0;
  for (let i = 0; i < D; i++) {
    const v = x[i]!;
    const d = v - mh;
    const z = d - v;
    const e = (v - (d - z)) + (-mh - z);
    const ad = Math.abs(d);
    if (ad > maxD) maxD = ad;
    const p = d * d;
    const k = 134217729 * d;
    const dH = k - (k - d), dL = d - dH;
    const pe = ((dH * dH - p) + 2 * (dH * dL)) + dL * dL;
    const t2 = s2 + p;
    const z2 = t2 - s2;
    c2 += ((s2 - (t2 - z2)) + (p - z2)) + (pe + 2 * d * e);
    s2 = t2;
    h2 += p;
  }
  PASS[0] = s2; PASS[1] = c2; PASS[2] = h2; PASS[3] = maxD;
}

/** Pass 3: the outputs' mid-radius enclosures (the constants derived in {@link layerNormEncloseInto}). */
function outputPass(x: ArrayLike<number>, gamma: ArrayLike<number>, beta: ArrayLike<number>, D: number, mh: number, dmm: number, im: number, A1: number, A0: number, outLo: Float64Array, outHi: Float64Array, off: number): boolean {
  // every constant of the loop in a local: an imported binding read per entry (`8 * ETA`) made this loop twice as slow
  const U2 = 2 * U, ETA8 = 8 * ETA, slack = SLACK;
  for (let i = 0; i < D; i++) {
    const v = x[i]!;
    const d = v - mh;
    const z = d - v;
    const e = (v - (d - z)) + (-mh - z);
    const dm = d + (e - dmm);
    const ga = gamma[i]!;
    const gm = ga * (dm * im);
    const ym = gm + beta[i]!;
    const R = (Math.abs(ga) * (Math.abs(dm) * A1 + A0) + U2 * (Math.abs(gm) + Math.abs(ym))) * slack + ETA8;
    const lo = ym - R, hi = ym + R;
    if (!(lo - lo === 0 && hi - hi === 0)) return false;
    outLo[off + i] = lo;
    outHi[off + i] = hi;
  }
  return true;
}

/** Reference tier of convention A: exact rational μ and σ², the square root and the rest enclosed. */
export function layerNormEnclosureReference(x: readonly number[], gamma: readonly number[], beta: readonly number[], eps: number): Interval[] {
  const { mean, variance } = rowStats(x);
  const denom = sqrt(encloseRational(variance.add(Rational.fromFloat64(eps))));
  return x.map((xi, i) => {
    const dev = encloseRational(Rational.fromFloat64(xi).sub(mean));
    return add(mul(point(gamma[i]!), div(dev, denom)), point(beta[i]!));
  });
}

/** Convention B: γ(x − μ)/(σ + ε) + β, each entry enclosed. */
export function layerNormSigmaPlusEpsEnclosure(x: readonly number[], gamma: readonly number[], beta: readonly number[], eps: number): Interval[] {
  const { mean, variance } = rowStats(x);
  const denom = add(sqrt(encloseRational(variance)), point(eps));
  return x.map((xi, i) => {
    const dev = encloseRational(Rational.fromFloat64(xi).sub(mean));
    return add(mul(point(gamma[i]!), div(dev, denom)), point(beta[i]!));
  });
}

/** The two scale factors 1/√(σ² + ε) and 1/(σ + ε) for a given σ (exact rational), enclosed. */
export function scaleFactors(sigma: Rational, eps: Rational): { inside: Interval; outside: Interval } {
  const one = point(1);
  return {
    inside: div(one, sqrt(encloseRational(sigma.mul(sigma).add(eps)))),
    outside: div(one, encloseRational(sigma.add(eps))),
  };
}

/**
 * Exact oracles for batch-norm gradients (seed 002_606757b0cdfd2eb0.txt, lines 388–394).
 *
 * Simplified BN of the notes: y_i = r(x_i − x̄) + β with r a constant. L = Σ_j dy_j y_j is linear
 * in x, so ∂L/∂x_i = L(x + e_i) − L(x) exactly, and the notes' formula is
 * ∂L/∂x_i = r[dy_i − (1/n)Σ_j dy_j].
 *
 * Full training-mode BN (per feature, over the batch): μ = mean x, c = x − μ, v = mean c²
 * (biased), s = √(v + ε), x̂ = c/s, y = γx̂ + β. Then
 *   ∂L/∂β = Σ dy,   ∂L/∂γ = Σ dy·x̂ = (Σ dy·c)/s,
 *   ∂L/∂x_i = (γ/s)[dy_i − mean(dy) − c_i·mean(dy·c)/(v + ε)]
 * (= (γ/s)[dy_i − mean dy − x̂_i mean(dy·x̂)]). Everything is rational except 1/s = 1/√(v+ε),
 * which is enclosed with `sqrtR`: each output is q·(1/s) or q exactly, q rational.
 */

/** The notes' simplified BN forward: y_i = r(x_i − x̄) + β. */
export function simpleBnForward(x: Rational[], r: Rational, beta: Rational): Rational[] {
  const mean = Rational.sum(x).div(Rational.fromInt(x.length));
  return x.map((xi) => r.mul(xi.sub(mean)).add(beta));
}

/** ∂L/∂x_i by exact unit differences (exact because L is linear in x). */
export function simpleBnGradByDifferences(x: Rational[], r: Rational, beta: Rational, dy: Rational[]): Rational[] {
  const L = (xs: Rational[]) => Rational.sum(simpleBnForward(xs, r, beta).map((y, j) => y.mul(dy[j]!)));
  const L0 = L(x);
  return x.map((_, i) => L(x.map((v, j) => (j === i ? v.add(Rational.ONE) : v))).sub(L0));
}

/** The notes' formula (002:394): r[dy_i − (1/n)Σ_j dy_j]. */
export function simpleBnGradNotes(r: Rational, dy: Rational[]): Rational[] {
  const m = Rational.sum(dy).div(Rational.fromInt(dy.length));
  return dy.map((d) => r.mul(d.sub(m)));
}

export interface BnColumnExact {
  mu: Rational; c: Rational[]; v: Rational; ve: Rational;
  /** Enclosure of √(v + ε). */
  s: RBounds;
  dbeta: Rational;
  /** dγ = P/s with P = Σ dy·c. */
  P: Rational;
  /** dx_i = A_i/s, A_i = γ[dy_i − mean dy − c_i·mean(dy·c)/(v+ε)]. */
  A: Rational[];
}

export function bnColumnExact(x: Rational[], dy: Rational[], gamma: Rational, eps: Rational, bits = 120): BnColumnExact {
  const N = Rational.fromInt(x.length);
  const mu = Rational.sum(x).div(N);
  const c = x.map((v) => v.sub(mu));
  const v = Rational.sum(c.map((ci) => ci.pow(2))).div(N);
  const ve = v.add(eps);
  const s = sqrtR(ve, bits);
  const mdy = Rational.sum(dy).div(N);
  const P = Rational.sum(dy.map((d, i) => d.mul(c[i]!)));
  const k = P.div(N).div(ve);
  const A = dy.map((d, i) => gamma.mul(d.sub(mdy).sub(c[i]!.mul(k))));
  return { mu, c, v, ve, s, dbeta: Rational.sum(dy), P, A };
}

/** Enclosure of q/s for s ∈ [s.lo, s.hi], s.lo > 0. */
export function divByEnclosure(q: Rational, s: RBounds): RBounds {
  const a = q.div(s.hi), b = q.div(s.lo);
  return a.le(b) ? { lo: a, hi: b } : { lo: b, hi: a };
}

/** The notes' formula applied to full BN with r = γ/s (what it misses: the variance path). */
export function bnNotesFormulaA(dy: Rational[], gamma: Rational): Rational[] {
  const m = Rational.sum(dy).div(Rational.fromInt(dy.length));
  return dy.map((d) => gamma.mul(d.sub(m)));
}
