import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { enumeratePaths, isAcceptableViterbi, logPartitionEnclosure, logPolynomialEnclosure, maxPathAbsSum, partitionPolynomial, pathAbsSum, pathScore, scoreHistogram, termCount, viterbiBestDP, viterbiOracle, type CrfArgs } from '../../src/oracles/sequence.js';
import { Rational } from '../../src/numerics/rational.js';
import { crfArb } from './crf-arbitrary.js';

const R = (s: string) => Rational.parse(s);

const eighths = fc.integer({ min: -24, max: 24 }).map((k) => k / 8);
const ints = fc.integer({ min: -3, max: 3 });

// E[t][j]; A[i][j] = i → j.
const HAND: CrfArgs = { emissions: [[1, 0], [0, 2]], transitions: [[0, 1], [-1, 0]] };

describe('conventions on a hand-computed example', () => {
  test('score(y) = Σ E[t][y_t] + Σ A[y_{t−1}][y_t]', () => {
    expect(enumeratePaths(HAND).map((p) => [p.path.join(''), p.score.toString()])).toEqual([
      ['00', '1'],
      ['01', '4'],
      ['10', '-1'],
      ['11', '2'],
    ]);
    expect(viterbiOracle(HAND)).toEqual({ best: Rational.of(4), optimalPaths: [[0, 1]] });
    const lz = Math.log(Math.E + Math.exp(4) + Math.exp(-1) + Math.exp(2));
    const enc = logPartitionEnclosure(HAND);
    expect(enc.lo).toBeLessThanOrEqual(lz * (1 + 1e-15));
    expect(enc.hi).toBeGreaterThanOrEqual(lz * (1 - 1e-15));
    expect(enc.hi - enc.lo).toBeLessThan(1e-14);
  });

  test('start and end vectors are added for the first and the last tag', () => {
    const a: CrfArgs = { ...HAND, start: [0, 3], end: [1, 0] };
    expect(enumeratePaths(a).map((p) => p.score.toString())).toEqual(['2', '4', '3', '5']);
    expect(viterbiOracle(a).optimalPaths).toEqual([[1, 1]]);
    expect(termCount(a)).toBe(5);
    expect(pathAbsSum(a, [1, 0]).toString()).toBe('5'); // |3| + |0| + |−1| + |0| + |1|
  });

  test('T = 0: one empty path of score 0, log Z = 0; T = 1: Z = Σ_j exp(start + E + end)', () => {
    const empty: CrfArgs = { emissions: [], transitions: [[1, 2], [3, 4]], start: [5, 6], end: [7, 8] };
    expect(enumeratePaths(empty)).toEqual([{ path: [], score: Rational.ZERO }]);
    expect(viterbiOracle(empty)).toEqual({ best: Rational.ZERO, optimalPaths: [[]] });
    expect(logPartitionEnclosure(empty)).toEqual({ lo: 0, hi: 0 });
    expect(viterbiBestDP(empty)).toEqual(Rational.ZERO);
    expect(termCount(empty)).toBe(0);
    const one: CrfArgs = { emissions: [[0, Math.log(3)]], transitions: [[100, 100], [100, 100]], start: [0, 0] };
    const enc = logPartitionEnclosure(one);
    expect(enc.lo).toBeLessThanOrEqual(Math.log(4) + 1e-15);
    expect(enc.hi).toBeGreaterThanOrEqual(Math.log(4) - 1e-15);
    expect(viterbiOracle(one).optimalPaths).toEqual([[1]]);
  });

  test('ties: all optimal paths are listed; slack decides acceptance of the others', () => {
    const tie: CrfArgs = { emissions: [[0, 0], [0, 0]], transitions: [[0, 0], [0, -1]] };
    expect(viterbiOracle(tie).optimalPaths).toEqual([[0, 0], [0, 1], [1, 0]]);
    expect(isAcceptableViterbi(tie, [1, 0], Rational.ZERO)).toBe(true);
    expect(isAcceptableViterbi(tie, [1, 1], Rational.ZERO)).toBe(false);
    expect(isAcceptableViterbi(tie, [1, 1], Rational.ONE)).toBe(true);
    expect(isAcceptableViterbi(tie, [1, 1], R('999/1000'))).toBe(false);
    expect(isAcceptableViterbi(tie, [1], Rational.ONE)).toBe(false); // wrong length
    expect(isAcceptableViterbi(tie, [0, 2], Rational.ONE)).toBe(false); // label out of range
  });

  test('floats are taken exactly: 0.1 + 0.2 is not 0.3', () => {
    const a: CrfArgs = { emissions: [[0.1], [0.2]], transitions: [[0]] };
    expect(pathScore(a, [0, 0]).eq(Rational.fromFloat64(0.1).add(Rational.fromFloat64(0.2)))).toBe(true);
    expect(pathScore(a, [0, 0]).eq(Rational.fromFloat64(0.3))).toBe(false);
  });

  test('malformed input and the enumeration guard throw', () => {
    expect(() => enumeratePaths({ emissions: [[0]], transitions: [] })).toThrow(RangeError);
    expect(() => enumeratePaths({ emissions: [[0, 1]], transitions: [[0]] })).toThrow(RangeError);
    expect(() => enumeratePaths({ emissions: [[NaN]], transitions: [[0]] })).toThrow(RangeError);
    const big: CrfArgs = { emissions: Array.from({ length: 18 }, () => [0, 0]), transitions: [[0, 0], [0, 0]] };
    expect(() => enumeratePaths(big)).toThrow(/brute-force limit/);
    expect(viterbiBestDP(big)).toEqual(Rational.ZERO); // the DP has no such limit
    expect(maxPathAbsSum(big)).toEqual(Rational.ZERO);
  });
});

