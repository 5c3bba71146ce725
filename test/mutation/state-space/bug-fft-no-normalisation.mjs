// Bug: a hand-written FFT convolution that forgets the 1/N of the inverse transform.
import { rounder, fft } from './_ssm.mjs';
export const meta = { op: 'ssm.fft-conv', kind: 'bug', class: 'scaling', description: 'inverse FFT without the 1/N normalisation' };
function conv(k, u, r) {
  const L = u.length;
  if (L === 0) return [];
  let N = 1; while (N < 2 * L) N *= 2;
  const kr = new Array(N).fill(0), ki = new Array(N).fill(0), ur = new Array(N).fill(0), ui = new Array(N).fill(0);
  for (let i = 0; i < L; i++) { kr[i] = k[i]; ur[i] = u[i]; }
  fft(kr, ki, -1, r); fft(ur, ui, -1, r);
  const pr = kr.map((a, i) => r(r(a * ur[i]) - r(ki[i] * ui[i]))), pi = kr.map((a, i) => r(r(a * ui[i]) + r(ki[i] * ur[i])));
  fft(pr, pi, 1, r);
  return pr.slice(0, L);
}
export default { name: 'bug-ssm-fft-no-normalisation', dtypes: ['float32', 'float64'], ops: { 'ssm.fft-conv': ({ k, u }, dtype) => conv(k, u, rounder(dtype)) } };
