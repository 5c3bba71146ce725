/**
 * quant.affine-example — step 4 of the affine worked example: x̂ = s(q − z) with s = 6.9/255,
 * z = 85 and the notes' codes; every printed value is the two-decimal rounding of the exact one.
 * Seed 004_975819c312b074f9.txt, line 3474: "x_hat ≈ [0.49, -1.19, 1.14, 1.14, -0.70, 1.14, 0.00, 1.14, -2.30, 1.11]"
 */
import fc from 'fast-check';
import type { ClaimModule, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { dequantize } from '../oracles/quantisation.js';
import { dequantizeConformance } from './quant.affine-roundtrip.js';

const S = Rational.parse('6.9').div(Rational.of(255));
const Z = 85n;
const Q = [103n, 41n, 127n, 127n, 59n, 127n, 85n, 127n, 0n, 126n];
const PRINTED = ['0.49', '-1.19', '1.14', '1.14', '-0.70', '1.14', '0.00', '1.14', '-2.30', '1.11'];

/** Round to `d` decimals, half away from zero (as printed), exactly. */
function toDecimals(v: Rational, d: number): Rational {
  const f = Rational.of(10n ** BigInt(d));
  return Rational.of(v.mul(f).round('half-away'), 10n ** BigInt(d));
}

export function exampleOutcome(idx: number[]): Outcome {
  for (const i of idx) {
    const xh = dequantize(Q[i]!, { scale: S, zeroPoint: Z });
    const printed = Rational.parse(PRINTED[i]!);
    if (!toDecimals(xh, 2).eq(printed)) return { ok: false, detail: `q = ${Q[i]}: s(q − z) = ${xh.toDecimal(6)} rounds to ${toDecimals(xh, 2).toDecimal(2)}, printed ${PRINTED[i]}` };
  }
  return { ok: true };
}

/** The example's codes with the example's scale (rounded to the dtype) and z = 85, or a random code vector on [0, 255] with that scale. */
const dequantArb = fc.oneof(
  fc.constant({ q: Q.map(Number), scale: 6.9 / 255, zeroPoint: 85 }),
  fc.array(fc.integer({ min: -128, max: 255 }), { minLength: 1, maxLength: 10 }).map((q) => ({ q, scale: 6.9 / 255, zeroPoint: 85 })),
);

export const claim: ClaimModule = {
  id: 'quant.affine-example',
  properties: [
    {
      name: 'printed-values',
      kind: 'identity',
      description: 'Exact: each printed x̂ of 004:3474 is the two-decimal rounding of s(q − z) with s = 23/850, z = 85 (any subset of the ten entries).',
      arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 10 }),
      runs: 20,
      check: (idx) => exampleOutcome(idx),
    },
    {
      name: 'dequantize-example',
      kind: 'conformance',
      description: 'quant.dequantize on the example’s codes (and random codes) with s = fl(6.9/255), z = 85: within the derived dequantisation bound of ŝ(q − z).',
      arbitrary: dequantArb,
      ops: ['quant.dequantize'],
      runs: 20,
      check: (a, impl) => dequantizeConformance(a, impl!),
    },
  ],
  audit: () => {
    const xs = Q.map((q) => dequantize(q, { scale: S, zeroPoint: Z }));
    const ok = exampleOutcome(Q.map((_, i) => i)).ok;
    const e103 = dequantize(103n, { scale: S, zeroPoint: Z }), e41 = dequantize(41n, { scale: S, zeroPoint: Z });
    return [{
      id: 'quant.affine-example',
      verdict: ok ? 'confirmed' : 'refuted',
      evidence: `s = 6.9/255 = ${S}, z = 85 (the notes' own values): x̂(103) = 18s = ${e103.toDecimal(5)} ("0.487"), x̂(41) = −44s = ${e41.toDecimal(5)} ("−1.19"); ` +
        `s(q − z) = [${xs.map((v) => v.toDecimal(4)).join(', ')}], whose two-decimal roundings are the printed [${PRINTED.join(', ')}]${ok ? '' : ' — NOT all'}. ` +
        `(The saturated 1.14's come from the mixed convention refuted in quant.affine-roundtrip.)`,
    }];
  },
};
