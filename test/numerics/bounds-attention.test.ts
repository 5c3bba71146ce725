/**
 * The derivations of src/numerics/bounds-attention.ts against simulated float32 computations: the
 * standard algorithms stay within the bounds, and a variant that loses precision (a bfloat16
 * frequency, an angle rounded to float16) exceeds them — so the bounds are neither loose enough to
 * hide a precision bug nor tighter than a correct algorithm.
 */
import { describe, expect, test } from 'vitest';
import { sinusoidalPeEnclosure, ropeEnclosure, attentionEnclosure, type AttentionArgs } from '../../src/oracles/attention.js';
import { attentionBoundsP } from '../../src/properties/attn-ops-shared.js';
import { float32For } from '../../src/numerics/bounds.js';
import { trigValueBound, ropeEntryBound, attentionScoreError } from '../../src/numerics/bounds-attention.js';
import { distanceToInterval } from '../../src/numerics/enclose.js';
import { mulberry32 } from '../../src/util/prng.js';

const f = Math.fround;
const p = float32For('wasm');
/** round to a binary format with `bits` significant bits (bfloat16: 8, float16: 11) */
const roundBits = (x: number, bits: number) => { if (x === 0) return 0; const e = Math.floor(Math.log2(Math.abs(x))); const s = 2 ** (e - bits + 1); return Math.round(x / s) * s; };

function peRatio(freq: (i: number, d: number) => number, angle: (pos: number, th: number) => number): number {
  let worst = 0;
  for (const d of [8, 64, 512]) for (const pos of [1, 7, 100, 1000, 4097, 8191]) {
    const enc = sinusoidalPeEnclosure([pos], d, 10000)[0]!;
    for (let j = 0; j < d; j++) {
      const i = j >> 1;
      const ang = angle(pos, freq(i, d));
      const y = f(j % 2 === 0 ? Math.sin(ang) : Math.cos(ang));
      const err = distanceToInterval(y, enc[j]!);
      worst = Math.max(worst, err / trigValueBound(pos, i, d, 10000, p));
    }
  }
  return worst;
}

describe('trigValueBound (attn.sinusoidal-pe, attn.rope)', () => {
  test('float32 exp/log frequencies and a float32 angle stay within the bound', () => {
    const std = (i: number, d: number) => f(Math.exp(f(f(-2 * i / d) * f(Math.log(10000)))));
    expect(peRatio(std, (pos, th) => f(pos * th))).toBeLessThanOrEqual(1);
    const pow = (i: number, d: number) => f(1 / f(Math.pow(10000, f(2 * i / d))));
    expect(peRatio(pow, (pos, th) => f(pos / (1 / th)))).toBeLessThanOrEqual(1);
  });
  test('a bfloat16 frequency or a float16 angle exceeds it', () => {
    const std = (i: number, d: number) => f(Math.exp(f(f(-2 * i / d) * f(Math.log(10000)))));
    expect(peRatio((i, d) => roundBits(std(i, d), 8), (pos, th) => f(pos * th))).toBeGreaterThan(1);
    expect(peRatio(std, (pos, th) => roundBits(pos * th, 11))).toBeGreaterThan(1);
  });
});

describe('ropeEntryBound', () => {
  const rng = mulberry32(11);
  const run = (prod: (x: number) => number) => {
    let worst = 0;
    for (let k = 0; k < 200; k++) {
      const d = 2 * (1 + Math.floor(rng() * 16)), pos = Math.floor(rng() * 4096);
      const x = [Array.from({ length: d }, () => f((rng() * 2 - 1) * 4))];
      const enc = ropeEnclosure(x, [pos], 10000, 'interleaved')[0]!;
      for (let i = 0; i < d / 2; i++) {
        const th = f(Math.exp(f(f(-2 * i / d) * f(Math.log(10000))))), ang = f(pos * th);
        const c = f(Math.cos(ang)), s = f(Math.sin(ang));
        const a = x[0]![2 * i]!, b = x[0]![2 * i + 1]!;
        const ya = prod(f(f(a * c) - f(b * s))), yb = prod(f(f(b * c) + f(a * s)));
        const bd = ropeEntryBound(a, b, pos, i, d, 10000, p);
        worst = Math.max(worst, distanceToInterval(ya, enc[2 * i]!) / bd, distanceToInterval(yb, enc[2 * i + 1]!) / bd);
      }
    }
    return worst;
  };
  test('the float32 rotation stays within the bound; a bfloat16 output exceeds it', () => {
    expect(run((y) => y)).toBeLessThanOrEqual(1);
    expect(run((y) => roundBits(y, 8))).toBeGreaterThan(1);
  });
});

