/**
 * Every oracle-identity property of every claim, as an ordinary vitest test with fast-check
 * (`test.prop` from @fast-check/vitest). Seeds are fixed, so a failure replays exactly.
 */
import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { propertySeed } from '../../src/runner/seed.js';

const SEED = 20231109;

describe.each(CLAIM_MODULES.filter((m) => m.properties.some((p) => p.kind === 'identity')).map((m) => [m.id, m] as const))('%s', (_id, mod) => {
  for (const prop of mod.properties.filter((p) => p.kind === 'identity')) {
    test.prop([prop.arbitrary], { numRuns: prop.runs ?? 100, seed: propertySeed(SEED, `${mod.id}/${prop.name}`) })(
      `${prop.name}: ${prop.description}`,
      (input) => {
        const out = prop.check(input, null);
        expect(out.detail && !out.ok ? out.detail : 'ok').toBe('ok');
      },
    );
  }
});
