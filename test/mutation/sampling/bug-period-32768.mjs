// Bug: a 16-bit linear congruential generator, s ← (25173·s + 13850) mod 2¹⁶ (period 32 768),
// seeded with seed mod 2¹⁶, feeding Box–Muller.
import { boxMuller, locationScale } from './_rng.mjs';
export const meta = { op: 'random.normal', kind: 'bug', class: 'short period', description: 'Box–Muller on a 16-bit LCG of period 32 768: every stream is a piece of one short cycle' };
function lcg16(seed) {
  let s = seed & 0xffff;
  return () => { s = (Math.imul(s, 25173) + 13850) & 0xffff; return (s + 0.5) / 65536; };
}
export default {
  name: 'bug-normal-period-32768', dtypes: ['float32', 'float64'],
  ops: { 'random.normal': ({ n, mean, std, seed }, dtype) => locationScale(boxMuller(n, lcg16(seed)), mean, std, dtype) },
};
