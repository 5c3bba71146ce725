/**
 * norm.layernorm — γ(x − μ)/√(σ² + ε) + β (convention A) vs γ(x − μ)/(σ + ε) + β (convention B).
 * Seed 000_1c190711b4cfcedd.txt, line 473: "$$\text{LayerNorm}(x) = \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}} \cdot \gamma + \beta,$$"
 * Seed 003_c2e944a0f3874627.txt, line 492: "$$\text{LayerNorm} = \gamma \left(\frac{x - u}{\sigma + \epsilon} \right) + \beta$$"
 */

import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { layerNormEnclosure, rowStats, scaleFactors } from '../oracles/normalisation.js';
import { layerNormBound, meanBound, precisionOf } from '../numerics/bounds.js';
import { distanceToInterval } from '../numerics/enclose.js';
import { f32, f32Mixed, f32Scaled, matrix } from './arbitraries.js';

export interface LayerNormCase { x: number[][]; gamma: number[]; beta: number[]; eps: number }

export const layerNormArb: fc.Arbitrary<LayerNormCase> = fc.record({
  N: fc.integer({ min: 1, max: 3 }),
  D: fc.integer({ min: 1, max: 24 }),
  eps: fc.constantFrom(1e-5, 1e-3, 1e-2, 1e-12).map(Math.fround),
  spread: fc.constantFrom(1e-3, 1e-2, 1, 100),
  // Adversarial: a large common offset with a small spread (catastrophic cancellation in μ, σ²).
  offset: fc.constantFrom(0, 0, 0, 1000, 4096, -30000),
}).chain(({ N, D, eps, spread, offset }) => fc.record({
  x: matrix(N, D, fc.oneof(f32(spread), f32Scaled(-14, 0), f32Mixed(spread)).map((v) => Math.fround(offset + v))),
  gamma: fc.array(f32(2), { minLength: D, maxLength: D }),
  beta: fc.array(f32(2), { minLength: D, maxLength: D }),
  eps: fc.constant(eps),
}));

/** Per-entry float error bounds of layer norm on this input (derivation in `layerNormBound`). */
export function layerNormBounds(c: LayerNormCase, impl: Implementation): number[][] {
  const p = precisionOf(impl);
  return c.x.map((x) => {
    const D = x.length;
    const { mean, variance } = rowStats(x);
    const dMu = meanBound(D, x.reduce((s, v) => s + Math.abs(v), 0), p);
    const sigma2 = variance.toFloat64() * (1 + 2 ** -50);
    const se2 = variance.add(Rational.fromFloat64(c.eps)).toFloat64() * (1 - 2 ** -50);
    const absDev = x.map((v) => Rational.fromFloat64(v).sub(mean).abs().toFloat64() * (1 + 2 ** -50));
    return layerNormBound(D, dMu, sigma2, se2, absDev, c.gamma.map(Math.abs), c.beta.map(Math.abs), p);
  });
}

/**
 * Inputs for the shift property: entries m·2^e with |m| ≤ 255 and −10 ≤ e ≤ 0, so that adding an
 * integer |c| ≤ 8 is exact in float32 and the shifted row is the same mathematics.
 */
const shiftArb: fc.Arbitrary<{ c: LayerNormCase; shift: number }> = fc.record({
  D: fc.integer({ min: 2, max: 16 }),
  eps: fc.constantFrom(1e-5, 1e-3).map(Math.fround),
  shift: fc.integer({ min: -8, max: 8 }),
}).chain(({ D, eps, shift }) => fc.record({
  c: fc.record({
    x: matrix(1, D, f32Scaled(-10, 0)),
    gamma: fc.array(f32(2), { minLength: D, maxLength: D }),
    beta: fc.array(f32(2), { minLength: D, maxLength: D }),
    eps: fc.constant(eps),
  }),
  shift: fc.constant(shift),
}));

