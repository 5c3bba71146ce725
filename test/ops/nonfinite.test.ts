/**
 * NaN never passes: for every property and every op it calls whose result holds floats, the
 * built-in implementation's result with one float replaced by NaN (then by +∞) must make the
 * check fail or throw — on every generated input where there was a float to replace. The schemas
 * accept non-finite floats (they are numbers), so this is what keeps them from passing.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import type { TSchema } from '@sinclair/typebox';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { createTfjsImplementation } from '../../src/impl/tfjs/index.js';
import { opById } from '../../src/ops/index.js';
import { FLOAT_KIND, kindOf, someNode } from '../../src/ops/schema.js';
import type { Implementation } from '../../src/registry/types.js';

const RUNS = 6;

/** `value` with its first float (by the schema) replaced by `x`, or null when it holds none. */
function replaceFirstFloat(s: TSchema, value: unknown, x: number): unknown | null {
  const k = kindOf(s);
  if (k === FLOAT_KIND) return x;
  const steps: [string | number, TSchema][] =
    k === 'Array' ? (value as unknown[]).map((_, i) => [i, s['items'] as TSchema])
      : k === 'Tuple' ? (s['items'] as TSchema[]).map((sub, i) => [i, sub])
        : k === 'Object' ? Object.entries(s['properties'] as Record<string, TSchema>) : [];
  for (const [key, sub] of steps) {
    const v = (value as Record<string | number, unknown>)[key];
    if (v === undefined) continue;
    const r = replaceFirstFloat(sub, v, x);
    if (r === null) continue;
    const copy = (Array.isArray(value) ? value.slice() : { ...(value as object) }) as Record<string | number, unknown>;
    copy[key] = r;
    return copy;
  }
  return null;
}

let tfjs: Implementation;
beforeAll(async () => { tfjs = await createTfjsImplementation('cpu'); });

const cases = CLAIM_MODULES.flatMap((c) => c.properties.flatMap((p) => (p.ops ?? [])
  .filter((op) => someNode(opById(op)!.result, (n) => kindOf(n) === FLOAT_KIND))
  .map((op) => [`${c.id}/${p.name}`, op, p] as const)));

describe.each([['NaN', NaN], ['+Infinity', Infinity]] as const)('a %s in a float result never passes', (_name, bad) => {
  it.each(cases)('%s, %s corrupted', (_id, op, prop) => {
    let corrupted = 0;
    const impl: Implementation = {
      ...tfjs,
      ops: {
        ...tfjs.ops,
        [op]: (a: unknown) => {
          const r = tfjs.ops[op]!(a);
          const c = replaceFirstFloat(opById(op)!.result, r, bad);
          if (c !== null) corrupted++;
          return c ?? r;
        },
      },
    };
    const passed: string[] = [];
    for (const input of fc.sample(prop.arbitrary, { seed: 7, numRuns: RUNS })) {
      const before = corrupted;
      let ok: boolean;
      try { ok = prop.check(input, impl).ok; } catch { ok = false; }
      if (ok && corrupted > before) passed.push(fc.stringify(input).slice(0, 200));
    }
    expect(passed).toEqual([]);
    expect(corrupted).toBeGreaterThan(0);
  });
});
