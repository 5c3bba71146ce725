/**
 * The fast rigorous tier (src/numerics/fast-enclose.ts and its use in the oracles of nn.softmax,
 * attn.sdpa and norm.layernorm) against the exact BigInt tier: on 10,000 seeded inputs per big op,
 * including adversarial ones (large offsets, cancellation, huge and tiny exponents, ties, −0,
 * subnormals), every fast enclosure contains the exact value — checked by containing the exact
 * tier's enclosure (rationals from `Rational`, `softmaxR`, `sqrtR` at 64 bits), which contains it.
 *
 * Width criterion: at realistic sizes every fast enclosure is narrower than 1/8 of the float64
 * bound the gate compares against (the tightest dtype); at small sizes the width is at most
 * 2^-40·p for softmax probabilities, 2^-40·(|y_j| + |β_j| + |γ_j|·max|x|/√(σ² + ε)) for layer-norm
 * outputs (the scale of every float evaluation's rounding errors), and 8u|x·y| + 8n(n+1)u²Σ|x_i y_i|
 * for a compensated dot product (+ an underflow slack of 2^-1000 or less).
 */
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numerics/rational.js';
import { softmaxR, sqrtR, expR, type RBounds } from '../../src/numerics/precise.js';
import { nextDown, nextUp } from '../../src/numerics/float-format.js';
import {
  succ, pred, twoSum, twoProduct, split, dotEnclose, sumEnclose, softmaxInto, sqrtIntEnclose, expMidRad, U,
} from '../../src/numerics/fast-enclose.js';
import { softmaxEnclosure, softmaxEnclosureFast, softmaxEnclosureReference, SOFTMAX_FAST_MIN_N } from '../../src/oracles/softmax.js';
import { sdpaEnclosure, sdpaEnclosureFast, sdpaEnclosureReference, sdpaEncloseArrays } from '../../src/oracles/attention.js';
import { layerNormEnclosure, layerNormEnclosureFast, layerNormEnclosureReference, layerNormEncloseInto, rowStats, rowStatsByDefinition } from '../../src/oracles/normalisation.js';
import { sdpaBoundsP } from '../../src/properties/attn.sdpa.js';
import { layerNormBoundsFor } from '../../src/properties/norm.layernorm.js';
import { softmaxBounds, precisionOf, SAFETY } from '../../src/numerics/bounds.js';
import { mulberry32 as rng } from '../../src/util/prng.js';

const R = (x: number): Rational => Rational.fromFloat64(x);
const int = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Number of significant bits of a double (odd part of its numerator). */
function significantBits(x: number): number {
  let n = R(x).num;
  if (n < 0n) n = -n;
  if (n === 0n) return 0;
  while ((n & 1n) === 0n) n >>= 1n;
  return n.toString(2).length;
}

/** The fast interval [lo, hi] contains the exact enclosure b (hence the exact value). */
function holds(lo: number, hi: number, b: RBounds): boolean {
  return lo <= hi && R(lo).le(b.lo) && b.hi.le(R(hi));
}
function holdsPoint(lo: number, hi: number, q: Rational): boolean {
  return R(lo).le(q) && q.le(R(hi));
}

/** Input value generators: a mode per vector, so that a vector is adversarial as a whole. */
type Mode = 'f32' | 'f64' | 'offset' | 'huge' | 'tiny' | 'subnormal' | 'ties' | 'zeros' | 'wide';
const MODES: readonly Mode[] = ['f32', 'f32', 'f64', 'offset', 'huge', 'tiny', 'subnormal', 'ties', 'zeros', 'wide'];
function valueGen(r: () => number, mode: Mode, scale: number): () => number {
  const base = pick(r, [2 ** 20, -(2 ** 12) * 3, 1e6, 2 ** 40]);
  const tie = Math.fround((r() * 2 - 1) * scale);
  return () => {
    const u = r() * 2 - 1;
    switch (mode) {
      case 'f32': return Math.fround(u * scale);
      case 'f64': return u * scale;
      case 'offset': return Math.fround(base + u * 0.125); // cancellation around a large common value
      case 'huge': return u * 2 ** int(r, 300, 470);
      case 'tiny': return u * 2 ** -int(r, 300, 470);
      case 'subnormal': return r() < 0.5 ? int(r, -50, 50) * 2 ** -1074 : Math.fround(u * 2 ** -130);
      case 'ties': return r() < 0.7 ? tie : Math.fround(u * scale);
      case 'zeros': return pick(r, [0, -0, 0, Math.fround(u * scale)]);
      case 'wide': return Math.fround(u * 2 ** int(r, -30, 30));
    }
  };
}
const vector = (r: () => number, n: number, scale: number): number[] => {
  const g = valueGen(r, pick(r, MODES), scale);
  return Array.from({ length: n }, g);
};

