// Shared helpers of the regression corpus entries (not an entry). Everything rounded to the request dtype with r.
export const rounder = (dtype) => (dtype === 'float32' ? Math.fround : (x) => x);
export function gram(M, r, lam = 0, lamScale = 1, everywhere = false) {
  // M: p×q rows; returns MᵀM + λ·(I or 11ᵀ), q×q
  const q = M[0].length;
  return Array.from({ length: q }, (_, i) => Array.from({ length: q }, (_, j) => {
    let s = 0;
    for (const row of M) s = r(s + r(row[i] * row[j]));
    return i === j || everywhere ? r(s + r(lam * lamScale)) : s;
  }));
}
export const matTVec = (M, v, r) => M[0].map((_, j) => { let s = 0; M.forEach((row, i) => { s = r(s + r(row[j] * v[i])); }); return s; });
export function gepp(A0, b0, r) {
  const n = b0.length; const A = A0.map((x) => x.slice()); const b = b0.slice();
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(A[i][k]) > Math.abs(A[p][k])) p = i;
    [A[k], A[p]] = [A[p], A[k]]; [b[k], b[p]] = [b[p], b[k]];
    for (let i = k + 1; i < n; i++) {
      const l = r(A[i][k] / A[k][k]);
      for (let j = k + 1; j < n; j++) A[i][j] = r(A[i][j] - r(l * A[k][j]));
      b[i] = r(b[i] - r(l * b[k]));
    }
  }
  const x = new Array(n).fill(0);
  for (let i = n - 1; i >= 0; i--) { let s = b[i]; for (let j = i + 1; j < n; j++) s = r(s - r(A[i][j] * x[j])); x[i] = r(s / A[i][i]); }
  return x;
}
export function cholSolve(A, b, r) {
  const n = b.length; const L = A.map(() => new Array(n).fill(0));
  for (let j = 0; j < n; j++) {
    let d = A[j][j]; for (let k = 0; k < j; k++) d = r(d - r(L[j][k] * L[j][k]));
    if (!(d > 0)) throw new Error('not positive definite');
    L[j][j] = r(Math.sqrt(d));
    for (let i = j + 1; i < n; i++) { let s = A[i][j]; for (let k = 0; k < j; k++) s = r(s - r(L[i][k] * L[j][k])); L[i][j] = r(s / L[j][j]); }
  }
  const z = new Array(n).fill(0);
  for (let i = 0; i < n; i++) { let s = b[i]; for (let k = 0; k < i; k++) s = r(s - r(L[i][k] * z[k])); z[i] = r(s / L[i][i]); }
  const x = new Array(n).fill(0);
  for (let i = n - 1; i >= 0; i--) { let s = z[i]; for (let k = i + 1; k < n; k++) s = r(s - r(L[k][i] * x[k])); x[i] = r(s / L[i][i]); }
  return x;
}
