// Correct: inversion, z = Φ⁻¹(u) for u uniform on the open 53-bit grid, with an accurate Φ⁻¹
// (Abramowitz–Stegun 26.2.23 start, then Newton steps on the upper tail Q(x) = erfc(x/√2)/2).
import { xoshiro, locationScale } from './_rng.mjs';
export const meta = { op: 'random.normal', kind: 'correct', class: 'inverse CDF', description: 'z = Φ⁻¹(u), u = (k + 1/2)/2⁵³ from a seeded xoshiro128** source; Φ⁻¹ by a rational start and Newton on erfc' };

const SQRT_PI = Math.sqrt(Math.PI);
/** erfc(y) for y ≥ 0: the positive series of erf below 2, the continued fraction above. */
function erfc(y) {
  if (y < 2) {
    // erf y = (2/√π) e^{−y²} Σ 2ⁿ y^{2n+1} / (1·3·…·(2n+1))
    let term = y, sum = y;
    for (let n = 1; n < 200; n++) { term *= 2 * y * y / (2 * n + 1); sum += term; if (term < sum * 1e-17) break; }
    return 1 - 2 / SQRT_PI * Math.exp(-y * y) * sum;
  }
  let K = y;
  for (let k = 80; k >= 1; k--) K = y + (k / 2) / K;
  return Math.exp(-y * y) / (SQRT_PI * K);
}
const Q = (x) => erfc(x / Math.SQRT2) / 2;
const phi = (x) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
/** x ≥ 0 with Q(x) = q, q ∈ (0, 1/2]. */
function qInverse(q) {
  const t = Math.sqrt(-2 * Math.log(q));
  let x = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  for (let i = 0; i < 4; i++) x += (Q(x) - q) / phi(x);
  return Math.max(0, x);
}
function inverseCdf(n, next32) {
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = (next32() >>> 5) * 67108864 + (next32() >>> 6);
    const u = (k + 0.5) / 9007199254740992;
    z[i] = u < 0.5 ? -qInverse(u) : qInverse(1 - u);
  }
  return z;
}
export default {
  name: 'correct-normal-inverse-cdf', dtypes: ['float32', 'float64'],
  ops: { 'random.normal': ({ n, mean, std, seed }, dtype) => locationScale(inverseCdf(n, xoshiro(seed, 2).next32), mean, std, dtype) },
};