describe('brute force vs exact dynamic programming', () => {
  test('Viterbi: the enumerated best equals the exact max-plus DP; every optimal path scores best', () => {
    fc.assert(
      fc.property(crfArb(fc.oneof(eighths, fc.double({ min: -5, max: 5, noNaN: true }))), (a) => {
        const v = viterbiOracle(a);
        expect(v.best.eq(viterbiBestDP(a))).toBe(true);
        for (const p of v.optimalPaths) expect(pathScore(a, p).eq(v.best)).toBe(true);
        const all = enumeratePaths(a);
        expect(all.filter((p) => p.score.eq(v.best)).length).toBe(v.optimalPaths.length);
        let m = Rational.ZERO;
        for (const p of all) m = Rational.max(m, pathAbsSum(a, p.path));
        expect(maxPathAbsSum(a).eq(m)).toBe(true);
      }),
      { seed: 31, numRuns: 150 },
    );
  });

  test('Z: the exact forward algorithm (polynomial in e) equals the brute-force score histogram', () => {
    fc.assert(
      fc.property(crfArb(ints), (a) => {
        const dp = partitionPolynomial(a);
        const bf = scoreHistogram(a);
        expect(new Map([...dp].filter(([, c]) => c !== 0n))).toEqual(bf);
        let paths = 0n;
        for (const c of bf.values()) paths += c;
        expect(paths).toBe(BigInt(a.transitions.length) ** BigInt(a.emissions.length));
      }),
      { seed: 32, numRuns: 200 },
    );
    fc.assert(
      fc.property(crfArb(eighths), (a) => {
        expect(partitionPolynomial(a, 8)).toEqual(scoreHistogram(a, 8));
      }),
      { seed: 33, numRuns: 100 },
    );
  });

  test('log Z: the enumeration enclosure and the DP-polynomial enclosure overlap and are tight', () => {
    fc.assert(
      fc.property(crfArb(eighths), (a) => {
        const e1 = logPartitionEnclosure(a);
        const e2 = logPolynomialEnclosure(partitionPolynomial(a, 8), 8);
        expect(e1.lo).toBeLessThanOrEqual(e2.hi);
        expect(e2.lo).toBeLessThanOrEqual(e1.hi);
        expect(e1.hi - e1.lo).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(e1.hi)));
        expect(e2.hi - e2.lo).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(e2.hi)));
      }),
      { seed: 34, numRuns: 100 },
    );
  });

  test('a wrong oracle DP (forgetting the transitions) disagrees with brute force on some input', () => {
    const res = fc.check(
      fc.property(crfArb(ints), (a) => {
        const noA = { ...a, transitions: a.transitions.map((r) => r.map(() => 0)) };
        return viterbiBestDP(noA).eq(viterbiOracle(a).best);
      }),
      { seed: 35, numRuns: 200 },
    );
    expect(res.failed).toBe(true);
  });
});
