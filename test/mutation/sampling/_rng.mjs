// Shared helpers of the sampling corpus (not an entry: the name starts with '_').
// A good uniform source written for these tests: xoshiro128** (Blackman & Vigna, 2018), its four
// 32-bit state words filled from the seed by the splitmix32 finaliser; 53-bit uniforms from two outputs.

/** splitmix32 step: returns [next state, output]. */
function splitmix32(state) {
  const s = (state + 0x9e3779b9) >>> 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [s, (z ^ (z >>> 16)) >>> 0];
}

/** xoshiro128** seeded from an integer seed (any integer; mixed with a stream constant). */
export function xoshiro(seed, stream = 0) {
  let st = (Math.floor(seed) ^ Math.imul(stream, 0x632be5ab)) >>> 0;
  const hi = Math.floor(seed / 2 ** 32) >>> 0;
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) { let o; [st, o] = splitmix32((st ^ Math.imul(hi, 0x27d4eb2f)) >>> 0); s[i] = o; }
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  const rotl = (x, k) => ((x << k) | (x >>> (32 - k))) >>> 0;
  const next32 = () => {
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11);
    return result;
  };
  /** uniform on {0, 1, …, 2⁵³ − 1}·2⁻⁵³ ⊂ [0, 1) */
  const uniform = () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
  return { next32, uniform };
}

/** Rounds a float64 value to the request's dtype. */
export const toDtype = (dtype) => (dtype === 'float32' ? Math.fround : (x) => x);

/** mean + std·z for each z, in the dtype (float32: z rounded first, then the product and the sum, as a float32 implementation would). */
export function locationScale(z, mean, std, dtype) {
  const r = toDtype(dtype);
  const out = new Array(z.length);
  if (dtype === 'float32') { const m = Math.fround(mean), s = Math.fround(std); for (let i = 0; i < z.length; i++) out[i] = r(m + r(s * r(z[i]))); }
  else for (let i = 0; i < z.length; i++) out[i] = mean + std * z[i];
  return out;
}

/** n standard normals by Box–Muller from a uniform source u() ∈ [0, 1). */
export function boxMuller(n, u) {
  const z = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - u())), t = 2 * Math.PI * u();
    z[i] = r * Math.cos(t);
    if (i + 1 < n) z[i + 1] = r * Math.sin(t);
  }
  return z;
}

/** A correct Bernoulli(p) mask from a uniform source. */
export function thresholdMask(n, p, u) {
  const m = new Array(n);
  for (let i = 0; i < n; i++) m[i] = u() < p ? 1 : 0;
  return m;
}
