/**
 * Shared helper of the generator tests whose arbitraries tag every value with its input class (`cls`,
 * src/properties/gen-helpers.ts `classes`): sample 10,000 values with a fixed seed, count the classes,
 * and check every class declared on the op (src/ops/<domain>.ts `inputClasses`) reaches its minimum
 * share — and that the generator produces no undeclared class.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { OPS } from '../../src/ops/index.js';

export const N_SAMPLES = 10_000;

export function sampleTagged<T extends { cls: string }>(arb: fc.Arbitrary<T>, seed: number, n = N_SAMPLES): { samples: T[]; shares: Record<string, number> } {
  const samples = fc.sample(arb, { seed, numRuns: n });
  const counts: Record<string, number> = {};
  for (const s of samples) counts[s.cls] = (counts[s.cls] ?? 0) + 1;
  return { samples, shares: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / n])) };
}

/** Every declared class of `op` at or above its minimum share; the generator's classes are exactly the declared ones. */
export function expectShares(op: string, shares: Record<string, number>): void {
  const def = OPS.find((o) => o.id === op);
  expect(def, op).toBeDefined();
  const declared = def!.inputClasses ?? [];
  expect(declared.length, `${op} declares input classes`).toBeGreaterThan(0);
  for (const c of declared) expect(shares[c.name] ?? 0, `${op}: class ${c.name}`).toBeGreaterThanOrEqual(c.minShare);
  expect(Object.keys(shares).sort()).toEqual(declared.map((c) => c.name).sort());
}

/** The share of values that are not float32 numbers (float64-only inputs). */
export const notFloat32 = (xs: number[]): boolean => xs.some((v) => Math.fround(v) !== v);