describe('outward rounding and error-free transformations', () => {
  it('succ/pred bracket nextUp/nextDown on normal, subnormal, power-of-two and extreme values', () => {
    const r = rng(1);
    const xs: number[] = [0, -0, 5e-324, -5e-324, 2 ** -1022, -(2 ** -1022), 2 ** -1022 - 5e-324, 1, -1, 2, 0.5, Number.MAX_VALUE / 2, -Number.MAX_VALUE / 2];
    for (let i = 0; i < 5000; i++) {
      const e = int(r, -1074, 1000);
      xs.push((r() < 0.5 ? -1 : 1) * (r() < 0.2 ? 2 ** e : (1 + r()) * 2 ** e));
    }
    for (const x of xs) {
      expect(succ(x)).toBeGreaterThanOrEqual(nextUp(x));
      expect(pred(x)).toBeLessThanOrEqual(nextDown(x));
      // and not more than two steps away
      expect(succ(x)).toBeLessThanOrEqual(nextUp(nextUp(x)));
      expect(pred(x)).toBeGreaterThanOrEqual(nextDown(nextDown(x)));
    }
  });

  it('TwoSum, Veltkamp split and TwoProduct are exact (checked in rationals)', () => {
    const r = rng(2);
    for (let i = 0; i < 4000; i++) {
      const a = (r() * 2 - 1) * 2 ** int(r, -400, 400), b = (r() * 2 - 1) * 2 ** int(r, -400, 400);
      const [s, e] = twoSum(a, b);
      expect(R(s).add(R(e)).eq(R(a).add(R(b)))).toBe(true);
      const [h, l] = split(a);
      expect(R(h).add(R(l)).eq(R(a))).toBe(true);
      expect(significantBits(h)).toBeLessThanOrEqual(26);
      expect(significantBits(l)).toBeLessThanOrEqual(26);
      const a2 = (r() * 2 - 1) * 2 ** int(r, -240, 240), b2 = (r() * 2 - 1) * 2 ** int(r, -240, 240);
      const [p, pe] = twoProduct(a2, b2);
      expect(R(p).add(R(pe)).eq(R(a2).mul(R(b2)))).toBe(true);
    }
  });

  it('sqrtIntEnclose and expMidRad contain √d and e^x', () => {
    for (let d = 1; d <= 300; d++) {
      const [lo, hi] = sqrtIntEnclose(d);
      const s = sqrtR(Rational.fromInt(d), 80);
      expect(holds(lo, hi, s)).toBe(true);
    }
    const r = rng(3);
    const xs = Float64Array.from({ length: 2000 }, () => (r() * 2 - 1) * 2 ** int(r, -30, 9));
    const rad = Float64Array.from({ length: 2000 }, () => (r() < 0.5 ? 0 : r() * 2 ** -30));
    const mid = new Float64Array(2000), rr = new Float64Array(2000);
    expect(expMidRad(xs, rad, mid, rr)).toBe(true);
    for (let i = 0; i < 2000; i += 3) {
      // e^{x + δ}, |δ| ≤ rad, lies in [e^{x − rad}, e^{x + rad}] (monotone): both ends inside mid ± r
      const lower = expR(R(xs[i]!).sub(R(rad[i]!)), 64), upper = expR(R(xs[i]!).add(R(rad[i]!)), 64);
      expect(R(mid[i]!).sub(R(rr[i]!)).le(lower.lo) && upper.hi.le(R(mid[i]!).add(R(rr[i]!)))).toBe(true);
    }
  });

  it('compensated dot products and sums contain the exact value (10,000 seeded inputs, adversarial modes)', () => {
    const r = rng(4);
    let fast = 0;
    for (let i = 0; i < 10000; i++) {
      const n = int(r, 1, 24);
      const a = vector(r, n, 4), b = vector(r, n, 4);
      if (r() < 0.3) for (let j = 0; j < n; j += 2) b[j] = -a[j]! * (r() < 0.5 ? 1 : 3); // cancellation
      const exact = a.reduce((acc, x, j) => acc.add(R(x).mul(R(b[j]!))), Rational.ZERO);
      const enc = dotEnclose(a, b);
      if (enc !== null) {
        fast++;
        expect(holdsPoint(enc[0], enc[1], exact), `dot ${JSON.stringify(a)} · ${JSON.stringify(b)}`).toBe(true);
        // width: a few ulps of the value + O(n²u²)Σ|a_i b_i| (+ underflow slack)
        const absSum = a.reduce((acc, x, j) => acc + Math.abs(x * b[j]!), 0);
        expect(enc[1] - enc[0]).toBeLessThanOrEqual(8 * U * Math.abs(exact.toFloat64()) + 8 * n * (n + 1) * U * U * absSum + 2 ** -1060);
      }
      const s = sumEnclose(a);
      const se = a.reduce((acc, x) => acc.add(R(x)), Rational.ZERO);
      expect(s).not.toBeNull();
      expect(holdsPoint(s![0], s![1], se)).toBe(true);
    }
    expect(fast).toBeGreaterThan(7000); // out-of-range factors (|x| > 2^480 or < 2^-480, not float32) fall back
  });

  it('ill-conditioned dot products (Ogita–Rump–Oishi GenDot, condition up to 2^140): the a-posteriori bound is needed and holds', () => {
    const r = rng(11);
    let beyondFaithful = 0;
    for (let i = 0; i < 1000; i++) {
      const n = 2 * int(r, 3, 12), e = int(r, 10, 70), half = n / 2;
      const a: number[] = [], b: number[] = [];
      for (let j = 0; j < half; j++) {
        a.push((r() * 2 - 1) * 2 ** int(r, 0, e));
        b.push((r() * 2 - 1) * 2 ** int(r, 0, e));
      }
      let S = a.reduce((acc, x, j) => acc.add(R(x).mul(R(b[j]!))), Rational.ZERO);
      for (let j = half; j < n; j++) {
        const ej = Math.round(e * (1 - (j - half) / half));
        const x = (r() * 2 - 1) * 2 ** ej;
        a.push(x);
        b.push(((r() * 2 - 1) * 2 ** ej - S.toFloat64()) / x);
        S = S.add(R(x).mul(R(b[j]!)));
      }
      const enc = dotEnclose(a, b);
      expect(enc).not.toBeNull();
      expect(holdsPoint(enc![0], enc![1], S), `dot ${JSON.stringify(a)} · ${JSON.stringify(b)}`).toBe(true);
      // whether the compensated result alone (±1 ulp) would have missed: the radius did the work
      const mid = enc![0] / 2 + enc![1] / 2;
      if (!holdsPoint(nextDown(mid), nextUp(mid), S)) beyondFaithful++;
    }
    expect(beyondFaithful).toBeGreaterThan(50);
  });
});

