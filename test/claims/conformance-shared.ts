/**
 * Runs every conformance and metamorphic property of every claim against the built-in tfjs
 * implementation on one backend, under one or more seeds (bound soundness: a correct IEEE
 * implementation must never exceed its derived bound). Seeds 3 and 4 on cpu, 1 on wasm here; the default run
 * seed (20231109) is the `lemmata check` and `lemmata check --backend cpu` that CI runs beside.
 *
 * With `schemas: true` the same runs also check that the schemas describe how the ops are really
 * used: every call's arguments are checked by validateArgs and every result by validateResult (a
 * schema that is too strict, or that disagrees with the arguments lemmata sends, fails), and each
 * property must call exactly the ops it declares.
 */
import { describe, beforeAll, expect, it } from 'vitest';
import { test } from '@fast-check/vitest';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { createTfjsImplementation } from '../../src/impl/tfjs/index.js';
import { validateArgs, validateResult } from '../../src/ops/schema-check.js';
import type { Implementation } from '../../src/registry/types.js';
import type { BackendName } from '../../src/impl/tfjs/backend.js';
import { propertySeed } from '../../src/runner/seed.js';

/** The implementation with every op call's arguments and result checked against the op schemas. */
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

export function conformanceSuite(backend: BackendName, seeds: number[], options: { schemas?: boolean } = {}): void {
  let impl: Implementation;
  beforeAll(async () => { impl = await createTfjsImplementation(backend); });
  describe.each(CLAIM_MODULES.filter((m) => m.properties.some((p) => p.kind !== 'identity')).map((m) => [m.id, m] as const))(`%s on ${backend}`, (_id, mod) => {
    for (const prop of mod.properties.filter((p) => p.kind !== 'identity')) {
      const schemas = options.schemas === true && (prop.ops ?? []).length > 0;
      const problems: string[] = [];
      const calls = new Set<string>();
      let used: Implementation | undefined;
      for (const seed of seeds) {
        test.prop([prop.arbitrary], { numRuns: prop.runs ?? 100, seed: propertySeed(seed, `${mod.id}/${prop.name}`) })(
          `${prop.name} (seed ${seed})`,
          (input) => {
            used ??= schemas ? recording(impl, problems, calls) : impl;
            const out = prop.check(input, used);
            expect(out.ok ? 'ok' : out.detail).toBe('ok');
          },
        );
      }
      if (schemas) {
        it(`${prop.name}: every op call matched the op schemas, and it called exactly its declared ops`, () => {
          expect(calls.size, 'no op call recorded: the property runs above did not run (filtered out, or the backend failed to load)').toBeGreaterThan(0);
          expect(problems.slice(0, 5)).toEqual([]);
          expect([...calls].sort()).toEqual([...prop.ops!].sort());
        });
      }
    }
  });
}
