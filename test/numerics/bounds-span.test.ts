/** The pre.squad-best-span slack (src/numerics/bounds-span.ts): a correct float32 argmax passes, a zero slack would fail it, real bugs still fail. */
import { test, expect } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../../src/numerics/rational.js';
import { spanScoreSlack, spanSumsExact } from '../../src/numerics/bounds-span.js';
import { checkBestSpan, type SpanArgs } from '../../src/properties/pre.squad.js';
import { bestSpanLinear } from '../../src/oracles/pretraining.js';

/** A correct float32 implementation: every sum rounded to float32, first maximiser. */
function f32Best(a: SpanArgs): { start: number; end: number } {
  let bi = 0, bj = 0, bs = -Infinity;
  for (let i = 0; i < a.start.length; i++) for (let j = i; j < a.start.length && j - i < a.maxLen; j++) {
    const s = Math.fround(a.start[i]! + a.end[j]!);
    if (s > bs) { bs = s; bi = i; bj = j; }
  }
  return { start: bi, end: bj };
}

test('a float32 tie that is not an exact tie: the derived slack accepts it, a zero slack would not', () => {
  const a: SpanArgs = { start: [1, 0], end: [0, 2 ** -30], maxLen: 2 };
  const got = f32Best(a);
  expect(got).toEqual({ start: 0, end: 0 }); // fl32(1 + 2^-30) = 1: the first maximiser wins in float32
  expect(spanSumsExact(a.start, a.end, 'float32')).toBe(false);
  expect(checkBestSpan(a, got, 'float32').ok).toBe(true);
  const best = bestSpanLinear(a.start, a.end, a.maxLen)!;
  const gap = best.score.sub(Rational.ONE);
  expect(gap.gt(spanScoreSlack(Rational.ONE, best.score, 'float32', true))).toBe(true); // slack 0 rejects the correct answer
  expect(gap.le(spanScoreSlack(Rational.ONE, best.score, 'float32'))).toBe(true);
  expect(checkBestSpan(a, got, 'float64').ok).toBe(false); // in float64 the sums are exact: the same answer is wrong
});

test('correct float32 argmax passes on random float32 scores; a wrong-order answer fails', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 12 }).chain((n) => fc.record({
    start: fc.array(fc.float({ min: -20, max: 20, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)), { minLength: n, maxLength: n }),
    end: fc.array(fc.float({ min: -20, max: 20, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)), { minLength: n, maxLength: n }),
    maxLen: fc.integer({ min: 1, max: n }),
  })), (a) => {
    expect(checkBestSpan(a, f32Best(a), 'float32').ok).toBe(true);
  }), { seed: 20261206, numRuns: 300 });
  expect(checkBestSpan({ start: [0, 0, 4], end: [4, 0, 0.5], maxLen: 3 }, { start: 2, end: 0 }, 'float32').ok).toBe(false);
  expect(checkBestSpan({ start: [0, 0, 4], end: [4, 0, 0.5], maxLen: 3 }, { start: 0, end: 0 }, 'float32').ok).toBe(false);
  expect(checkBestSpan({ start: [0, 0, 4], end: [4, 0, 0.5], maxLen: 3 }, { start: 2, end: 2 }, 'float32').ok).toBe(true);
});
