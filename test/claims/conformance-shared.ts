/**
 * Runs every conformance and metamorphic property of every claim against the built-in tfjs
 * implementation on one backend, under several seeds (bound soundness: a correct IEEE
 * implementation must never exceed its derived bound). Two seeds per backend here; the default run
 * seed (20231109) is the `lemmata check` and `lemmata check --backend cpu` that CI runs beside.
 */
import { describe, beforeAll, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { createTfjsImplementation } from '../../src/impl/tfjs/index.js';
import type { Implementation } from '../../src/registry/types.js';
import type { BackendName } from '../../src/impl/tfjs/backend.js';
import { propertySeed } from '../../src/runner/seed.js';

export function conformanceSuite(backend: BackendName, seeds: number[]): void {
  let impl: Implementation;
  beforeAll(async () => { impl = await createTfjsImplementation(backend); });
  describe.each(CLAIM_MODULES.filter((m) => m.properties.some((p) => p.kind !== 'identity')).map((m) => [m.id, m] as const))(`%s on ${backend}`, (_id, mod) => {
    for (const prop of mod.properties.filter((p) => p.kind !== 'identity')) {
      for (const seed of seeds) {
        test.prop([prop.arbitrary], { numRuns: prop.runs ?? 100, seed: propertySeed(seed, `${mod.id}/${prop.name}`) })(
          `${prop.name} (seed ${seed})`,
          (input) => {
            const out = prop.check(input, impl);
            expect(out.ok ? 'ok' : out.detail).toBe('ok');
          },
        );
      }
    }
  });
}
