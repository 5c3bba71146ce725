/**
 * cnn.dW — for y_{i,j} = Σ_h Σ_l x_{i+h−1, j+l−1} w_{h,l} (valid, stride 1, one channel) and
 * dy_{i,j} = ∂L/∂y_{i,j}: dW_{h,l} = Σ_{i,j} x_{i+h−1, j+l−1} dy_{i,j}, i.e. dW = X ⋆ dY.
 * Seed 002_606757b0cdfd2eb0.txt, line 374: "dW_{h,l} = \sum_{i=1}^m \sum_{j=1}^m x_{ith-1, j+l-1} dy_{i,j} \Rightarrow dW = X * dY"
 * Conformance: tfjs autodiff (tf.grad of Σ conv2d(x, W) ⊙ dy w.r.t. W, the Conv2DBackpropFilter
 * kernel; on wasm routed to the cpu backend) vs the exact rational cross-correlation, within the
 * dot-product bound γ_k Σ|x·dy| (src/numerics/bounds-grad.ts).
 */

import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { precisionOf, SAFETY, type Precision } from '../numerics/bounds.js';
import { fft2dConvBound } from '../numerics/bounds-fft.js';
import { convFilterGradBound } from '../numerics/bounds-grad.js';
import { conv2dExact, convAxis, convFilterGradExact, convFilterGradFloat, convLoss, type Padding } from '../oracles/convolution.js';
import { classes, sizeUpTo, f64Full, f32Block, castFloats, type Tagged, fixedArray } from './gen-helpers.js';
import { f32, f32Mixed, matrix, smallRational } from './arbitraries.js';

export interface ConvGradCase { x: number[][]; dy: number[][]; kernel: [number, number]; stride: number; padding: Padding }

interface Shape { H: number; W: number; kh: number; kw: number; stride: number; padding: Padding }
const shapeOk = (a: Shape) => a.padding === 'same' || (a.kh <= a.H && a.kw <= a.W);
const withValues = (a: Shape, xEl: fc.Arbitrary<number>, dyEl: fc.Arbitrary<number>): fc.Arbitrary<ConvGradCase> => {
  const oh = convAxis(a.H, a.kh, a.stride, a.padding).out, ow = convAxis(a.W, a.kw, a.stride, a.padding).out;
  return fc.record({
    x: matrix(a.H, a.W, xEl), dy: matrix(oh, ow, dyEl),
    kernel: fc.constant<[number, number]>([a.kh, a.kw]), stride: fc.constant(a.stride), padding: fc.constant(a.padding),
  });
};
const d = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });
const pad = fc.constantFrom<Padding>('valid', 'valid', 'same');

/** The largest input side the generators produce (reached in the realistic class). */
export const DW_MAX_SIDE = 64;

/**
 * Input classes of `cnn.conv2d-filter-grad` (weights /20):
 * - small: H, W 1–8, kh, kw 1–4, stride ∈ {1, 2, 3}, valid/same, x of scale 1, 100 or 10⁻³ (mixed magnitudes);
 * - realistic: H, W 16–64 (64 reached), kernels 3, 5, 7 or 11 (square), stride 1–4, valid/same;
 * - stride-over-kernel: stride > kh, kw (rows and columns of x skipped);
 * - kernel-equals-input: valid padding with kh = H, kw = W (one output; dW = dy·x);
 * - one-by-one: 1×1 kernels, stride 1–3;
 * - float64-only: H, W 2–10, full 53-bit x and dy (rounded in float32 runs).
 */
