/**
 * The schemas describe how the ops are really used: every property that calls ops, on generated
 * inputs, against the built-in tfjs implementation (cpu), with every call's arguments checked by
 * validateArgs and every result by validateResult. A schema that is too strict (a false error) or
 * that disagrees with the arguments lemmata sends fails here.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { createTfjsImplementation } from '../../src/impl/tfjs/index.js';
import { validateArgs, validateResult } from '../../src/ops/schema-check.js';
import type { Implementation } from '../../src/registry/types.js';

const RUNS = 15;

let tfjs: Implementation;
beforeAll(async () => { tfjs = await createTfjsImplementation('cpu'); });

function recording(impl: Implementation, problems: string[], calls: Set<string>): Implementation {
  const ops = Object.fromEntries(Object.entries(impl.ops).map(([op, fn]) => [op, (a: unknown) => {
    calls.add(op);
    const pa = validateArgs(op, a);
    if (pa) problems.push(`${op} ${pa}`);
    const r = fn(a);
    const pr = validateResult(op, a, r, impl.dtype);
    if (pr) problems.push(`${op} ${pr}`);
    return r;
  }]));
  return { ...impl, ops };
}

const users = CLAIM_MODULES.flatMap((c) => c.properties.filter((p) => (p.ops ?? []).length > 0).map((p) => [`${c.id}/${p.name}`, p] as const));

describe('every op call of every property matches the op schemas (tfjs cpu)', () => {
  it.each(users)('%s', (_id, prop) => {
    const problems: string[] = [];
    const calls = new Set<string>();
    const impl = recording(tfjs, problems, calls);
    for (const input of fc.sample(prop.arbitrary, { seed: 42, numRuns: RUNS })) prop.check(input, impl);
    expect(problems.slice(0, 5)).toEqual([]);
    expect([...calls].sort()).toEqual([...prop.ops!].sort());
  });
});
