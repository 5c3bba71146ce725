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
import { precisionOf } from '../numerics/bounds.js';
import { convFilterGradBound } from '../numerics/bounds-grad.js';
import { conv2dExact, convAxis, convFilterGradExact, convLoss, type Padding } from '../oracles/convolution.js';
import { f32, f32Mixed, matrix, smallRational } from './arbitraries.js';

export interface ConvGradCase { x: number[][]; dy: number[][]; kernel: [number, number]; stride: number; padding: Padding }

export const convGradArb: fc.Arbitrary<ConvGradCase> = fc.record({
  H: fc.integer({ min: 1, max: 8 }), W: fc.integer({ min: 1, max: 8 }),
  kh: fc.integer({ min: 1, max: 4 }), kw: fc.integer({ min: 1, max: 4 }),
  stride: fc.constantFrom(1, 1, 2, 3),
  padding: fc.constantFrom<Padding>('valid', 'valid', 'same'),
  scale: fc.constantFrom(1, 100, 1e-3),
}).filter((a) => a.padding === 'same' || (a.kh <= a.H && a.kw <= a.W)).chain((a) => {
  const oh = convAxis(a.H, a.kh, a.stride, a.padding).out, ow = convAxis(a.W, a.kw, a.stride, a.padding).out;
  return fc.record({
    x: matrix(a.H, a.W, f32Mixed(a.scale)),
    dy: matrix(oh, ow, fc.oneof(f32(1), f32Mixed(10))),
    kernel: fc.constant<[number, number]>([a.kh, a.kw]),
    stride: fc.constant(a.stride),
    padding: fc.constant(a.padding),
  });
});

const Q = (m: number[][]) => m.map((r) => r.map((v) => Rational.fromFloat64(v)));

/** Exact dW and its per-entry float bound for an implementation's precision. */
export function convGradExpected(c: ConvGradCase, p = precisionOf({ dtype: 'float32' })): { dW: Rational[][]; bound: number[][] } {
  const { dW, terms, sumAbs } = convFilterGradExact(Q(c.x), Q(c.dy), c.kernel[0], c.kernel[1], c.stride, c.padding);
  return { dW, bound: terms.map((r, h) => r.map((k, l) => convFilterGradBound(k, sumAbs[h]![l]!.toFloat64() * (1 + 2 ** -50), p))) };
}

export function checkConvGrad(c: ConvGradCase, got: number[][], impl: Implementation): Outcome {
  const { dW, bound } = convGradExpected(c, precisionOf(impl));
  let worst = 0;
  for (let h = 0; h < dW.length; h++) for (let l = 0; l < dW[0]!.length; l++) {
    const g = got?.[h]?.[l];
    if (typeof g !== 'number' || !Number.isFinite(g)) return { ok: false, ratio: Infinity, detail: `dW[${h}][${l}] = ${g}` };
    const err = Rational.fromFloat64(g).sub(dW[h]![l]!).abs().toFloat64() * (1 + 2 ** -50);
    const b = bound[h]![l]!;
    const ratio = err === 0 ? 0 : err / b;
    if (!(ratio <= 1)) return { ok: false, ratio, detail: `dW[${h}][${l}] = ${g}, exact ${dW[h]![l]!.toDecimal(12)}, |error| ${err.toExponential(3)} > bound ${b.toExponential(3)} (kernel ${c.kernel}, stride ${c.stride}, ${c.padding})` };
    worst = Math.max(worst, ratio);
  }
  return { ok: true, ratio: worst };
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
      description: 'The implementation’s filter gradient (tfjs: tf.grad of Σ conv2d(x, W) ⊙ dy w.r.t. W) is within γ_k Σ|x·dy| of the exact cross-correlation, per entry.',
      arbitrary: convGradArb,
      ops: ['cnn.conv2d-filter-grad'],
      runs: 60,
      check: (c, impl) => checkConvGrad(c, impl!.ops['cnn.conv2d-filter-grad']!(c) as number[][], impl!),
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
