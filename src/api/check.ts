/**
 * `check(options)`: the built-in check — every property of the selected claims against the
 * built-in TensorFlow.js implementation (loaded on demand), as `lemmata check` runs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackendName as TfjsBackendName } from '../impl/tfjs/backend.js';
import { loadCatalogue } from '../registry/catalogue.js';
import { runCheck, reportMarkdown, type CheckReport, type ClaimResult } from '../runner/check.js';
import { globToPredicate } from '../runner/seed.js';
import { DEFAULT_SEED } from './conform.js';

/**
 * A backend of the built-in TensorFlow.js implementation. Spelled out (not imported from
 * src/impl/tfjs/backend.ts) so that the library's declarations do not pull in tfjs's types.
 */
export type BackendName = 'wasm' | 'cpu' | 'tensorflow' | 'tensorflow-gpu';
// the two spellings must agree (a compile error otherwise)
const sameBackends: [BackendName, TfjsBackendName] extends [TfjsBackendName, BackendName] ? true : never = true;
void sameBackends;

export interface CheckOptions {
  /** tfjs backend (default wasm); `tensorflow`/`tensorflow-gpu` need the optional peers. */
  backend?: BackendName;
  /** Comma-separated globs on claim ids (default: every claim). */
  claims?: string;
  seed?: number;
  /** Overrides every property's number of runs. */
  runs?: number;
  onClaim?: (r: ClaimResult) => void;
}

export async function check(options: CheckOptions = {}): Promise<CheckReport> {
  const backend = options.backend ?? 'wasm';
  const select = globToPredicate(options.claims);
  const cat = loadCatalogue().filter((c) => select(c.spec.id));
  if (cat.length === 0) throw new RangeError(`claims '${options.claims ?? ''}' match no claim`);
  const { createTfjsImplementation } = await import('../impl/tfjs/index.js');
  const impl = await createTfjsImplementation(backend);
  return runCheck(cat, impl, {
    seed: options.seed ?? DEFAULT_SEED, backend,
    ...(options.runs !== undefined ? { runs: options.runs } : {}),
    ...(options.onClaim ? { onClaim: options.onClaim } : {}),
  });
}

/** Write a check report to `outDir` as latest.json and latest.md (what `lemmata check` writes). Returns the paths. */
export function writeCheckReports(report: CheckReport, outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const json = path.join(outDir, 'latest.json'), md = path.join(outDir, 'latest.md');
  fs.writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(md, reportMarkdown(report));
  return [json, md];
}