describe('attentionScoreError (attn.attention, via the attention output)', () => {
  test('softcapped, biased, scaled scores in float32 stay within the bound; a bfloat16 score exceeds it', () => {
    const rng = mulberry32(5);
    let good = 0, bad = 0;
    for (let k = 0; k < 100; k++) {
      const d = 1 + Math.floor(rng() * 16), N = 1 + Math.floor(rng() * 6);
      const q = Array.from({ length: d }, () => f((rng() * 2 - 1) * 8));
      const K = Array.from({ length: N }, () => Array.from({ length: d }, () => f((rng() * 2 - 1) * 8)));
      const bias = Array.from({ length: N }, () => f(rng() * 4 - 2));
      const a = { q: [[q]], k: [K], v: [K.map(() => [1])], bias: [bias], scale: 0.25, softcap: 20, causal: 'none' as const };
      const enc = attentionEnclosure(a);
      for (let s = 0; s < N; s++) {
        let dot = 0, abs = 0;
        for (let i = 0; i < d; i++) { dot = f(dot + f(q[i]! * K[s]![i]!)); abs += Math.abs(q[i]! * K[s]![i]!); }
        const s1 = f(dot * 0.25), s2 = f(f(20) * f(Math.tanh(f(s1 / 20)))), s3 = f(s2 + bias[s]!);
        const E = attentionScoreError(abs, d, Math.abs(s1) + abs * 1e-6, p, { scale: 0.25, softcap: 20, bias: bias[s]! });
        good = Math.max(good, distanceToInterval(s3, enc.scores[0]![0]![s]!) / E);
        bad = Math.max(bad, distanceToInterval(roundBits(s3, 8), enc.scores[0]![0]![s]!) / E);
      }
    }
    expect(good).toBeLessThanOrEqual(1);
    expect(bad).toBeGreaterThan(1);
  });
});

describe('attentionScoreError: underflow of a pre-scaled operand (absSum)', () => {
  test('split scale with a subnormal key: within the bound with absSum, 7× over the products-only allowance', () => {
    // q = 104, k = 5·2⁻¹⁴⁹, σ = 0.1 (float32), ONNX's reference order: fl(q·r̂)·fl(k·r̂) with r̂ = fl(√σ)
    const q = 104, k = 5 * 2 ** -149, sigma = f(0.1), rHat = f(Math.sqrt(sigma));
    const got = f(f(q * rHat) * f(k * rHat));
    const enc = attentionEnclosure({ q: [[[q]]], k: [[[k]]], v: [[[1]]], scale: sigma, causal: 'none', output: 'scores' } as AttentionArgs);
    const dist = distanceToInterval(got, enc.scores[0]![0]![0]!);
    const withSum = attentionScoreError(q * k, 1, Math.abs(q * k * sigma), p, { scale: sigma, absSum: q + k });
    const productsOnly = attentionScoreError(q * k, 1, Math.abs(q * k * sigma), p, { scale: sigma });
    expect(dist).toBeGreaterThan(0);
    expect(dist / withSum).toBeLessThanOrEqual(1);
    expect(dist / productsOnly).toBeGreaterThan(1);
  });
});

describe('attentionScoreError: softcap in the subnormal range', () => {
  test('c·tanh(fl(s/c)) with s = −9·2⁻¹⁴⁹, c = 18 is 0 in float32: within the bound, not within it without the 2c·tiny term', () => {
    const s1 = -9 * 2 ** -149, c = 18;
    const got = f(f(c) * f(Math.tanh(f(s1 / c))));
    expect(Math.abs(got)).toBe(0);
    const dist = Math.abs(got - c * Math.tanh(s1 / c)); // |s2| < 9·2⁻¹⁴⁹: the exact value's magnitude, to a relative 1e-30
    const E = attentionScoreError(Math.abs(s1), 1, Math.abs(s1), p, { exactDot: true, softcap: c });
    expect(dist / E).toBeLessThanOrEqual(1);
    expect(dist / (E - 2 * c * p.tiny * 1.01)).toBeGreaterThan(1);
  });
});

