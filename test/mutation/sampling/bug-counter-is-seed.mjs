// Bug: a counter-based generator whose COUNTER starts at the seed (the key is a constant), so the
// streams of seeds s and s + 1 are the same stream shifted by one value.
import { locationScale } from './_rng.mjs';
export const meta = { op: 'random.normal', kind: 'bug', class: 'overlapping streams', description: 'z_i = BoxMuller(hash(key, seed + i)): seeds s and s+1 give the same values shifted by one' };
function fmix32(h) { h = Math.imul(h ^ (h >>> 16), 0x85ebca6b); h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35); return (h ^ (h >>> 16)) >>> 0; }
function normalAt(c) {
  const a = fmix32((c ^ 0x5bd1e995) >>> 0), b = fmix32((Math.imul(c, 0x9e3779b1) ^ 0x1b873593) >>> 0);
  const u1 = (a + 0.5) / 4294967296, u2 = b / 4294967296;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
export default {
  name: 'bug-normal-counter-is-seed', dtypes: ['float32', 'float64'],
  ops: { 'random.normal': ({ n, mean, std, seed }, dtype) => locationScale(Float64Array.from({ length: n }, (_, i) => normalAt((seed + i) >>> 0)), mean, std, dtype) },
};