export function compareLayerNorm(c: LayerNormCase, got: number[][], impl: Implementation): Outcome {
  const all = layerNormBounds(c, impl);
  let worst = 0;
  for (let r = 0; r < c.x.length; r++) {
    const x = c.x[r]!;
    const D = x.length;
    const enc = layerNormEnclosure(x, c.gamma, c.beta, c.eps);
    const { variance } = rowStats(x);
    const bounds = all[r]!;
    for (let i = 0; i < D; i++) {
      const y = got[r]?.[i];
      if (typeof y !== 'number' || !Number.isFinite(y)) return { ok: false, ratio: Infinity, detail: `y[${r}][${i}] = ${y}` };
      const err = distanceToInterval(y, enc[i]!);
      const ratio = err === 0 ? 0 : err / bounds[i]!;
      worst = Math.max(worst, ratio);
      if (ratio > 1) {
        return { ok: false, ratio, detail: `y[${r}][${i}] = ${y}, exact ∈ [${enc[i]!.lo}, ${enc[i]!.hi}], distance ${err.toExponential(3)} > bound ${bounds[i]!.toExponential(3)} (σ² = ${variance.toDecimal(6)}, ε = ${c.eps})` };
      }
    }
  }
  return { ok: true, ratio: worst };
}

export const claim: ClaimModule = {
  id: 'norm.layernorm',
  properties: [
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'Convention A (ε inside the root, biased variance): every output within the bound derived for the run’s dtype from the enclosure.',
      arbitrary: layerNormArb,
      ops: ['norm.layernorm'],
      runs: 100,
      check: (c, impl) => compareLayerNorm(c, impl!.ops['norm.layernorm']!(c) as number[][], impl!),
    },
    {
      name: 'shift-invariance',
      kind: 'metamorphic',
      description: 'Adding an integer c to every entry of a row leaves LN unchanged in exact arithmetic: the implementation’s LN(x + c) and LN(x) differ by at most the sum of their two bounds.',
      arbitrary: shiftArb,
      ops: ['norm.layernorm'],
      runs: 40,
      check: ({ c, shift }, impl) => {
        const shifted: LayerNormCase = { ...c, x: c.x.map((row: number[]) => row.map((v: number) => v + shift)) };
        const a = impl!.ops['norm.layernorm']!(c) as number[][];
        const b = impl!.ops['norm.layernorm']!(shifted) as number[][];
        const ba = layerNormBounds(c, impl!), bb = layerNormBounds(shifted, impl!);
        let worst = 0;
        for (let r = 0; r < a.length; r++) for (let i = 0; i < a[r]!.length; i++) {
          const ratio = Math.abs(a[r]![i]! - b[r]![i]!) / (ba[r]![i]! + bb[r]![i]!);
          if (!(ratio <= 1)) return { ok: false, ratio, detail: `y[${r}][${i}]: ${a[r]![i]} vs ${b[r]![i]} after adding ${shift}` };
          worst = Math.max(worst, ratio);
        }
        return { ok: true, ratio: worst };
      },
    },
  ],
  audit: () => {
    const eps = Rational.parse('1e-5');
    const rows = ['0', '1e-4', '1e-3', '1e-2', '1e-1', '1'].map((s) => {
      const f = scaleFactors(Rational.parse(s), eps);
      return `σ = ${s}: 1/√(σ²+ε) ∈ [${f.inside.lo.toPrecision(8)}, ${f.inside.hi.toPrecision(8)}], 1/(σ+ε) ∈ [${f.outside.lo.toPrecision(8)}, ${f.outside.hi.toPrecision(8)}], ratio ≈ ${(f.outside.lo / f.inside.hi).toPrecision(4)}`;
    });
    return [
      {
        id: 'norm.layernorm',
        verdict: 'convention-dependent',
        evidence: `000:473 puts ε inside the root, 003:492 writes σ + ε; both use the biased 1/d variance. At ε = 10⁻⁵ (enclosed): ${rows.join('; ')}. ` +
          `They agree to about ε/σ relative when σ ≫ √ε ≈ 3.2·10⁻³ and differ by up to 1/√ε ≈ 316× as σ → 0. PyTorch nn.LayerNorm, Keras and ONNX use convention A.`,
      },
    ];
  },
};
