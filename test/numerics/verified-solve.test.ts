/**
 * The fast rigorous ridge tier (src/numerics/verified-solve.ts) against the exact rational ridge
 * solution (src/oracles/regression.ts ridgePrimal): containment on 10,000 seeded systems of every kind
 * (small, tall, wide with λ > 0, nearly collinear, float64-only, integer), tightness where the system is
 * well conditioned, and a refusal (null), never a wrong enclosure, where it cannot verify.
 */
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numerics/rational.js';
import { QMatrix } from '../../src/numerics/matrix.js';
import { ridgePrimal } from '../../src/oracles/regression.js';
import { ridgeEnclosureFast } from '../../src/numerics/verified-solve.js';
import { mulberry32 } from '../../src/util/prng.js';

const int = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

function system(r: () => number, kind: number): { X: number[][]; y: number[]; lambda: number } {
  const m = kind === 2 ? int(r, 1, 3) : int(r, 1, 10), n = kind === 2 ? int(r, m + 1, 5) : int(r, 1, 5);
  const f32 = (s: number) => Math.fround((r() * 2 - 1) * s);
  let X: number[][];
  if (kind === 3) { // nearly collinear columns
    const base = Array.from({ length: m }, () => f32(1));
    X = base.map((v) => Array.from({ length: n }, (_, j) => (j === 0 ? v : Math.fround(v + f32(1) * 2 ** -int(r, 4, 20)))));
  } else if (kind === 4) X = Array.from({ length: m }, () => Array.from({ length: n }, () => (r() * 2 - 1) * 2 ** int(r, -3, 3))); // float64-only
  else if (kind === 5) X = Array.from({ length: m }, () => Array.from({ length: n }, () => int(r, -9, 9)));
  else X = Array.from({ length: m }, () => Array.from({ length: n }, () => f32(2 ** int(r, -2, 3))));
  const y = Array.from({ length: m }, () => (kind === 5 ? int(r, -9, 9) : f32(4)));
  const lambda = kind === 5 ? [0, 1, 2, 4][int(r, 0, 3)]! : kind === 3 ? 2 ** -int(r, 10, 30) : Math.fround(2 ** int(r, -12, 4));
  return { X, y, lambda };
}

describe('ridgeEnclosureFast (verified ridge solve in binary64)', () => {
  it('contains the exact solution on 10,000 seeded systems of six kinds, and verifies most of them', () => {
    const r = mulberry32(20261205);
    let verified = 0, singular = 0;
    for (let t = 0; t < 10_000; t++) {
      const { X, y, lambda } = system(r, t % 6);
      let exact: Rational[];
      try {
        exact = ridgePrimal(QMatrix.from(X.map((row) => row.map((v) => Rational.fromFloat64(v)))), y.map((v) => Rational.fromFloat64(v)), Rational.fromFloat64(lambda));
      } catch {
        singular++;
        continue; // XᵀX + λI singular (λ = 0, rank-deficient): the tier must refuse
      }
      const enc = ridgeEnclosureFast(X, y, lambda);
      if (!enc) continue;
      verified++;
      exact.forEach((w, i) => {
        expect(Rational.fromFloat64(enc.lo[i]!).le(w) && w.le(Rational.fromFloat64(enc.hi[i]!)), `system ${t}: w[${i}] = ${w.toDecimal(20)} ∉ [${enc.lo[i]}, ${enc.hi[i]}] (${JSON.stringify({ X, y, lambda })})`).toBe(true);
      });
    }
    expect(verified).toBeGreaterThan(8_000);
    expect(singular).toBeLessThan(1_000);
  });

  it('is tight on well-conditioned systems (width ≤ 1e-11·‖w‖∞) and refuses singular ones', () => {
    const r = mulberry32(7);
    for (let t = 0; t < 200; t++) {
      const m = int(r, 20, 80), n = int(r, 2, 12);
      const X = Array.from({ length: m }, () => Array.from({ length: n }, () => Math.fround(r() * 2 - 1)));
      const y = Array.from({ length: m }, () => Math.fround(r() * 2 - 1));
      const enc = ridgeEnclosureFast(X, y, 0.5)!;
      expect(enc).not.toBeNull();
      const norm = Math.max(...Array.from(enc.hi, (h, i) => Math.max(Math.abs(h), Math.abs(enc.lo[i]!))));
      for (let i = 0; i < n; i++) expect(enc.hi[i]! - enc.lo[i]!).toBeLessThanOrEqual(1e-11 * norm);
    }
    expect(ridgeEnclosureFast([[1, 1], [2, 2]], [1, 2], 0)).toBeNull(); // rank 1, λ = 0
    expect(ridgeEnclosureFast([[1, NaN]], [1], 1)).toBeNull();
    expect(ridgeEnclosureFast([[1, 2]], [1], -1)).toBeNull();
  });

  it('at a real size (512 × 64) contains the exact solution, which a 1e-9 relative perturbation leaves', () => {
    const r = mulberry32(512);
    const m = 512, n = 64;
    const X = Array.from({ length: m }, () => Array.from({ length: n }, () => Math.fround(r() * 2 - 1)));
    const y = Array.from({ length: m }, () => Math.fround(r() * 2 - 1));
    const lambda = Math.fround(0.1);
    const enc = ridgeEnclosureFast(X, y, lambda)!;
    expect(enc).not.toBeNull();
    const exact = ridgePrimal(QMatrix.from(X.map((row) => row.map((v) => Rational.fromFloat64(v)))), y.map((v) => Rational.fromFloat64(v)), Rational.fromFloat64(lambda));
    exact.forEach((w, i) => {
      expect(Rational.fromFloat64(enc.lo[i]!).le(w) && w.le(Rational.fromFloat64(enc.hi[i]!))).toBe(true);
      const off = w.toFloat64() * (1 + 1e-9);
      expect(off < enc.lo[i]! || off > enc.hi[i]!).toBe(true);
    });
  }, 60_000);
});
