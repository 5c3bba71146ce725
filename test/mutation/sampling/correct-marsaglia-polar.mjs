// Correct: Marsaglia's polar method (rejection from the unit disc), as tfjs and NumPy's legacy RandomState use.
import { xoshiro, locationScale } from './_rng.mjs';
export const meta = { op: 'random.normal', kind: 'correct', class: 'Marsaglia polar', description: 'v₁, v₂ uniform on (−1, 1), s = v₁² + v₂² accepted in (0, 1), z = v·√(−2 ln s / s), seeded xoshiro128** source' };
function polar(n, u) {
  const z = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    let a, b, s;
    do { a = 2 * u() - 1; b = 2 * u() - 1; s = a * a + b * b; } while (s >= 1 || s === 0);
    const f = Math.sqrt(-2 * Math.log(s) / s);
    z[i] = a * f;
    if (i + 1 < n) z[i + 1] = b * f;
  }
  return z;
}
export default {
  name: 'correct-normal-marsaglia-polar', dtypes: ['float32', 'float64'],
  ops: { 'random.normal': ({ n, mean, std, seed }, dtype) => locationScale(polar(n, xoshiro(seed, 1).uniform), mean, std, dtype) },
};