export const convGradArb: fc.Arbitrary<Tagged<ConvGradCase>> = classes<ConvGradCase>([
  {
    name: 'small', weight: 7,
    arb: fc.record({ H: d(1, 8), W: d(1, 8), kh: d(1, 4), kw: d(1, 4), stride: fc.constantFrom(1, 1, 2, 3), padding: pad, scale: fc.constantFrom(1, 100, 1e-3) })
      .filter(shapeOk).chain((a) => withValues(a, f32Mixed(a.scale), fc.oneof(f32(1), f32Mixed(10)))),
  },
  {
    name: 'realistic', weight: 2,
    arb: fc.record({ H: sizeUpTo(16, DW_MAX_SIDE, 3), W: sizeUpTo(16, DW_MAX_SIDE, 3), k: fc.constantFrom(3, 5, 7, 11), stride: d(1, 4), padding: pad })
      .map(({ k, ...a }) => ({ ...a, kh: k, kw: k })).filter(shapeOk).chain((a) => {
        // x and dy from seeded blocks: realistic inputs shrink through the seed and shape only
        const oh = convAxis(a.H, a.kh, a.stride, a.padding).out, ow = convAxis(a.W, a.kw, a.stride, a.padding).out;
        const mat = (r: number, c: number) => f32Block(r * c, 1).map((v) => Array.from({ length: r }, (_, i) => v.slice(i * c, (i + 1) * c)));
        return fc.record({ x: mat(a.H, a.W), dy: mat(oh, ow), kernel: fc.constant<[number, number]>([a.kh, a.kw]), stride: fc.constant(a.stride), padding: fc.constant(a.padding) });
      }),
  },
  {
    name: 'stride-over-kernel', weight: 3,
    arb: fc.record({ H: d(3, 16), W: d(3, 16), kh: d(1, 3), kw: d(1, 3), extra: d(1, 3), padding: pad })
      .map(({ extra, ...a }) => ({ ...a, stride: Math.max(a.kh, a.kw) + extra })).filter(shapeOk).chain((a) => withValues(a, f32Mixed(4), f32(2))),
  },
  {
    name: 'kernel-equals-input', weight: 2,
    arb: fc.record({ H: d(1, 8), W: d(1, 8), stride: d(1, 3) }).map((a) => ({ ...a, kh: a.H, kw: a.W, padding: 'valid' as Padding }))
      .chain((a) => withValues(a, f32Mixed(4), f32(2))),
  },
  {
    name: 'one-by-one', weight: 2,
    arb: fc.record({ H: d(1, 12), W: d(1, 12), stride: d(1, 3), padding: pad }).map((a) => ({ ...a, kh: 1, kw: 1 })).chain((a) => withValues(a, f32Mixed(4), f32(2))),
  },
  {
    name: 'float64-only', weight: 4,
    arb: fc.record({ H: d(2, 10), W: d(2, 10), kh: d(1, 4), kw: d(1, 4), stride: d(1, 2), padding: pad }).filter(shapeOk)
      .chain((a) => withValues(a, f64Full(-3, 2), f64Full(-3, 1))),
  },
]);

/** The args of a generated case in the run's dtype. */
export const convGradArgs = (c: ConvGradCase, dtype: 'float32' | 'float64'): ConvGradCase =>
  castFloats({ x: c.x, dy: c.dy, kernel: c.kernel, stride: c.stride, padding: c.padding }, dtype);

/**
 * Exact dW and its per-entry bound for an implementation's precision. Default algorithms (spec/ops.md): any
 * direct summation — the autodiff backward kernel, loops in any order, im2col + GEMM (padding zeros add exact
 * zeros: x + 0 is exact, so only the k covered pairs round) — each entry one dot product of its k pairs:
 * |dŴ − dW| ≤ γ_k Σ|x·dy| + 2k·tiny (Higham (3.5), `convFilterGradBound`). Declared algorithm `fft`: the 2-D
 * cross-correlation by FFTs in the working precision, a normwise bound (src/numerics/bounds-fft.ts) with a
 * 2-D transform error α = (1 + α_{Nh})(1 + α_{Nw}) − 1 (row and column passes), transform lengths up to 4× the input.
 */
export function convGradExpected(c: ConvGradCase, p = precisionOf({ dtype: 'float32' }), algorithm?: string): { dW: Rational[][]; bound: number[][] } {
  const { dW, terms, sumAbs } = convFilterGradFloat(c.x, c.dy, c.kernel[0], c.kernel[1], c.stride, c.padding);
  if (algorithm === 'fft') {
    const l2 = (m: number[][]) => Math.sqrt(m.flat().reduce((s, v) => s + v * v, 0)) * (1 + 2 ** -40);
    const l1 = (m: number[][]) => m.flat().reduce((s, v) => s + Math.abs(v), 0) * (1 + 2 ** -40);
    const H = c.x.length, W = c.x[0]!.length;
    const Nh = 4 * Math.max(H, 1), Nw = 4 * Math.max(W, 1);
    const norms = { k2: l2(c.x), kSup: l1(c.x), u2: l2(c.dy), uSup: l1(c.dy) };
    const B = fft2dConvBound(norms, Nh, Nw, p);
    return { dW, bound: dW.map((r) => r.map((q) => (B + p.u * (Math.abs(q.toFloat64()) + B) + p.tiny) * SAFETY)) };
  }
  return { dW, bound: terms.map((r, h) => r.map((k, l) => convFilterGradBound(k, sumAbs[h]![l]!, p))) };
}

