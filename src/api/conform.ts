/**
 * The gate as a library: `conform(impl, options)` runs every conformance and metamorphic property
 * whose ops a JavaScript implementation object provides (the same run as `lemmata conform --impl`)
 * and returns the report; `writeReports` writes it as JSON, Markdown, HTML and JUnit XML.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Dtype } from '../registry/types.js';
import type { AsyncImpl } from '../conform/async-impl.js';
import type { ConformProperty, ConformReport } from '../conform/types.js';
import type { PrecisionProfile } from '../fixtures/accept.js';
import { moduleImplementation } from '../conform/module-impl.js';
import { runConform } from '../conform/run.js';
import { stableReportJson } from '../conform/merge.js';
import { toMarkdown } from '../conform/report-markdown.js';
import { toHtml } from '../conform/report-html.js';
import { toJUnitXml } from '../conform/report-junit.js';
import { CLAIM_MODULES } from '../properties/index.js';
import { parsePatterns, selects, SelectionError } from '../runner/selection.js';
import { OPS } from '../ops/index.js';

/** The default run seed (the same as the command line's). */
export const DEFAULT_SEED = 20231109;

/**
 * An op function: receives the op's arguments (a plain object, matrices as arrays of rows) and
 * returns the result — nested arrays, typed arrays, `{dtype, shape, data}` tensors, numbers or
 * records as the op catalogue documents — or a promise of it. The second argument is the request's
 * dtype (one of those the implementation declares): an implementation serving both computes in it.
 * Declared with a `never` parameter so that functions with precisely typed arguments are accepted.
 */
export type OpFunction = (args: never, dtype: Dtype) => unknown;

/** A JavaScript implementation under test: what `lemmata conform --impl module.mjs` expects as the module's default export. */
export interface JsImplementation {
  name: string;
  /** The precision it computes in (default float32). */
  dtype?: Dtype;
  /** Or several: every op is declared for each of them. */
  dtypes?: readonly Dtype[];
  /** Declared precision profile (ulps for exp/log/tanh; flush-to-zero of subnormal results). */
  profile?: PrecisionProfile;
  /** op id → function. */
  ops: Readonly<Record<string, OpFunction>>;
}

export interface ConformOptions {
  /** The dtypes to run, in one report (default: every dtype the implementation declares). */
  dtypes?: readonly Dtype[];
  /** Shorthand for a single dtype. */
  dtype?: Dtype;
  /**
   * Op selection, as `--ops`: globs on op ids (comma-separated or a list); `!` excludes. A property
   * runs when one of its ops matches and none is excluded. Unknown ids throw (RangeError). Default: all.
   */
  ops?: string | readonly string[];
  /** Claim or property selection, as `--claims` (`attn.*`, `ret.teacher-softmax/conformance`, `!…`). Default: all. */
  claims?: string | readonly string[];
  seed?: number;
  /** Generated inputs per property (default: each property's own). */
  runs?: number;
  /** Argument sets per call batch (default 256). */
  batchSize?: number;
  shard?: { index: number; count: number };
  /** Wall-clock budget in milliseconds: properties not finished by then are `not-run`. */
  timeBudgetMs?: number;
  /** Expected failures, each pinned to the replay token of its counterexample. */
  xfail?: readonly { property: string; dtype: Dtype; replay: string; reason?: string }[];
  /** Overrides the implementation's declared profile. */
  profile?: PrecisionProfile;
  /** How replay commands in the report name the implementation (default `--impl ./<name>.mjs`). */
  replayFlag?: string;
  onProperty?: (p: ConformProperty) => void;
}

const isDtype = (d: unknown): d is Dtype => d === 'float32' || d === 'float64';

/** Wrap a JS implementation object as the gate's batch interface (results decoded as the gate decodes replies). */
export function fromJsImplementation(impl: JsImplementation, profileOverride?: PrecisionProfile): AsyncImpl {
  if (!impl || typeof impl !== 'object' || typeof impl.name !== 'string') throw new TypeError('conform: the implementation must be { name, ops: { "op.id": function } }');
  if (!impl.ops || typeof impl.ops !== 'object') throw new TypeError(`conform: ${impl.name} has no ops object`);
  const dtypes = impl.dtypes ?? [impl.dtype ?? 'float32'];
  if (dtypes.length === 0 || !dtypes.every(isDtype)) throw new TypeError(`conform: ${impl.name}: dtypes must be float32 and/or float64`);
  // the same wrapper as an --impl module: each op is called as fn(args, dtype)
  return moduleImplementation({ ...impl, dtypes } as unknown as Record<string, unknown>, impl.name, impl.name, {
    ...(profileOverride?.elementaryUlps !== undefined ? { elementaryUlps: profileOverride.elementaryUlps } : {}),
    ...(profileOverride?.flushToZero !== undefined ? { flushToZero: profileOverride.flushToZero } : {}),
  });
}

