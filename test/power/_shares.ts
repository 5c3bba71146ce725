/**
 * Shared helper of the generator tests (test/power/<op>-generators.test.ts): sample an op's
 * generator 10,000 times with a fixed seed, classify each input with the property module's content
 * classifier, and compare each documented class's share with the minimum declared on the op
 * (src/ops/<domain>.ts `inputClasses`).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { OPS } from '../../src/ops/index.js';

export const SAMPLES = 10_000;

export function shares<T>(arb: fc.Arbitrary<T>, classify: (x: T) => string[], seed: number, n = SAMPLES): { counts: Map<string, number>; samples: T[] } {
  const samples = fc.sample(arb, { seed, numRuns: n });
  const counts = new Map<string, number>();
  for (const s of samples) for (const c of new Set(classify(s))) counts.set(c, (counts.get(c) ?? 0) + 1);
  return { counts, samples };
}

/** Every declared input class of `op` reaches its minimum share (and the declaration lists classes). */
export function expectDeclaredShares(op: string, counts: Map<string, number>, n = SAMPLES): Record<string, number> {
  const def = OPS.find((o) => o.id === op);
  expect(def, op).toBeDefined();
  const classes = def!.inputClasses ?? [];
  expect(classes.length, `${op} declares input classes`).toBeGreaterThan(0);
  const measured: Record<string, number> = {};
  for (const c of classes) {
    const share = (counts.get(c.name) ?? 0) / n;
    measured[c.name] = share;
    expect(share, `${op}: class ${c.name} share ${share} < declared minimum ${c.minShare}`).toBeGreaterThanOrEqual(c.minShare);
  }
  return measured;
}
