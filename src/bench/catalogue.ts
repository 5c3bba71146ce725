/**
 * Catalogue benchmark: wall time of the whole `lemmata check` (wasm) with one worker and with the
 * default (one per core), in the same run, with the number of claims and properties. Target
 *: ≤ 60 s for the whole catalogue as it grows to ≈ 200 claims.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLAIM_MODULES } from '../properties/index.js';
import { defaultWorkers } from '../runner/pool.js';
import { fromRoot } from '../util/paths.js';

const properties = CLAIM_MODULES.reduce((n, m) => n + m.properties.length, 0);
console.log(`full catalogue: lemmata check (wasm), ${CLAIM_MODULES.length} claims, ${properties} properties, ${os.availableParallelism()} cores`);
console.log(`${'workers'.padEnd(10)}${'wall s'.padStart(9)}   verdict line`);
for (const workers of [...new Set([1, defaultWorkers()])]) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-bench-catalogue-'));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [fromRoot('bin', 'lemmata.mjs'), 'check', '--workers', String(workers), '--out', out], { encoding: 'utf8', cwd: fromRoot() });
  const s = (performance.now() - t0) / 1000;
  const line = (r.stdout.split('\n').find((l) => /passed, \d+ failed/.test(l)) ?? `exit ${r.status}`).trim();
  console.log(`${String(workers).padEnd(10)}${s.toFixed(1).padStart(9)}   ${line}`);
  fs.rmSync(out, { recursive: true, force: true });
}