/**
 * Gate a JavaScript implementation: every conformance and metamorphic property whose ops it
 * provides in the dtype, batched, failures shrunk to minimal counterexamples with replay tokens.
 * Resolves to the report (`conformExitCode(report)` is 0 when everything passed).
 */
export async function conform(impl: JsImplementation, options: ConformOptions = {}): Promise<ConformReport> {
  const asyncImpl = fromJsImplementation(impl, options.profile);
  const declared = DTYPES.filter((d) => Object.values(asyncImpl.ops).some((ds) => ds.includes(d)));
  const dtypes = [...(options.dtypes ?? (options.dtype ? [options.dtype] : declared.length ? declared : ['float32' as const]))];
  if (dtypes.length === 0 || !dtypes.every(isDtype)) throw new TypeError('conform: dtypes must be float32 and/or float64');
  const { select, selection } = selectionOf(options);
  const xfail = options.xfail
    ? new Map(options.xfail.map((e) => [`${e.property}|${e.dtype}`, { replay: e.replay, ...(e.reason !== undefined ? { reason: e.reason } : {}) }]))
    : undefined;
  try {
    return await runConform(CLAIM_MODULES, asyncImpl, {
      seed: options.seed ?? DEFAULT_SEED,
      dtypes,
      select,
      selection,
      shard: options.shard ?? null,
      batchSize: options.batchSize ?? 256,
      implFlag: options.replayFlag ?? `--impl ./${impl.name.replace(/[^A-Za-z0-9._-]/g, '_')}.mjs`,
      profileSource: options.profile ? 'conform() options' : 'declared',
      ...(options.runs !== undefined ? { runs: options.runs } : {}),
      ...(options.timeBudgetMs !== undefined ? { timeBudgetMs: options.timeBudgetMs } : {}),
      ...(xfail ? { xfail } : {}),
      ...(options.onProperty ? { onProperty: options.onProperty } : {}),
    });
  } finally {
    await asyncImpl.close();
  }
}

const DTYPES: readonly Dtype[] = ['float32', 'float64'];

/** --ops / --claims semantics (src/runner/selection.ts): unknown ids throw RangeError. */
function selectionOf(o: ConformOptions): { select: (claim: string, property: string, ops: readonly string[]) => boolean; selection: { ops: string[]; claims: string[] } } {
  const join = (v: string | readonly string[] | undefined) => (typeof v === 'string' ? v : v?.join(','));
  const props = CLAIM_MODULES.flatMap((m) => m.properties.filter((q) => q.kind !== 'identity' && (q.ops ?? []).length > 0).map((q) => `${m.id}/${q.name}`));
  const claimIds = [...new Set(props.map((q) => q.slice(0, q.indexOf('/'))))];
  try {
    const ops = parsePatterns(join(o.ops), OPS.map((d) => d.id), 'op id');
    const claims = parsePatterns(join(o.claims), [...claimIds, ...props], 'claim or property id (with a conformance property)');
    return {
      select: (claim, property, opIds) => selects(ops, opIds) && selects(claims, [claim, property]),
      selection: { ops: ops.raw, claims: claims.raw },
    };
  } catch (e) {
    if (e instanceof SelectionError) throw new RangeError(`conform: ${e.message}`);
    throw e;
  }
}

/**
 * Write a conform report to `outDir`: conform.json (deterministic apart from its timing part),
 * conform.md, conform.html, and JUnit XML when `junit` names a file. Returns the paths written.
 */
export function writeReports(report: ConformReport, outDir: string, options: { junit?: string } = {}): string[] {
  const files: [string, string][] = [
    [path.join(outDir, 'conform.json'), stableReportJson(report)],
    [path.join(outDir, 'conform.md'), toMarkdown(report)],
    [path.join(outDir, 'conform.html'), toHtml(report)],
  ];
  if (options.junit) files.push([options.junit, toJUnitXml(report)]);
  for (const [f, text] of files) {
    fs.mkdirSync(path.dirname(path.resolve(f)), { recursive: true });
    fs.writeFileSync(f, text);
  }
  return files.map(([f]) => f);
}
