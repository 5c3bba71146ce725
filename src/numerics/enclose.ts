/**
 * Bridges between exact rationals and the fast interval tier.
 * `encloseRational(q)` is the tightest float64 interval containing q: the correctly rounded
 * double, stepped outward by one ulp when it lies on the wrong side (checked exactly).
 */
import { Rational } from './rational.js';
import { Interval } from './interval.js';
import { nextDown, nextUp } from './float-format.js';

export function encloseRational(q: Rational): Interval {
  const f = q.toFloat64();
  if (!Number.isFinite(f)) {
    return q.sign() > 0 ? new Interval(Number.MAX_VALUE, Infinity) : new Interval(-Infinity, -Number.MAX_VALUE);
  }
  const c = Rational.fromFloat64(f).cmp(q);
  if (c === 0) return new Interval(f, f);
  return c < 0 ? new Interval(f, nextUp(f)) : new Interval(nextDown(f), f);
}

/** Distance from a float to an interval (0 if inside), as an upper bound in float64. */
export function distanceToInterval(x: number, iv: Interval): number {
  if (Number.isNaN(x)) return Infinity;
  if (x < iv.lo) return nextUp(iv.lo - x);
  if (x > iv.hi) return nextUp(x - iv.hi);
  return 0;
}
