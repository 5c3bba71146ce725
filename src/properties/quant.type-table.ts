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
import { MINIFLOATS, miniDecode, miniMaxCode, miniNanCodes, type MiniFloatName } from '../oracles/quantisation.js';
import { castFloat8Arb, castFloat4Arb, exhaustiveCase, FLOAT8_FORMATS, castFloat8Conformance, castFloat4Conformance, decodeAllOutcome, quantizeFloat8Arb, quantizeFloat8Conformance, dequantizeFloat8Arb, dequantizeFloat8Conformance } from './quant.minifloat.js';

/** The published ends of the float8/float4 formats (ONNX docs/technical/float8.md, float4.md): largest finite, smallest subnormal, NaN codes, ∞. */
const MINI_TABLE: Record<MiniFloatName, { max: string; minSub: string; nans: number; inf: boolean }> = {
  E4M3FN: { max: '448', minSub: '1/512', nans: 2, inf: false },
  E4M3FNUZ: { max: '240', minSub: '1/1024', nans: 1, inf: false },
  E5M2: { max: '57344', minSub: '1/65536', nans: 6, inf: true },
  E5M2FNUZ: { max: '57344', minSub: '1/131072', nans: 1, inf: false },
  E2M1: { max: '6', minSub: '1/2', nans: 0, inf: false },
};

export function miniTableOutcome(name: MiniFloatName): Outcome {
  const f = MINIFLOATS[name], t = MINI_TABLE[name];
  const max = miniDecode(f, miniMaxCode(f)), sub = miniDecode(f, 1);
  const infs = Array.from({ length: name === 'E2M1' ? 16 : 256 }, (_, c) => miniDecode(f, c)).filter((d) => d.kind === 'inf').length;
  const ok = max.kind === 'finite' && max.value.eq(Rational.parse(t.max)) && sub.kind === 'finite' && sub.value.eq(Rational.parse(t.minSub)) &&
    miniNanCodes(f).length === t.nans && (infs === 2) === t.inf && (t.inf || infs === 0);
  if (!ok) return { ok: false, detail: `${name}: max ${max.kind === 'finite' ? max.value : max.kind}, min subnormal ${sub.kind === 'finite' ? sub.value : sub.kind}, ${miniNanCodes(f).length} NaN codes, ${infs} infinities; published ${JSON.stringify(t)}` };
  return decodeAllOutcome(name);
}

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
    {
      name: 'minifloat-decode-all',
      kind: 'identity',
      description: 'Exact, every code of E4M3FN, E4M3FNUZ, E5M2, E5M2FNUZ (256 each) and E2M1 (16): the decoded largest finite value, smallest subnormal, NaN and ∞ codes match the published tables, and every non-NaN code decodes to a value that the cast oracle encodes back to that code.',
      arbitrary: fc.constantFrom<MiniFloatName>('E4M3FN', 'E4M3FNUZ', 'E5M2', 'E5M2FNUZ', 'E2M1'),
      runs: 10,
      check: (name) => miniTableOutcome(name),
    },
    {
      name: 'cast-float8-exhaustive',
      kind: 'conformance',
      description: 'quant.cast-float8, exhaustively per format and saturate flag: every level (both signs), every midpoint between neighbours (incl. 0…min subnormal and max…next), the float32 and float64 neighbours of every midpoint, ±∞, huge values, NaN, ±0 and tiny values — each code equal to the exact oracle (0 codes of slack; any NaN code for NaN).',
      arbitrary: castFloat8Arb,
      runs: 1,
      ops: ['quant.cast-float8'],
      // the sampled case, then every other format × saturate flag (the set is exhaustive, not sampled)
      check: (a, impl) => {
        for (const c of [a, ...FLOAT8_FORMATS.flatMap((f) => [exhaustiveCase(f, true), exhaustiveCase(f, false)])]) {
          const r = castFloat8Conformance(c, impl!);
          if (!r.ok) return r;
        }
        return { ok: true };
      },
    },
    {
      name: 'cast-float4-exhaustive',
      kind: 'conformance',
      description: 'quant.cast-float4 (E2M1), exhaustively: every level, every midpoint (0.25 … 5, and 7 above 6) and their neighbours, ±∞, huge values, ±0 — each code equal to the exact oracle (saturating; ties to even).',
      arbitrary: castFloat4Arb,
      runs: 1,
      ops: ['quant.cast-float4'],
      check: (a, impl) => castFloat4Conformance(a, impl!),
    },
    {
      name: 'quantize-float8',
      kind: 'conformance',
      description: 'quant.quantize with a float8 output (ONNX QuantizeLinear to FLOAT8E4M3FN/E4M3FNUZ/E5M2/E5M2FNUZ, saturate 0/1): each code equal to the exact cast_f8(fl_d(x/s)) — the quotient rounded to the request dtype first (exact ties for power-of-two scales; double roundings for generic scales), per tensor, per-axis and blocked; 0 codes of slack.',
      arbitrary: quantizeFloat8Arb,
      runs: 60,
      ops: ['quant.quantize'],
      check: (a, impl) => quantizeFloat8Conformance(a, impl!),
    },
    {
      name: 'dequantize-float8',
      kind: 'conformance',
      description: 'quant.dequantize of float8 codes (ONNX DequantizeLinear of a FLOAT8* tensor): s·v(q) within u|s·v| + η/2 (one product rounding; the code\'s value is exact in float32), every finite code, subnormal results included.',
      arbitrary: dequantizeFloat8Arb,
      runs: 40,
      ops: ['quant.dequantize'],
      check: (a, impl) => dequantizeFloat8Conformance(a, impl!),
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