describe('nn.softmax: fast tier ⊇ exact tier', () => {
  it('10,000 seeded vectors (n ≤ 6, adversarial modes) and vectors past the switch length', () => {
    const r = rng(5);
    let fast = 0;
    for (let i = 0; i < 10000; i++) {
      const n = int(r, 1, 6);
      const x = vector(r, n, pick(r, [1, 8, 60, 200]));
      const lo = new Float64Array(n), hi = new Float64Array(n);
      if (!softmaxInto(x, null, n, lo, hi)) continue;
      fast++;
      const exact = softmaxR(x.map(R), 64);
      for (let j = 0; j < n; j++) {
        expect(holds(lo[j]!, hi[j]!, exact[j]!), `softmax(${JSON.stringify(x)})[${j}] = [${lo[j]}, ${hi[j]}]`).toBe(true);
        const p = exact[j]!.lo.toFloat64();
        expect(hi[j]! - lo[j]!).toBeLessThanOrEqual(2 ** -40 * p + 2 ** -1000);
      }
    }
    expect(fast).toBeGreaterThan(9000); // only |x| > 2^1000 falls back (never generated here)
    for (let i = 0; i < 30; i++) {
      const n = int(r, SOFTMAX_FAST_MIN_N, SOFTMAX_FAST_MIN_N + 20);
      const x = vector(r, n, 30);
      const enc = softmaxEnclosure(x);
      expect(enc).toEqual(softmaxEnclosureFast(x));
      const exact = softmaxR(x.map(R), 64);
      enc.forEach((iv, j) => expect(holds(iv.lo, iv.hi, exact[j]!)).toBe(true));
    }
  });

  it('falls back to the reference tier on non-finite or huge logits, and stays below the switch length', () => {
    expect(softmaxEnclosureFast([0, -Infinity, 1])).toBeNull();
    const x = Array.from({ length: 70 }, (_, i) => (i === 3 ? 2 ** 1010 : i));
    expect(softmaxEnclosure(x)).toEqual(softmaxEnclosureReference(x));
    const small = [1, 2, 3];
    expect(softmaxEnclosure(small)).toEqual(softmaxEnclosureReference(small));
  });

  it('width ≪ the float64 bound at realistic sizes (n = 2048, and 32k)', () => {
    const r = rng(6);
    for (const n of [2048, 32768]) {
      const x = Array.from({ length: n }, () => Math.fround((r() * 2 - 1) * 20));
      const enc = softmaxEnclosure(x);
      const m = Math.max(...x);
      const b = softmaxBounds(enc.map((p) => p.hi), x.map((v) => (m - v) * SAFETY), x.map(() => 0), precisionOf({ dtype: 'float64' }), { algorithm: 'default', maxAbs: Math.abs(m) });
      enc.forEach((iv, i) => expect(iv.hi - iv.lo).toBeLessThanOrEqual(b[i]! / 8));
      // and it agrees with the reference tier (both contain the exact value: they intersect)
      if (n === 2048) softmaxEnclosureReference(x).forEach((iv, i) => expect(Math.max(iv.lo, enc[i]!.lo) <= Math.min(iv.hi, enc[i]!.hi)).toBe(true));
    }
  });
});

