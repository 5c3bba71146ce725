/**
 * The 200-seed false-alarm suite (scripts/seed-robustness.mjs → reports/seed-robustness.json):
 * one statistical property run against the built-in tfjs implementation (cpu backend) under each
 * run seed, with its verdict and worst ratio per seed. Deterministic: the inputs come from
 * fast-check seeded by propertySeed(runSeed, id) and the samples from tfjs's seeded random ops.
 *
 * 200 runs × 3 checks per property at the per-check level of src/statistics/budget.ts: were tfjs
 * an ideal sampler, the chance of any false alarm in the whole suite is ≤ 600·|properties|·α
 * (union bound; ≈ 1.5e-6 for 13 properties).
 */
import type { Implementation } from '../registry/types.js';
import { CLAIM_MODULES } from '../properties/index.js';
import { runProperty } from '../runner/run-property.js';
import { propertySeed } from '../runner/seed.js';

/** The run seeds of the suite. */
export const SEEDS: readonly number[] = Array.from({ length: 200 }, (_, i) => 20231109 + 7919 * i);

export interface SeedRun { seed: number; verdict: string; ratio: number | null }
export interface SeedRobustness { id: string; runs: SeedRun[]; alarms: string[]; worst: number }

let implPromise: Promise<Implementation> | null = null;
async function tfjsCpu(): Promise<Implementation> {
  // imported lazily: loading the runner does not start a tfjs backend
  implPromise ??= import('../impl/tfjs/index.js').then((m) => m.createTfjsImplementation('cpu'));
  return implPromise;
}

/** Run the statistical property `id` (`claim/property`) under each of `seeds`. */
export async function runSeeds(id: string, seeds: readonly number[]): Promise<SeedRobustness> {
  const impl = await tfjsCpu();
  const [claimId, name] = id.split('/') as [string, string];
  const prop = CLAIM_MODULES.find((m) => m.id === claimId)?.properties.find((p) => p.name === name);
  if (!prop) throw new Error(`no statistical property ${id}`);
  const runs: SeedRun[] = [];
  const alarms: string[] = [];
  let worst = 0;
  for (const s of seeds) {
    const r = runProperty(claimId, prop, impl, { seed: propertySeed(s, id), runs: prop.runs ?? 100, backend: 'cpu' });
    runs.push({ seed: s, verdict: r.verdict, ratio: r.worstRatio ?? null });
    if (r.verdict !== 'pass') alarms.push(`run seed ${s}: ${r.verdict} ${r.detail ?? ''}`);
    worst = Math.max(worst, r.worstRatio ?? 0);
  }
  return { id, runs, alarms, worst };
}
