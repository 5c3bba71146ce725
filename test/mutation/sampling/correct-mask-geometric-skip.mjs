// Correct: sparse sampling of the kept positions by geometric gaps (no uniform per entry): the gap
// before the next 1 is G = ⌊ln U / ln(1 − p)⌋ ~ Geometric(p), which gives iid Bernoulli(p) entries.
import { xoshiro } from './_rng.mjs';
export const meta = { op: 'random.bernoulli-mask', kind: 'correct', class: 'geometric skipping', description: 'positions of the ones by Geometric(p) gaps ⌊ln U/ln(1−p)⌋, seeded xoshiro128** source' };
function skipMask(n, p, u) {
  const m = new Array(n).fill(0);
  if (p >= 1) return m.fill(1);
  if (p <= 0) return m;
  const l = Math.log1p(-p);
  for (let i = Math.floor(Math.log(1 - u()) / l); i < n; i += 1 + Math.floor(Math.log(1 - u()) / l)) m[i] = 1;
  return m;
}
export default {
  name: 'correct-mask-geometric-skip', dtypes: ['float32', 'float64'],
  ops: { 'random.bernoulli-mask': ({ n, p, seed }) => skipMask(n, p, xoshiro(seed, 4).uniform) },
};
