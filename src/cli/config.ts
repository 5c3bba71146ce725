/**
 * `lemmata.config.json` / `lemmata.config.mjs`: defaults for `lemmata conform`, so a CI job or a
 * team can keep its gate in one checked-in file. Command-line flags override the file.
 *
 *   {
 *     "implCmd": "/usr/bin/python3 adapters/mine.py",    // or "impl": "./mine.mjs", or "backend": "cpu"
 *     "ops": ["attn.*", "!attn.sdpa"], "claims": [...], "dtypes": ["float32", "float64"],
 *     "xfail": "lemmata.xfail.json", "profile": "strict", "ulps": 4, "flushToZero": false,
 *     "out": "lemmata-reports", "junit": "junit.xml", "reporter": ["default", "github-actions"],
 *     "runs": 200, "seed": 1, "timeout": 30, "timeBudget": 600, "batchSize": 256, "maxRestarts": 10, "workers": 2,
 *     "bail": false, "allowEmpty": false, "allowPartial": false
 *   }
 *
 * The `.mjs` form default-exports the same object (or a function returning it). Paths in the file
 * are relative to the file's folder. Unknown keys and wrong types are usage errors (validated with
 * the TypeBox schema below).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { UsageError, type Parsed } from './args.js';

const strings = Type.Union([Type.String(), Type.Array(Type.String())]);

export const CONFIG_SCHEMA = Type.Object({
  impl: Type.Optional(Type.String()),
  implCmd: Type.Optional(Type.String()),
  backend: Type.Optional(Type.String()),
  ops: Type.Optional(strings),
  claims: Type.Optional(strings),
  dtypes: Type.Optional(strings),
  xfail: Type.Optional(Type.String()),
  profile: Type.Optional(Type.Union([Type.Literal('declared'), Type.Literal('strict')])),
  ulps: Type.Optional(Type.Integer({ minimum: 0 })),
  flushToZero: Type.Optional(Type.Boolean()),
  out: Type.Optional(Type.String()),
  junit: Type.Optional(Type.String()),
  reporter: Type.Optional(strings),
  runs: Type.Optional(Type.Integer({ minimum: 1 })),
  seed: Type.Optional(Type.Integer()),
  timeout: Type.Optional(Type.Integer({ minimum: 1 })),
  timeBudget: Type.Optional(Type.Integer({ minimum: 1 })),
  batchSize: Type.Optional(Type.Integer({ minimum: 1 })),
  maxRestarts: Type.Optional(Type.Integer({ minimum: 0 })),
  workers: Type.Optional(Type.Integer({ minimum: 1 })),
  maxReplyBytes: Type.Optional(Type.Integer({ minimum: 1024 })),
  bail: Type.Optional(Type.Boolean()),
  strict: Type.Optional(Type.Boolean()),
  allowEmpty: Type.Optional(Type.Boolean()),
  allowPartial: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export type LemmataConfig = Static<typeof CONFIG_SCHEMA>;

/** config key → command-line flag */
const FLAG: Record<keyof LemmataConfig, string> = {
  impl: 'impl', implCmd: 'impl-cmd', backend: 'backend', ops: 'ops', claims: 'claims', dtypes: 'dtype', xfail: 'xfail',
  profile: 'profile', ulps: 'ulps', flushToZero: 'flush-to-zero', out: 'out', junit: 'junit', reporter: 'reporter',
  runs: 'runs', seed: 'seed', timeout: 'timeout', timeBudget: 'time-budget', batchSize: 'batch-size',
  maxRestarts: 'max-restarts', workers: 'workers', maxReplyBytes: 'max-reply-bytes', bail: 'bail', strict: 'strict', allowEmpty: 'allow-empty', allowPartial: 'allow-partial',
};
const PATHS = new Set<keyof LemmataConfig>(['impl', 'xfail', 'out', 'junit']);
const IMPL = ['impl', 'impl-cmd', 'backend'];

/** The config file to use: --config, else ./lemmata.config.json or ./lemmata.config.mjs, else none. */
export function findConfig(p: Parsed, cwd = process.cwd()): string | null {
  const given = p.flags.get('config');
  if (typeof given === 'string') {
    if (!fs.existsSync(given)) throw new UsageError(`--config: ${given} not found`);
    return path.resolve(given);
  }
  for (const f of ['lemmata.config.json', 'lemmata.config.mjs']) if (fs.existsSync(path.join(cwd, f))) return path.join(cwd, f);
  return null;
}

export async function loadConfig(file: string): Promise<LemmataConfig> {
  let raw: unknown;
  try {
    if (file.endsWith('.json')) raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    else {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      raw = typeof mod.default === 'function' ? await (mod.default as () => unknown)() : mod.default;
    }
  } catch (e) {
    throw new UsageError(`config ${file}: ${(e as Error).message}`);
  }
  if (!Value.Check(CONFIG_SCHEMA, raw)) {
    const err = [...Value.Errors(CONFIG_SCHEMA, raw)][0];
    throw new UsageError(`config ${file}: ${err ? `${err.path || '/'} ${err.message}` : 'invalid'} (keys: ${Object.keys(FLAG).join(', ')})`);
  }
  return raw;
}

/** Fill the flags the command line left out from the config (the command line wins; one implementation choice only). */
export function applyConfig(p: Parsed, cfg: LemmataConfig, file: string): Parsed {
  const flags = new Map(p.flags);
  const cliChoseImpl = IMPL.some((f) => flags.has(f));
  const dir = path.dirname(file);
  for (const [key, value] of Object.entries(cfg) as [keyof LemmataConfig, unknown][]) {
    const flag = FLAG[key];
    if (flags.has(flag) || value === undefined) continue;
    if (IMPL.includes(flag) && cliChoseImpl) continue;
    if (typeof value === 'boolean') { if (value) flags.set(flag, true); continue; }
    const v = Array.isArray(value) ? value.join(',') : String(value);
    flags.set(flag, PATHS.has(key) ? path.resolve(dir, v) : v);
  }
  return { positional: p.positional, flags };
}
