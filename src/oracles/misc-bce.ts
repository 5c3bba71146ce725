/**
 * Rigorous rational enclosures for binary cross-entropy (area `misc`):
 *   BCE(y, ŷ) = −[y log ŷ + (1 − y) log(1 − ŷ)],  y ∈ [0, 1], ŷ ∈ (0, 1),
 * in terms of probabilities and of logits z (ŷ = σ(z)), and the stable logit form
 *   max(z, 0) − yz + log(1 + e^{−|z|}).
 */
import { Rational } from '../numerics/rational.js';
import { expR, logR, sigmoidR, type RBounds } from '../numerics/precise.js';

const ONE = Rational.ONE;
/** Enclosure of log on an enclosure [lo, hi] ⊂ (0, ∞) (log is increasing). */
const logOf = (b: RBounds, bits: number): RBounds => ({ lo: logR(b.lo, bits).lo, hi: logR(b.hi, bits).hi });
/** c·[lo, hi] for c ≥ 0. */
const scaleNonNeg = (c: Rational, b: RBounds): RBounds => ({ lo: c.mul(b.lo), hi: c.mul(b.hi) });
const addB = (a: RBounds, b: RBounds): RBounds => ({ lo: a.lo.add(b.lo), hi: a.hi.add(b.hi) });
const negB = (a: RBounds): RBounds => ({ lo: a.hi.neg(), hi: a.lo.neg() });

/** The notes' expression y log ŷ + (1 − y) log(1 − ŷ) (no minus sign), for one example. */
export function notesTermR(y: Rational, p: RBounds, bits = 120): RBounds {
  const q: RBounds = { lo: ONE.sub(p.hi), hi: ONE.sub(p.lo) };
  return addB(scaleNonNeg(y, logOf(p, bits)), scaleNonNeg(ONE.sub(y), logOf(q, bits)));
}

/** BCE(y, ŷ) for an enclosure of ŷ. */
export const bceProbR = (y: Rational, p: RBounds, bits = 120): RBounds => negB(notesTermR(y, p, bits));

/** BCE(y, σ(z)) evaluated through an enclosure of σ(z). */
export const bceLogitR = (y: Rational, z: Rational, bits = 120): RBounds => bceProbR(y, sigmoidR(z, bits), bits);

/** Stable form max(z, 0) − yz + log(1 + e^{−|z|}). */
export function bceStableR(y: Rational, z: Rational, bits = 120): RBounds {
  const e = expR(z.abs().neg(), bits);
  const l = logOf({ lo: ONE.add(e.lo), hi: ONE.add(e.hi) }, bits);
  const c = Rational.max(z, Rational.ZERO).sub(y.mul(z));
  return { lo: c.add(l.lo), hi: c.add(l.hi) };
}

export const overlaps = (a: RBounds, b: RBounds): boolean => a.lo.le(b.hi) && b.lo.le(a.hi);
