// Shared helpers of the optimisation corpus entries (not an entry).
export const rounder = (dtype) => (dtype === 'float32' ? Math.fround : (x) => x);
/** `steps` steps of w ← w + 2ησ(y − σw) per coordinate in the dtype; `opts` injects the corpus bugs. */
export function residualForm({ sigma, y, w0, eta, steps }, r, opts = {}) {
  const n = opts.steps ? opts.steps(steps) : steps;
  const c = r((opts.factor ?? 2) * eta);
  return sigma.map((s, i) => {
    let w = w0[i];
    const cs = r(c * s);
    for (let t = 0; t < n; t++) {
      const res = r(y[i] - r(s * w));
      w = opts.ascent ? r(w - r(cs * res)) : r(w + r(cs * res));
    }
    return w;
  });
}