/** Exact layer norm of one row: rational μ, σ², √(σ² + ε) by sqrtR, then rational bounds of y_i. */
function layerNormExact(x: number[], gamma: number[], beta: number[], eps: number): RBounds[] {
  const { mean, variance } = rowStats(x);
  const s = sqrtR(variance.add(R(eps)), 64);
  return x.map((xi, i) => {
    const dev = R(xi).sub(mean);
    const g = R(gamma[i]!), b = R(beta[i]!);
    const y1 = g.mul(dev.div(s.hi)).add(b), y2 = g.mul(dev.div(s.lo)).add(b);
    return y1.le(y2) ? { lo: y1, hi: y2 } : { lo: y2, hi: y1 };
  });
}

describe('norm.layernorm: fast tier ⊇ exact tier', () => {
  it('10,000 seeded rows (D ≤ 10, adversarial modes, ε from 0 to 1e-2)', () => {
    const r = rng(7);
    let fast = 0;
    for (let i = 0; i < 10000; i++) {
      const D = int(r, 1, 10);
      const x = vector(r, D, pick(r, [1, 100, 1e-3]));
      const gamma = Array.from({ length: D }, () => Math.fround((r() * 2 - 1) * 2));
      const beta = Array.from({ length: D }, () => (r() < 0.3 ? 0 : Math.fround((r() * 2 - 1) * 2)));
      const eps = pick(r, [0, Math.fround(1e-5), Math.fround(1e-12), Math.fround(1e-2), 2 ** -1074]);
      const lo = new Float64Array(D), hi = new Float64Array(D);
      if (!layerNormEncloseInto(x, gamma, beta, eps, lo, hi, 0)) continue;
      fast++;
      const exact = layerNormExact(x, gamma, beta, eps);
      const maxAbs = Math.max(...x.map(Math.abs));
      const sigmaEps = Math.sqrt(rowStats(x).variance.add(R(eps)).toFloat64());
      for (let j = 0; j < D; j++) {
        expect(holds(lo[j]!, hi[j]!, exact[j]!), `LN(${JSON.stringify(x)}, ε = ${eps})[${j}] = [${lo[j]}, ${hi[j]}]`).toBe(true);
        // relative width on the scale of the computation: |y_j| + |β_j| + |γ_j|·max|x|/√(σ² + ε)
        const scale = Math.abs(exact[j]!.lo.toFloat64()) + Math.abs(beta[j]!) + Math.abs(gamma[j]!) * maxAbs / sigmaEps;
        expect(hi[j]! - lo[j]!, `LN(${JSON.stringify(x)}, γ = ${JSON.stringify(gamma)}, β = ${JSON.stringify(beta)}, ε = ${eps})[${j}] = [${lo[j]}, ${hi[j]}]`).toBeLessThanOrEqual(2 ** -40 * scale + 2 ** -1000);
      }
    }
    expect(fast).toBeGreaterThan(6500); // huge/tiny/subnormal rows (|x| outside [2^-400, 2^400]) and σ² + ε = 0 fall back
  });

  it('rowStats by integer sums equals the definition (long rows, adversarial modes)', () => {
    const r = rng(12);
    for (let i = 0; i < 24; i++) {
      const x = vector(r, int(r, 65, 200), pick(r, [1, 1e4]));
      const a = rowStats(x), b = rowStatsByDefinition(x);
      expect(a.mean.eq(b.mean) && a.variance.eq(b.variance), JSON.stringify(x)).toBe(true);
    }
  });

  it('uses the fast tier from the switch length on, falls back outside its ranges, and stays tight against the float64 bound at D = 4096', () => {
    const r = rng(8);
    const D = 4096;
    const x = Array.from({ length: D }, () => Math.fround(2 ** 12 + (r() * 2 - 1) * 4)); // large offset
    const gamma = Array.from({ length: D }, () => Math.fround(r() * 2 - 1)), beta = Array.from({ length: D }, () => Math.fround(r() - 0.5));
    const eps = Math.fround(1e-5);
    const enc = layerNormEnclosure(x, gamma, beta, eps);
    expect(enc).toEqual(layerNormEnclosureFast(x, gamma, beta, eps));
    const exact = layerNormExact(x, gamma, beta, eps);
    enc.forEach((iv, i) => expect(holds(iv.lo, iv.hi, exact[i]!)).toBe(true));
    const b = layerNormBoundsFor({ x: [x], gamma, beta, eps }, precisionOf({ dtype: 'float64' }))[0]!;
    enc.forEach((iv, i) => expect(iv.hi - iv.lo).toBeLessThanOrEqual(b[i]! / 8));
    const tinyRow = Array.from({ length: 80 }, (_, i) => (i + 1) * 2 ** -1070); // subnormals: outside [2^-400, 2^400]
    const g80 = Array.from({ length: 80 }, () => 1), b80 = Array.from({ length: 80 }, () => 0);
    expect(layerNormEnclosureFast(tinyRow, g80, b80, eps)).toBeNull();
    expect(layerNormEnclosure(tinyRow, g80, b80, eps)).toEqual(layerNormEnclosureReference(tinyRow, g80, b80, eps));
  });

  it('the bound model gets its inputs from the fast tier at D ≥ 65: never below the exact-statistics bound, at most 1e-3 above it (≤ 1e-9 except on rows with σ² ≈ 0 and a tiny ε, where the enclosed variance is relatively wide)', () => {
    const r = rng(9);
    for (let t = 0; t < 40; t++) {
      const D = int(r, 65, 700);
      const off = pick(r, [0, 1, 2 ** 12, -3e5]), sc = pick(r, [1e-6, 1, 1e3]);
      const x = Array.from({ length: D }, () => Math.fround(off + (r() * 2 - 1) * sc));
      const gamma = Array.from({ length: D }, () => Math.fround(r() * 2 - 1)), beta = Array.from({ length: D }, () => Math.fround(r() - 0.5));
      const c = { x: [x], gamma, beta, eps: Math.fround(pick(r, [1e-5, 1e-12, 0.1])) };
      for (const dtype of ['float32', 'float64'] as const) {
        const fast = layerNormBoundsFor(c, precisionOf({ dtype }))[0]!;
        const ref = layerNormBoundsFor(c, precisionOf({ dtype }), undefined, 'reference')[0]!;
        fast.forEach((b, i) => {
          expect(b, `D = ${D}, i = ${i}`).toBeGreaterThanOrEqual(ref[i]!);
          expect(b, `D = ${D}, i = ${i}`).toBeLessThanOrEqual(ref[i]! * (1 + 1e-3));
        });
      }
    }
  });
});

