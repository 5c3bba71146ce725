/** The 200-seed false-alarm suite shared by seed-robustness.test.ts and seed-robustness-sampling.test.ts. */
import { describe, it, expect, beforeAll } from 'vitest';
import type { Implementation } from '../../src/registry/types.js';
import { createTfjsImplementation } from '../../src/impl/tfjs/index.js';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { runProperty } from '../../src/runner/run-property.js';
import { propertySeed } from '../../src/runner/seed.js';

const SEEDS = Array.from({ length: 200 }, (_, i) => 20231109 + 7919 * i);

export function robustnessSuite(ids: readonly string[]): void {
  let impl: Implementation;
  beforeAll(async () => { impl = await createTfjsImplementation('cpu'); });
  describe('statistical properties: 200 run seeds, zero false alarms', () => {
  for (const id of ids) {
    it(id, () => {
      const [claimId, name] = id.split('/') as [string, string];
      const prop = CLAIM_MODULES.find((m) => m.id === claimId)!.properties.find((p) => p.name === name)!;
      let worst = 0;
      const alarms: string[] = [];
      for (const s of SEEDS) {
        const r = runProperty(claimId, prop, impl, { seed: propertySeed(s, id), runs: prop.runs ?? 100, backend: 'cpu' });
        if (r.verdict !== 'pass') alarms.push(`run seed ${s}: ${r.verdict} ${r.detail}`);
        worst = Math.max(worst, r.worstRatio ?? 0);
      }
      expect(alarms).toEqual([]);
      // not merely passing: no run came close to the critical value
      expect(worst).toBeLessThan(1);
      console.log(`${id}: 200 run seeds, worst ratio ${worst.toPrecision(3)}`);
    }, 600_000);
  }
  });
}

