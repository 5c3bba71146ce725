// Shared batch-norm backward skeleton of the corpus (not an entry): per feature column, moments by
// two passes (divisor `div`), s = √(v + ε) (or `sOf`), then a backward `form` that the entries vary.
import { round, twoPass, column } from './_common.mjs';

/** Correct staged (PyTorch CPU) form for one column: returns { dx[], dgamma, dbeta }. */
export function staged(c, dy, g, inv, N, r) {
  let sum = 0, dotp = 0;
  for (let n = 0; n < N; n++) { sum = r(sum + dy[n]); dotp = r(dotp + r(c[n] * dy[n])); }
  const k = r(r(r(dotp * inv) * inv) / N);
  const gm = r(sum / N);
  return { dx: c.map((cn, n) => r(r(r(r(dy[n] - r(cn * k)) - gm) * inv) * g)), dgamma: r(dotp * inv), dbeta: sum };
}

export function bnBackward({ x, gamma, dy, eps }, dtype, form, o = {}) {
  const r = o.r ?? round(dtype);
  const N = x.length, D = gamma.length;
  const dx = x.map(() => new Array(D));
  const dgamma = new Array(D), dbeta = new Array(D);
  for (let j = 0; j < D; j++) {
    const xc = column(x, j).map(r), dyc = column(dy, j).map(r);
    const { mean, variance } = (o.moments ?? twoPass)(xc, r, o.div?.(N) ?? N);
    const s = o.sOf ? o.sOf(variance, eps, r) : r(Math.sqrt(r(variance + eps)));
    const inv = r(1 / s);
    const c = xc.map((v) => r(v - mean));
    const out = form(c, dyc, r(gamma[j]), inv, N, r, s);
    out.dx.forEach((v, n) => { dx[n][j] = v; });
    dgamma[j] = out.dgamma;
    dbeta[j] = out.dbeta;
  }
  return { dx, dgamma, dbeta };
}