/** Exact SDPA for a perfect-square d: rational scores, softmaxR, rational output bounds. */
function sdpaExact(q: number[][], k: number[][], v: number[][], causal: boolean): { scores: Rational[][]; probs: RBounds[][]; out: RBounds[][] } {
  const d = q[0]!.length, root = Rational.fromInt(Math.round(Math.sqrt(d)));
  const scores: Rational[][] = [], probs: RBounds[][] = [], out: RBounds[][] = [];
  for (let t = 0; t < q.length; t++) {
    const n = causal ? Math.min(t + 1, k.length) : k.length;
    const st = Array.from({ length: n }, (_, s) => q[t]!.reduce((acc, a, i) => acc.add(R(a).mul(R(k[s]![i]!))), Rational.ZERO).div(root));
    const pt = softmaxR(st, 64);
    const ot = v[0]!.map((_, c) => {
      let lo = Rational.ZERO, hi = Rational.ZERO;
      for (let s = 0; s < n; s++) {
        const y = R(v[s]![c]!);
        lo = lo.add(y.sign() >= 0 ? pt[s]!.lo.mul(y) : pt[s]!.hi.mul(y));
        hi = hi.add(y.sign() >= 0 ? pt[s]!.hi.mul(y) : pt[s]!.lo.mul(y));
      }
      return { lo, hi };
    });
    scores.push(st); probs.push(pt); out.push(ot);
  }
  return { scores, probs, out };
}