/** The algorithm an implementation declares for the op in its profile (default: direct summation). */
const declared = (impl: Implementation, op: string): string | undefined =>
  (impl.profile as { algorithms?: Record<string, string> } | undefined)?.algorithms?.[op];

/** Conformance of `cnn.conv2d-filter-grad` on one generated case (cast to the run's dtype). */
export function checkConvGradCase(c0: ConvGradCase, impl: Implementation): Outcome {
  const c = convGradArgs(c0, impl.dtype);
  return checkConvGrad(c, impl.ops['cnn.conv2d-filter-grad']!(c) as number[][], impl);
}

export function checkConvGrad(c: ConvGradCase, got: number[][], impl: Implementation): Outcome {
  const p = precisionOf(impl);
  const alg = declared(impl, 'cnn.conv2d-filter-grad');
  const { dW, bound } = convGradExpected(c, p, alg);
  const prob = alg === 'fft' ? null : convFilterGradExpectedProb(c, p);
  let worst = 0, worstProb = 0;
  for (let h = 0; h < dW.length; h++) for (let l = 0; l < dW[0]!.length; l++) {
    const g = got?.[h]?.[l];
    if (typeof g !== 'number' || !Number.isFinite(g)) return { ok: false, ratio: Infinity, detail: `dW[${h}][${l}] = ${g}` };
    const err = Rational.fromFloat64(g).sub(dW[h]![l]!).abs().toFloat64() * (1 + 2 ** -50);
    const b = bound[h]![l]!;
    const ratio = err === 0 ? 0 : err / b;
    if (prob) worstProb = Math.max(worstProb, err === 0 ? 0 : err / prob[h]![l]!);
    if (!(ratio <= 1)) return { ok: false, ratio, detail: `dW[${h}][${l}] = ${g}, exact ${dW[h]![l]!.toDecimal(12)}, |error| ${err.toExponential(3)} > bound ${b.toExponential(3)} (input ${c.x.length}×${c.x[0]!.length}, kernel ${c.kernel}, stride ${c.stride}, ${c.padding}${alg ? `, declared algorithm ${alg}` : ''})` };
    worst = Math.max(worst, ratio);
  }
  return { ok: true, ratio: worst, ...(prob ? { probRatio: worstProb } : {}) };
}

/** The probabilistic tier (Higham & Mary 2019, Thm 2.4, λ = 6): λ√k·u·Σ|x·dy| per entry instead of γ_k. */
function convFilterGradExpectedProb(c: ConvGradCase, p: Precision): number[][] {
  const { terms, sumAbs } = convFilterGradFloat(c.x, c.dy, c.kernel[0], c.kernel[1], c.stride, c.padding);
  return terms.map((r, h) => r.map((k, l) => Math.min(convFilterGradBound(k, sumAbs[h]![l]!, p), 6 * Math.sqrt(k) * p.u * sumAbs[h]![l]! + 2 * k * p.tiny)));
}

