/**
 * quant.type-table — integer type ranges [−2^{b−1}, 2^{b−1} − 1] and [0, 2^b − 1]; binary32 and
 * binary64 normal ranges. The notes' table (004:3398–3407) has Int8 −127…127, Int64 ending at a
 * negative number, and a double range 2.3E−308…1.7E+308 that leaves out normal doubles.
 * Seed 004_975819c312b074f9.txt, line 3400: "| Int8 | 1 byte | -127 to 127 |"
 */
import fc from 'fast-check';
import type { ClaimModule, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { FLOAT32, FLOAT64, type FloatFormat } from '../numerics/float-format.js';

export function rangeOutcome(a: { bits: number; signed: boolean; v: bigint }): Outcome {
  const b = BigInt(a.bits);
  const lo = a.signed ? -(1n << (b - 1n)) : 0n, hi = a.signed ? (1n << (b - 1n)) - 1n : (1n << b) - 1n;
  const fixed = (a.signed ? BigInt.asIntN(a.bits, a.v) : BigInt.asUintN(a.bits, a.v)) === a.v;
  const inside = a.v >= lo && a.v <= hi;
  return fixed === inside ? { ok: true } : { ok: false, detail: `${a.signed ? 'int' : 'uint'}${a.bits}: v = ${a.v} is ${fixed ? '' : 'not '}representable but ${inside ? 'inside' : 'outside'} [${lo}, ${hi}]` };
}

const rangeArb = fc.record({ bits: fc.integer({ min: 1, max: 64 }), signed: fc.boolean(), off: fc.integer({ min: -3, max: 3 }), end: fc.constantFrom('lo', 'hi', 'any'), any: fc.bigInt({ min: -(1n << 65n), max: 1n << 65n }) })
  .map(({ bits, signed, off, end, any }) => {
    const b = BigInt(bits);
    const lo = signed ? -(1n << (b - 1n)) : 0n, hi = signed ? (1n << (b - 1n)) - 1n : (1n << b) - 1n;
    return { bits, signed, v: end === 'lo' ? lo + BigInt(off) : end === 'hi' ? hi + BigInt(off) : any };
  });

/** Smallest positive normal and largest finite of a format, exactly. */
export function formatEnds(f: FloatFormat): { minNormal: Rational; max: Rational } {
  const two = Rational.of(2);
  return { minNormal: two.pow(f.emin), max: two.sub(two.pow(1 - f.precision)).mul(two.pow(f.emax)) };
}

const dec = (s: string) => Rational.parse(s);

export const claim: ClaimModule = {
  id: 'quant.type-table',
  properties: [
    {
      name: 'integer-ranges',
      kind: 'identity',
      description: 'Exact: for b = 1…64, v is a fixed point of BigInt.asIntN(b, ·) (asUintN) iff −2^{b−1} ≤ v ≤ 2^{b−1} − 1 (0 ≤ v ≤ 2^b − 1), at both ends ±3 and anywhere.',
      arbitrary: rangeArb,
      runs: 100,
      check: (a) => rangeOutcome(a),
    },
    {
      name: 'float-ends',
      kind: 'identity',
      description: 'Exact: the smallest normal and largest finite binary32/binary64 values from the exponent ranges equal the JavaScript constants (2^−1022, Number.MAX_VALUE, Math.fround’s 2^−126 and 3.4028234663852886e38).',
      arbitrary: fc.constantFrom(FLOAT32, FLOAT64),
      runs: 4,
      check: (f) => {
        const e = formatEnds(f);
        const js = f === FLOAT64 ? { minNormal: 2 ** -1022, max: Number.MAX_VALUE } : { minNormal: Math.fround(2 ** -126), max: 3.4028234663852886e38 };
        return e.minNormal.eq(Rational.fromFloat64(js.minNormal)) && e.max.eq(Rational.fromFloat64(js.max)) ? { ok: true } : { ok: false, detail: `${f.name}: ends ${e.minNormal.toFloat64()}, ${e.max.toFloat64()}` };
      },
    },
  ],
  audit: () => {
    const f32 = formatEnds(FLOAT32), f64 = formatEnds(FLOAT64);
    const int8ok = rangeOutcome({ bits: 8, signed: true, v: -128n }).ok && BigInt.asIntN(8, -128n) === -128n;
    const dblLoOk = dec('2.3e-308').le(f64.minNormal), dblHiOk = dec('1.7e308').ge(f64.max);
    const fltLo = f32.minNormal.toDecimal(5), fltHi = f32.max.toDecimal(5);
    return [{
      id: 'quant.type-table',
      verdict: 'refuted',
      evidence: `Int8 is [−128, 127] (−128 = BigInt.asIntN(8, −128n) is representable: ${int8ok}), not −127 to 127 (004:3400); Int64 is printed as −9223372036854775808 to −9223372036854775807 (004:3404): the upper end is +${(1n << 63n) - 1n}. ` +
        `Double "2.3E-308 to 1.7E+308" (004:3407): the smallest normal double is 2^−1022 ≈ ${f64.minNormal.toDecimal(5)} (stated lower end covers it: ${dblLoOk}) and the largest ≈ ${f64.max.toDecimal(5)} (stated upper end covers it: ${dblHiOk}). ` +
        `Right: UInt8 [0, 255], Int32, UInt32 [0, ${(1n << 32n) - 1n}], UInt64 [0, ${(1n << 64n) - 1n}], Float ${fltLo} to ${fltHi} ("1.2E-38 to 3.4E+38").`,
    }];
  },
};
