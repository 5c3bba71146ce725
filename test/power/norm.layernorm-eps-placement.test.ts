/**
 * Acceptance (issue 10): layer norm with ε outside the square root, (x − μ)/(σ + ε), is caught at
 * D = 4096 with σ ≈ 1 — where the worst-case conformance bound (≈ D·u, and wider still because it
 * covers Welford's moments) cannot see a convention difference of size ε/2.
 *
 * Two rows of width 4096: an exact-friendly one (integers ±1 and two zeros, mean 0, σ² = 1 − 2⁻¹¹,
 * ε = 2⁻¹¹ so that σ² + ε = 1 exactly), on which the two-pass and fused algorithms err only in their
 * last roundings, and a realistic one (float32 values in ±2, ε = 10⁻⁵). The scale-covariance
 * property LN(2^j x; 4^j ε) = LN(x; ε) — exact for every algorithm built from +, −, ×, ÷, √ — fails
 * the bug on both and passes the two-pass, Welford and PyTorch-style fused algorithms.
 */
import { describe, it, expect } from 'vitest';
import type { Implementation } from '../../src/registry/types.js';
import { compareLayerNorm, checkLayerNormScale, layerNormBoundsFor, type LayerNormCase } from '../../src/properties/norm.layernorm.js';
import { layerNormEnclosure } from '../../src/oracles/normalisation.js';
import { precisionOf } from '../../src/numerics/bounds.js';
import { distanceToInterval } from '../../src/numerics/enclose.js';

type Dt = 'float32' | 'float64';
const R = { float32: (x: number) => Math.fround(x), float64: (x: number) => x };
type Row = (row: number[], r: (v: number) => number) => { mean: number; variance: number };

const twoPass: Row = (row, r) => {
  let s = 0;
  for (const v of row) s = r(s + v);
  const mean = r(s / row.length);
  let q = 0;
  for (const v of row) { const d = r(v - mean); q = r(q + r(d * d)); }
  return { mean, variance: r(q / row.length) };
};
const welford: Row = (row, r) => {
  let m = 0, s = 0;
  row.forEach((v, i) => { const d = r(v - m); m = r(m + r(d / (i + 1))); s = r(s + r(d * r(v - m))); });
  return { mean: m, variance: r(s / row.length) };
};

type Form = 'divide' | 'fused' | 'eps-outside';
function layerNorm(c: LayerNormCase, dtype: Dt, moments: Row, form: Form): number[][] {
  const r = R[dtype];
  return c.x.map((row) => {
    const { mean, variance } = moments(row, r);
    if (form === 'fused') {
      const rstd = r(1 / r(Math.sqrt(r(variance + c.eps))));
      const bias = r(-rstd * mean);
      return row.map((v, i) => r(r(r(r(v * rstd) + bias) * c.gamma[i]!) + c.beta[i]!));
    }
    const s = form === 'divide' ? r(Math.sqrt(r(variance + c.eps))) : r(r(Math.sqrt(variance)) + c.eps);
    return row.map((v, i) => r(r(c.gamma[i]! * r(r(v - mean) / s)) + c.beta[i]!));
  });
}
const implOf = (dtype: Dt, moments: Row, form: Form): Implementation =>
  ({ name: form, dtype, notes: [], ops: { 'norm.layernorm': (c: LayerNormCase) => layerNorm(c, dtype, moments, form) }, profile: { elementaryUlps: 1 } });

const D = 4096;
// exact-friendly: 2047 × (+1), 2047 × (−1), two zeros: mean 0, σ² = 4094/4096 = 1 − 2⁻¹¹, ε = 2⁻¹¹, σ² + ε = 1
const friendly: LayerNormCase = {
  x: [Array.from({ length: D }, (_, i) => (i < 2 ? 0 : i % 2 === 0 ? 1 : -1))],
  gamma: Array.from({ length: D }, () => 1), beta: Array.from({ length: D }, () => 0), eps: 2 ** -11,
};
// realistic: seeded float32 values in ±2 (σ ≈ 1.15), ε = 1e-5
let seed = 12345;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
const realistic: LayerNormCase = {
  x: [Array.from({ length: D }, () => Math.fround(rnd() * 4 - 2))],
  gamma: Array.from({ length: D }, () => Math.fround(0.5 + rnd())), beta: Array.from({ length: D }, () => Math.fround(rnd() - 0.5)), eps: Math.fround(1e-5),
};

describe('ε outside the square root at D = 4096, σ ≈ 1', () => {
  for (const dtype of ['float32', 'float64'] as Dt[]) {
    it(`${dtype}: the scale-covariance property catches it (float32: where the worst-case conformance bound cannot)`, () => {
      const bug = implOf(dtype, twoPass, 'eps-outside');
      for (const c of [friendly, realistic]) {
        // float32: conformance alone passes the bug, the difference (≈ ε/2 relative) is below the bound covering every
        // algorithm (≈ D·u and more for Welford); float64: D·u ≈ 5·10⁻¹³ is small enough for conformance to catch it too
        expect(compareLayerNorm(c, bug.ops['norm.layernorm']!(c), bug).ok).toBe(dtype === 'float32');
        for (const j of [4, 7, 10]) {
          const o = checkLayerNormScale(c, j, bug);
          expect(o.ok, `j = ${j}`).toBe(false);
          expect(o.ratio!).toBeGreaterThan(10);
        }
      }
    });
    it(`${dtype}: two-pass, Welford and fused layer norms pass both properties`, () => {
      for (const [moments, form] of [[twoPass, 'divide'], [welford, 'divide'], [welford, 'fused'], [twoPass, 'fused']] as [Row, Form][]) {
        const impl = implOf(dtype, moments, form);
        for (const c of [friendly, realistic]) {
          expect(compareLayerNorm(c, impl.ops['norm.layernorm']!(c), impl).ok).toBe(true);
          for (const j of [4, 7, 10]) expect(checkLayerNormScale(c, j, impl).ok).toBe(true);
        }
      }
    });
  }
  it('exact-friendly row: the two-pass and fused algorithms err only in their last roundings', () => {
    for (const dtype of ['float32', 'float64'] as Dt[]) {
      const u = dtype === 'float32' ? 2 ** -24 : 2 ** -53;
      const enc = layerNormEnclosure(friendly.x[0]!, friendly.gamma, friendly.beta, friendly.eps);
      for (const form of ['divide', 'fused'] as Form[]) {
        const y = layerNorm(friendly, dtype, twoPass, form)[0]!;
        // σ² + ε = 1: every output is ±1 or 0 exactly
        y.forEach((v, i) => expect(distanceToInterval(v, enc[i]!)).toBeLessThanOrEqual(3 * u));
      }
      // the worst-case bound there is orders of magnitude wider (it must cover Welford)
      expect(Math.max(...layerNormBoundsFor(friendly, precisionOf({ dtype }))[0]!)).toBeGreaterThan(1000 * u);
    }
  });
});