describe('attention on float16 data (float16Storage) and the split scale (ONNX reference)', () => {
  // one head, simulated: every rounding by r (float16: 11 bits; float32 then a float16 cast), √scale on Q and K
  const simulate = (a: AttentionArgs, r: (x: number) => number, out: (x: number) => number, split: boolean): number[][] => {
    const d = a.q[0]![0]!.length, q = a.q[0]!, K = a.k[0]!, V = a.v[0]!;
    const sc = a.scale ?? r(1 / r(Math.sqrt(d)));
    const rs = r(Math.sqrt(sc));
    return q.map((qt) => {
      const s = K.map((ks) => {
        let acc = 0;
        for (let i = 0; i < d; i++) acc = split ? r(acc + r(r(qt[i]! * rs) * r(ks[i]! * rs))) : r(acc + r(qt[i]! * ks[i]!));
        return split ? acc : r(acc * sc);
      });
      const m = Math.max(...s);
      const ex = s.map((x) => r(Math.exp(r(x - m))));
      let sum = 0;
      for (const x of ex) sum = r(sum + x);
      const pr = ex.map((x) => r(x / sum));
      return V[0]!.map((_, c) => { let y = 0; pr.forEach((pj, j) => { y = r(y + r(pj * V[j]![c]!)); }); return out(y); });
    });
  };
  const h16 = (x: number) => roundBits(x, 11);
  const ratio = (r: (x: number) => number, out: (x: number) => number, split: boolean, storage: boolean, positive = false): number => {
    const rng = mulberry32(16);
    let worst = 0;
    for (let k = 0; k < 60; k++) {
      const d = 1 + Math.floor(rng() * 16), T = 1 + Math.floor(rng() * 4), N = 1 + Math.floor(rng() * 8);
      const m = (rows: number, cols: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => h16(positive ? 1 + rng() : (rng() * 2 - 1) * 2)));
      const a: AttentionArgs = { q: [m(T, d)], k: [m(N, d)], v: [m(N, 2)], causal: 'none', ...(storage ? { storage: 'float16' as const } : {}), ...(k % 2 ? { scale: 0.125 } : {}) };
      const enc = attentionEnclosure(a), b = attentionBoundsP(a, p, enc);
      const y = simulate(a, r, out, split);
      y.forEach((row, t) => row.forEach((x, c) => { worst = Math.max(worst, distanceToInterval(x, enc.out[0]![t]![c]!) / b[0]![t]![c]!); }));
    }
    return worst;
  };
  test('float32 with √scale on Q and K stays within the float32 bound', () => {
    expect(ratio(f, (x) => x, true, false)).toBeLessThanOrEqual(1);
  });
  test('float16 arithmetic, and float32 arithmetic with a float16 result, stay within the float16 bound; not within the float32 one', () => {
    expect(ratio(h16, (x) => x, true, true)).toBeLessThanOrEqual(1);
    expect(ratio(h16, (x) => x, false, true)).toBeLessThanOrEqual(1);
    expect(ratio(f, h16, true, true)).toBeLessThanOrEqual(1);
    expect(ratio(h16, (x) => x, true, false)).toBeGreaterThan(1);
  });
  test('4-bit arithmetic (float8 E4M3 probabilities and sums) exceeds the float16 bound', () => {
    // bfloat16 (8 bits, 8× float16's u) stays within this worst-case bound on random data (ratio ≈ 0.3–0.65):
    // the bound separates float16 from float32 (2¹³) and from float8, not from bfloat16
    expect(ratio((x) => roundBits(x, 4), (x) => x, false, true)).toBeGreaterThan(1);
    expect(ratio((x) => roundBits(x, 4), (x) => x, false, true, true)).toBeGreaterThan(1);
  });
});
