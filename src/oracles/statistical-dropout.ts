/**
 * Exact expectations of the dropout least-squares objective (Srivastava et al. 2014, §9.1).
 *
 * R has iid Bernoulli(p) entries (1 = kept), X is n×d, w ∈ R^d, y ∈ R^n, Γ = diag(‖X_{:,j}‖).
 *   plain:    E_R ‖y − (R⊙X)w‖²    = ‖y − pXw‖² + p(1−p) Σ_j w_j² ‖X_{:,j}‖²
 *   inverted: E_R ‖y − (R⊙X)w/p‖²  = ‖y − Xw‖²  + ((1−p)/p) Σ_j w_j² ‖X_{:,j}‖²
 * Both closed forms, and the brute-force expectation over all 2^{nd} masks (exact, rational).
 */
import { Rational } from '../numerics/rational.js';

export type Variant = 'plain' | 'inverted';
type Q = Rational;

/** ‖y − (M⊙X)w·scale‖² for a 0/1 mask M (row-major n×d), exact. */
export function maskedLoss(X: Q[][], y: Q[], w: Q[], mask: readonly number[], scale: Q): Q {
  const d = w.length;
  let acc = Rational.ZERO;
  X.forEach((row, i) => {
    let pred = Rational.ZERO;
    row.forEach((x, j) => { if (mask[i * d + j]) pred = pred.add(x.mul(w[j]!)); });
    acc = acc.add(y[i]!.sub(pred.mul(scale)).pow(2));
  });
  return acc;
}

/** E over all 2^{nd} masks, exactly (nd ≤ 16). */
export function expectedLossEnumerate(X: Q[][], y: Q[], w: Q[], p: Q, variant: Variant): Q {
  const n = X.length, d = w.length, m = n * d;
  if (m > 16) throw new RangeError('expectedLossEnumerate: at most 16 mask entries');
  const scale = variant === 'plain' ? Rational.ONE : Rational.ONE.div(p);
  const q = Rational.ONE.sub(p);
  let acc = Rational.ZERO;
  for (let bits = 0; bits < 1 << m; bits++) {
    const mask: number[] = [];
    let prob = Rational.ONE;
    for (let k = 0; k < m; k++) { const b = (bits >> k) & 1; mask.push(b); prob = prob.mul(b ? p : q); }
    if (prob.isZero()) continue;
    acc = acc.add(prob.mul(maskedLoss(X, y, w, mask, scale)));
  }
  return acc;
}

/** Σ_j w_j² ‖X_{:,j}‖² = ‖Γw‖². */
export function columnPenalty(X: Q[][], w: Q[]): Q {
  return Rational.sum(w.map((wj, j) => wj.pow(2).mul(Rational.sum(X.map((row) => row[j]!.pow(2))))));
}

/** The closed forms above. */
export function expectedLossClosed(X: Q[][], y: Q[], w: Q[], p: Q, variant: Variant): Q {
  const q = Rational.ONE.sub(p);
  const fit = variant === 'plain' ? p : Rational.ONE;
  const resid = Rational.sum(X.map((row, i) => y[i]!.sub(fit.mul(Rational.sum(row.map((x, j) => x.mul(w[j]!))))).pow(2)));
  const coef = variant === 'plain' ? p.mul(q) : q.div(p);
  return resid.add(coef.mul(columnPenalty(X, w)));
}

/** Smallest and largest loss over all masks (rows are independent: per-row extremes summed). */
export function lossRange(X: Q[][], y: Q[], w: Q[], scale: Q): { lo: Q; hi: Q } {
  const d = w.length;
  let lo = Rational.ZERO, hi = Rational.ZERO;
  X.forEach((row, i) => {
    let rlo: Q | null = null, rhi: Q | null = null;
    for (let bits = 0; bits < 1 << d; bits++) {
      let pred = Rational.ZERO;
      for (let j = 0; j < d; j++) if ((bits >> j) & 1) pred = pred.add(row[j]!.mul(w[j]!));
      const l = y[i]!.sub(pred.mul(scale)).pow(2);
      if (rlo === null || l.lt(rlo)) rlo = l;
      if (rhi === null || l.gt(rhi)) rhi = l;
    }
    lo = lo.add(rlo!); hi = hi.add(rhi!);
  });
  return { lo, hi };
}