describe('attn.sdpa: fast tier ⊇ exact tier', () => {
  it('10,000 seeded cases (T, S ≤ 3, d ∈ {1, 4, 9, 16}, adversarial modes, causal or not)', () => {
    const r = rng(9);
    let fast = 0;
    for (let i = 0; i < 10000; i++) {
      const T = int(r, 1, 3), S = int(r, 1, 3), d = pick(r, [1, 4, 9, 16]), e = int(r, 1, 3), causal = r() < 0.3;
      const scale = pick(r, [1, 4, 16]);
      const mat = (rows: number, cols: number) => { const g = valueGen(r, pick(r, MODES), scale); return Array.from({ length: rows }, () => Array.from({ length: cols }, g)); };
      const q = mat(T, d), k = mat(S, d), v = mat(S, e);
      const a = sdpaEncloseArrays(q, k, v, causal);
      if (a === null) continue;
      fast++;
      const ex = sdpaExact(q, k, v, causal);
      const where = `q = ${JSON.stringify(q)}, k = ${JSON.stringify(k)}, v = ${JSON.stringify(v)}, causal = ${causal}`;
      for (let t = 0; t < T; t++) {
        for (let s = 0; s < a.allowed[t]!; s++) {
          expect(holdsPoint(a.scoreLo[t * S + s]!, a.scoreHi[t * S + s]!, ex.scores[t]![s]!), `score[${t}][${s}]: ${where}`).toBe(true);
          expect(holds(a.probLo[t * S + s]!, a.probHi[t * S + s]!, ex.probs[t]![s]!), `p[${t}][${s}]: ${where}`).toBe(true);
        }
        for (let c = 0; c < e; c++) {
          expect(holds(a.outLo[t * e + c]!, a.outHi[t * e + c]!, ex.out[t]![c]!), `out[${t}][${c}]: ${where}`).toBe(true);
        }
      }
    }
    expect(fast).toBeGreaterThan(5000); // factors outside [2^-480, 2^480] that are not float32 fall back
  });

  it('a realistic head uses the fast tier, agrees with the reference tier and is ≪ the float64 bound', () => {
    const r = rng(10);
    const T = 96, d = 64, e = 4;
    const m = (rows: number, cols: number, sc: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.fround((r() * 2 - 1) * sc)));
    const q = m(T, d, 1), k = m(T, d, 1), v = m(T, e, 4);
    for (const causal of [false, true]) {
      const enc = sdpaEnclosure(q, k, v, causal);
      expect(enc).toEqual(sdpaEnclosureFast(q, k, v, causal));
      const ref = sdpaEnclosureReference(q, k, v, causal);
      const meet = (a: { lo: number; hi: number }, b: { lo: number; hi: number }) => Math.max(a.lo, b.lo) <= Math.min(a.hi, b.hi);
      enc.out.forEach((row, t) => row.forEach((iv, c) => expect(meet(iv, ref.out[t]![c]!)).toBe(true)));
      enc.probs.forEach((row, t) => row.forEach((iv, s) => expect(meet(iv, ref.probs[t]![s]!)).toBe(true)));
      const { bounds } = sdpaBoundsP({ q, k, v, causal }, precisionOf({ dtype: 'float64' }), {}, enc);
      enc.out.forEach((row, t) => row.forEach((iv, c) => expect(iv.hi - iv.lo).toBeLessThanOrEqual(bounds[t]![c]! / 8)));
    }
  });
});