const exactArb = fc.record({
  H: fc.integer({ min: 1, max: 5 }), W: fc.integer({ min: 1, max: 5 }),
  kh: fc.integer({ min: 1, max: 3 }), kw: fc.integer({ min: 1, max: 3 }),
  stride: fc.constantFrom(1, 2), padding: fc.constantFrom<Padding>('valid', 'same'),
}).filter((a) => a.padding === 'same' || (a.kh <= a.H && a.kw <= a.W)).chain((a) => {
  const oh = convAxis(a.H, a.kh, a.stride, a.padding).out, ow = convAxis(a.W, a.kw, a.stride, a.padding).out;
  const m = (r: number, c: number) => fc.array(fc.array(smallRational(9, 4), { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
  return fc.record({ x: m(a.H, a.W), w: m(a.kh, a.kw), dy: m(oh, ow), stride: fc.constant(a.stride), padding: fc.constant(a.padding) });
});

export const claim: ClaimModule = {
  id: 'cnn.dW',
  properties: [
    {
      name: 'unit-differences',
      kind: 'identity',
      description: 'L(W) = Σ dy ⊙ conv(x, W) is linear in W, so L(W + E_{hl}) − L(W) is ∂L/∂w_{hl} exactly: it equals the cross-correlation Σ_{i,j} x_{iS+h−p, jS+l−q} dy_{i,j} (any stride, valid/same padding), and for valid stride 1 it is the valid cross-correlation of X with dY (dW = X ⋆ dY).',
      arbitrary: exactArb,
      runs: 80,
      check: ({ x, w, dy, stride, padding }) => {
        const kh = w.length, kw = w[0]!.length;
        const { dW } = convFilterGradExact(x, dy, kh, kw, stride, padding);
        const L0 = convLoss(x, w, dy, stride, padding);
        for (let h = 0; h < kh; h++) for (let l = 0; l < kw; l++) {
          const w1 = w.map((r: Rational[], a: number) => r.map((v: Rational, b: number) => (a === h && b === l ? v.add(Rational.ONE) : v)));
          const d = convLoss(x, w1, dy, stride, padding).sub(L0);
          if (!d.eq(dW[h]![l]!)) return { ok: false, detail: `dW[${h}][${l}]: difference ${d} ≠ cross-correlation ${dW[h]![l]}` };
        }
        if (stride === 1 && padding === 'valid') {
          const xc = conv2dExact(x, dy, 1, 'valid');
          if (!xc.every((r, h) => r.every((v, l) => v.eq(dW[h]![l]!)))) return { ok: false, detail: 'dW ≠ X ⋆ dY' };
        }
        return { ok: true };
      },
    },
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation’s filter gradient (tfjs: tf.grad of Σ conv2d(x, W) ⊙ dy w.r.t. W; small, realistic up to 64×64 with 11×11 kernels, stride > kernel, kernel = input, 1×1 and float64-only classes) is within γ_k Σ|x·dy| of the exact cross-correlation per entry (any summation order, im2col + GEMM), or within the FFT bound when the implementation declares the `fft` algorithm.',
      arbitrary: convGradArb,
      ops: ['cnn.conv2d-filter-grad'],
      runs: 60,
      check: (c, impl) => checkConvGradCase(c, impl!),
    },
  ],
  audit: () => {
    const x = [[1, 2, 0], [-1, 3, 1], [2, 0, -2]].map((r) => r.map((v) => Rational.fromInt(v)));
    const dy = [[1, 2], [-1, 1]].map((r) => r.map((v) => Rational.fromInt(v)));
    const { dW } = convFilterGradExact(x, dy, 2, 2, 1, 'valid');
    const w = [[0, 0], [0, 0]].map((r) => r.map((v) => Rational.fromInt(v)));
    const L0 = convLoss(x, w, dy, 1, 'valid');
    const diffs = [0, 1].map((h) => [0, 1].map((l) => convLoss(x, w.map((r, a) => r.map((v, b) => (a === h && b === l ? Rational.ONE : v))), dy, 1, 'valid').sub(L0)));
    const ok = diffs.every((r, h) => r.every((d, l) => d.eq(dW[h]![l]!)));
    const fmt = (m: Rational[][]) => '[' + m.map((r) => r.join(', ')).join('; ') + ']';
    return [
      {
        id: 'cnn.dW',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `dW_{h,l} = Σ_{i,j} x_{i+h−1,j+l−1} dy_{i,j} (002:374) is the exact gradient: n = 3, k = 2, X = ${fmt(x)}, dY = ${fmt(dy)} give ` +
          `dW = X ⋆ dY = ${fmt(dW)}, equal to the exact unit differences L(W + E_{hl}) − L(W) = ${fmt(diffs)} (L is linear in W). ` +
          `"*" must be read as cross-correlation (as in y = X * w, 002:366), not flipped convolution. The subscript "x_{ith−1}" (002:366, 372, 374) is a typo for x_{i+h−1}, ` +
          `and 002:372 writes the partial ∂y_{i,j}/∂w_{h,l} = x_{i+h−1,j+l−1} as the value of the whole sum.`,
      },
    ];
  },
};
