/**
 * Exact oracles of the retrieval domain (Retrieval and distillation): the ColBERT MaxSim score
 * (exact dyadic arithmetic on the float inputs) and the KL divergence KL(p‖q) = Σ p_i log(p_i/q_i)
 * (rigorous enclosures of the logarithms, src/numerics/precise.ts). Imports src/numerics only.
 */
import { Rational } from '../numerics/rational.js';
import { logR, toFloat64Bounds, type RBounds } from '../numerics/precise.js';
import { Interval } from '../numerics/interval.js';

/** A float as m·2^e with m an integer (exact). */
function dyadicOf(x: number): [bigint, number] {
  if (!Number.isFinite(x)) throw new RangeError(`maxSim: non-finite input ${x}`);
  if (x === 0) return [0n, 0];
  const q = Rational.fromFloat64(x);
  // den is a power of two
  const e = -(q.den.toString(2).length - 1);
  return [q.num, e];
}

/** Exact dot product of two float vectors (a dyadic rational). */
export function exactDot(a: readonly number[], b: readonly number[]): Rational {
  if (a.length !== b.length) throw new RangeError('exactDot: length mismatch');
  const terms: [bigint, number][] = [];
  for (let k = 0; k < a.length; k++) {
    const [ma, ea] = dyadicOf(a[k]!), [mb, eb] = dyadicOf(b[k]!);
    if (ma !== 0n && mb !== 0n) terms.push([ma * mb, ea + eb]);
  }
  if (terms.length === 0) return Rational.ZERO;
  const emin = Math.min(...terms.map((t) => t[1]));
  let s = 0n;
  for (const [m, e] of terms) s += m << BigInt(e - emin);
  return emin >= 0 ? Rational.of(s << BigInt(emin)) : Rational.of(s, 1n << BigInt(-emin));
}

/** The exact similarity matrix S_ij = q_i · d_j. */
export function similarityMatrix(Q: readonly number[][], D: readonly number[][]): Rational[][] {
  return Q.map((q) => D.map((d) => exactDot(q, d)));
}

/**
 * MaxSim (ColBERT late interaction): S(q, d) = Σ_i max_j (q_i · d_j), exactly; with the maxima
 * m_i = max_j q_i·d_j (needs at least one document token; no query tokens give 0).
 */
export function maxSimExact(Q: readonly number[][], D: readonly number[][]): { score: Rational; maxima: Rational[] } {
  if (D.length === 0 && Q.length > 0) throw new RangeError('maxSim: the document has no tokens');
  const maxima = similarityMatrix(Q, D).map((row) => row.reduce((m, v) => (v.gt(m) ? v : m)));
  return { score: Rational.sum(maxima), maxima };
}

/** Working precision of the KL and loss enclosures (bits). */
export const LOSS_BITS = 80;

/** An enclosure as a float64 interval (outward). */
export function toInterval(b: RBounds): Interval {
  const [lo, hi] = toFloat64Bounds(b);
  return new Interval(lo, hi);
}

/** Sum of rational enclosures. */
export function sumBounds(bs: readonly RBounds[]): RBounds {
  return { lo: Rational.sum(bs.map((b) => b.lo)), hi: Rational.sum(bs.map((b) => b.hi)) };
}

/** p·log(p/q) for rationals p ≥ 0, q > 0 (0·log 0 = 0); +∞ (null) when p > 0 = q. */
export function klTerm(p: Rational, q: Rational, bits = LOSS_BITS): RBounds | null {
  if (p.sign() < 0 || q.sign() < 0) throw new RangeError('kl: negative probability');
  if (p.isZero()) return { lo: Rational.ZERO, hi: Rational.ZERO };
  if (q.isZero()) return null;
  const l = logR(p.div(q), bits);
  return { lo: p.mul(l.lo), hi: p.mul(l.hi) };
}

/**
 * KL(p‖q) = Σ_i p_i log(p_i/q_i) (natural log, 0·log 0 = 0) for non-negative rationals; null when
 * it is +∞ (some p_i > 0 = q_i). No normalisation: the op's inputs are what the caller passes.
 */
export function klExact(p: readonly Rational[], q: readonly Rational[], bits = LOSS_BITS): RBounds | null {
  if (p.length !== q.length) throw new RangeError('kl: length mismatch');
  const terms: RBounds[] = [];
  for (let i = 0; i < p.length; i++) {
    const t = klTerm(p[i]!, q[i]!, bits);
    if (t === null) return null;
    terms.push(t);
  }
  return sumBounds(terms);
}

/** KL of float inputs (exact at the door), with the per-term enclosures. */
export function klOfFloats(p: readonly number[], q: readonly number[], bits = LOSS_BITS): { total: RBounds; terms: RBounds[]; logp: RBounds[]; logq: RBounds[] } | null {
  const P = p.map((v) => Rational.fromFloat64(v)), Q = q.map((v) => Rational.fromFloat64(v));
  const terms: RBounds[] = [], logp: RBounds[] = [], logq: RBounds[] = [];
  const zero = { lo: Rational.ZERO, hi: Rational.ZERO };
  for (let i = 0; i < P.length; i++) {
    const t = klTerm(P[i]!, Q[i]!, bits);
    if (t === null) return null;
    terms.push(t);
    logp.push(P[i]!.isZero() ? zero : logR(P[i]!, bits));
    logq.push(Q[i]!.isZero() ? zero : logR(Q[i]!, bits));
  }
  return { total: sumBounds(terms), terms, logp, logq };
}
