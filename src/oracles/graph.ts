/**
 * Walk counting for the GNN-as-graph-dynamics section (seed 002_606757b0cdfd2eb0.txt, lines 424–442):
 * explicit walk enumeration and the layer recursion of the notes, in exact integers.
 */
import { Rational } from '../numerics/rational.js';
import { expR, logR, sigmoidR, type RBounds } from '../numerics/precise.js';

/** Number of walks of exactly k edges from i to j (directed edges A[u][v] = 1), by depth-first enumeration. */
export function countWalks(A: readonly (readonly number[])[], i: number, j: number, k: number): number {
  if (k === 0) return i === j ? 1 : 0;
  let total = 0;
  for (let v = 0; v < A.length; v++) if (A[i]![v]) total += A[i]![v]! * countWalks(A, v, j, k - 1);
  return total;
}

/** Number of simple paths (no repeated vertex) of exactly k edges from i to j. */
export function countSimplePaths(A: readonly (readonly number[])[], i: number, j: number, k: number, seen: Set<number> = new Set([i])): number {
  if (k === 0) return i === j ? 1 : 0;
  let total = 0;
  for (let v = 0; v < A.length; v++) {
    if (!A[i]![v] || seen.has(v)) continue;
    seen.add(v);
    total += countSimplePaths(A, v, j, k - 1, seen);
    seen.delete(v);
  }
  return total;
}

/**
 * The notes' network: layer 0 gives node i the one-hot e_i (so node j's vector is column j of I);
 * the weight from node i (layer t) to node j (layer t+1) is A[i][j]; each node sums (or maxes)
 * its weighted inputs. Returns G with G[j][i] = the i-th output of node j at layer k.
 */
export function layerOutputs(A: readonly (readonly number[])[], k: number, agg: 'sum' | 'max'): number[][] {
  const n = A.length;
  let G: number[][] = Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)));
  for (let t = 0; t < k; t++) {
    G = Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, c) => {
      const terms: number[] = [];
      for (let i = 0; i < n; i++) terms.push(A[i]![j]! * G[i]![c]!);
      return agg === 'sum' ? terms.reduce((a, b) => a + b, 0) : Math.max(...terms);
    }));
  }
  return G;
}

/**
 * Rigorous rational enclosures for binary cross-entropy:
 *   BCE(y, ŷ) = −[y log ŷ + (1 − y) log(1 − ŷ)],  y ∈ [0, 1], ŷ ∈ (0, 1),
 * in terms of probabilities and of logits z (ŷ = σ(z)), and the stable logit form
 *   max(z, 0) − yz + log(1 + e^{−|z|}).
 */

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
