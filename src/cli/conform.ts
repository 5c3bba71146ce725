/**
 * `lemmata conform` and `lemmata merge-reports`: gate an implementation (a JS module, a program
 * speaking the line protocol, or the built-in tfjs) and write JSON, Markdown, HTML and JUnit reports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Parsed, intFlag, UsageError } from './args.js';
import type { Dtype } from '../registry/types.js';
import type { AsyncImpl } from '../conform/async-impl.js';
import { fromSyncImplementation, deadImplementation } from '../conform/async-impl.js';
import { OPS } from '../ops/index.js';
import { connectLineProtocol, DEFAULT_LINE_OPTIONS } from '../conform/line-protocol.js';
import { loadModuleImpl } from '../conform/module-impl.js';
import { runConform, quoteShell, runConformProperty } from '../conform/run.js';
import { conformExitCode, type ConformReport } from '../conform/types.js';
import { mergeReports, stableReportJson } from '../conform/merge.js';
import { toJUnitXml } from '../conform/report-junit.js';
import { toMarkdown } from '../conform/report-markdown.js';
import { toHtml } from '../conform/report-html.js';
import { CLAIM_MODULES } from '../properties/index.js';
import { globToPredicate } from '../runner/seed.js';
import { decodeReplay, type ReplayInfo } from '../runner/replay-token.js';
import { BACKENDS, type BackendName } from '../impl/tfjs/backend.js';
import { fromRoot } from '../util/paths.js';
import { formatRatio } from '../runner/run-property.js';

export const CONFORM_FLAGS = {
  impl: 'value', 'impl-cmd': 'value', backend: 'value', ops: 'value', dtype: 'value', seed: 'value', runs: 'value',
  shard: 'value', xfail: 'value', 'time-budget': 'value', 'batch-size': 'value', timeout: 'value',
  'max-reply-bytes': 'value', 'max-restarts': 'value', ulps: 'value', 'flush-to-zero': 'bool', base64: 'bool',
  junit: 'value', out: 'value',
} as const;

export interface ImplChoice { impl: AsyncImpl; flag: string }

/** Open the implementation named by --impl / --impl-cmd / --backend (exactly one; default: tfjs wasm). */
export async function openImplementation(p: Parsed): Promise<ImplChoice> {
  const mod = p.flags.get('impl'), cmd = p.flags.get('impl-cmd'), backend = p.flags.get('backend');
  if ([mod, cmd, backend].filter((x) => x !== undefined).length > 1) throw new UsageError('give only one of --impl, --impl-cmd, --backend');
  let choice: ImplChoice;
  if (typeof mod === 'string') {
    choice = { impl: await loadModuleImpl(mod), flag: `--impl ${quoteShell(mod)}` };
  } else if (typeof cmd === 'string') {
    const timeout = intFlag(p, 'timeout', 1, 3600);
    const maxReply = intFlag(p, 'max-reply-bytes', 1024, 2 ** 31);
    const restarts = intFlag(p, 'max-restarts', 0, 1000);
    const impl = await connectLineProtocol(cmd, {
      ...DEFAULT_LINE_OPTIONS,
      ...(timeout !== undefined ? { timeoutMs: timeout * 1000 } : {}),
      ...(maxReply !== undefined ? { maxReplyBytes: maxReply } : {}),
      ...(restarts !== undefined ? { maxRestarts: restarts } : {}),
      base64: p.flags.has('base64'),
    });
    choice = { impl, flag: `--impl-cmd ${quoteShell(cmd)}` };
  } else {
    const b = typeof backend === 'string' ? backend : 'wasm';
    if (!(BACKENDS as readonly string[]).includes(b)) throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}`);
    const { createTfjsImplementation } = await import('../impl/tfjs/index.js');
    const impl = fromSyncImplementation(await createTfjsImplementation(b as BackendName), 'builtin', b);
    choice = { impl, flag: `--backend ${b}` };
  }
  const ulps = intFlag(p, 'ulps', 0, 1_000_000);
  if (ulps !== undefined) choice.impl.profile = { ...choice.impl.profile, elementaryUlps: ulps };
  if (p.flags.has('flush-to-zero')) choice.impl.profile = { ...choice.impl.profile, flushToZero: true };
  return choice;
}

function dtypeFlag(p: Parsed): Dtype {
  const d = p.flags.get('dtype') ?? 'float32';
  if (d !== 'float32' && d !== 'float64') throw new UsageError('--dtype must be float32 or float64');
  return d;
}

function shardFlag(p: Parsed): { index: number; count: number } | null {
  const s = p.flags.get('shard');
  if (s === undefined) return null;
  const m = typeof s === 'string' ? /^(\d+)\/(\d+)$/.exec(s) : null;
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError('--shard must be i/n with 1 ≤ i ≤ n');
  return { index: Number(m[1]), count: Number(m[2]) };
}

function readXfail(file: string): Map<string, { replay: string; reason?: string }> {
  let j: unknown;
  try {
    j = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--xfail ${file}: ${(e as Error).message}`);
  }
  const list = (j as { xfail?: unknown }).xfail;
  if (!Array.isArray(list)) throw new UsageError(`--xfail ${file}: expected {"xfail": [{"property", "dtype", "replay", "reason"?}]}`);
  const m = new Map<string, { replay: string; reason?: string }>();
  for (const e of list as Record<string, unknown>[]) {
    if (typeof e['property'] !== 'string' || typeof e['replay'] !== 'string' || (e['dtype'] !== 'float32' && e['dtype'] !== 'float64')) {
      throw new UsageError(`--xfail ${file}: every entry needs "property", "dtype" (float32|float64) and "replay"`);
    }
    try { decodeReplay(e['replay']); } catch { throw new UsageError(`--xfail ${file}: bad replay token for ${e['property']}`); }
    m.set(`${e['property']}|${e['dtype']}`, { replay: e['replay'], ...(typeof e['reason'] === 'string' ? { reason: e['reason'] } : {}) });
  }
  return m;
}

export function writeConformReports(r: ConformReport, outDir: string, junit?: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const files = [
    [path.join(outDir, 'conform.json'), stableReportJson(r)],
    [path.join(outDir, 'conform.md'), toMarkdown(r)],
    [path.join(outDir, 'conform.html'), toHtml(r)],
  ] as [string, string][];
  if (junit) files.push([junit, toJUnitXml(r)]);
  for (const [f, c] of files) {
    fs.mkdirSync(path.dirname(path.resolve(f)), { recursive: true });
    fs.writeFileSync(f, c);
  }
  return files.map(([f]) => f);
}

function printSummary(r: ConformReport, files: string[]): void {
  const rows = r.properties.map((q) => [q.id, q.ops.join('+'), q.status, String(q.checks), q.checks === 0 ? '-' : formatRatio(q.worstRatio)]);
  const head = ['property', 'ops', 'status', 'checks', 'worst err/bound'];
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((x) => x[i]!.length)));
  const line = (x: string[]) => x.map((c, i) => (i >= 3 ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join('  ').trimEnd();
  console.log(`lemmata conform: ${r.implementation.name} (${r.implementation.kind}), ${r.dtype}, seed ${r.seed}${r.shard ? `, shard ${r.shard.index}/${r.shard.count}` : ''}`);
  console.log([line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n'));
  for (const q of r.properties.filter((x) => x.status === 'fail' || x.status === 'error' || x.status === 'xpass')) {
    console.log(`\n${q.status.toUpperCase()} ${q.id} [${q.dtype}]: ${q.detail ?? q.note ?? ''}`);
    if (q.counterexample) console.log(`  counterexample: ${q.counterexample}`);
    if (q.replayCommand) console.log(`  replay: ${q.replayCommand}`);
  }
  for (const e of r.events) console.log(`event: ${e}`);
  const s = r.summary;
  console.log(`\n${s.pass} passed, ${s.fail + s.error + s.xpass} failed, ${s.xfail} xfail, ${s.unsupported} unsupported, ${s['not-run']} not run; ${r.timing.totalMs} ms`);
  console.log(`reports: ${files.join(', ')}`);
}

export async function conformCommand(p: Parsed, defaultSeed: number): Promise<number> {
  if (p.positional.length) throw new UsageError(`conform: unexpected argument '${p.positional[0]}'`);
  const dtype = dtypeFlag(p);
  const seed = intFlag(p, 'seed', -(2 ** 31), 2 ** 31 - 1) ?? defaultSeed;
  const runs = intFlag(p, 'runs', 1, 1_000_000);
  const batchSize = intFlag(p, 'batch-size', 1, 100_000) ?? 256;
  const budget = intFlag(p, 'time-budget', 1, 10_000_000);
  const shard = shardFlag(p);
  const opsGlob = p.flags.get('ops');
  const xfailFile = p.flags.get('xfail');
  const xfail = typeof xfailFile === 'string' ? readXfail(xfailFile) : undefined;
  const outDir = typeof p.flags.get('out') === 'string' ? String(p.flags.get('out')) : fromRoot('reports', 'conform');
  const junit = typeof p.flags.get('junit') === 'string' ? String(p.flags.get('junit')) : undefined;
  let choice: ImplChoice;
  let infrastructureFailure = false;
  try {
    choice = await openImplementation(p);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    // The implementation could not be started: every property is `error`, the report is written, exit 2.
    console.error(`lemmata conform: ${(e as Error).message}`);
    infrastructureFailure = true;
    const cmd = p.flags.get('impl-cmd'), mod = p.flags.get('impl');
    const spec = String(cmd ?? mod ?? p.flags.get('backend') ?? 'wasm');
    choice = {
      impl: deadImplementation((e as Error).message, cmd !== undefined ? 'command' : mod !== undefined ? 'module' : 'builtin', spec, OPS.map((o) => o.id)),
      flag: cmd !== undefined ? `--impl-cmd ${quoteShell(String(cmd))}` : mod !== undefined ? `--impl ${quoteShell(String(mod))}` : `--backend ${spec}`,
    };
  }
  try {
    const r = await runConform(CLAIM_MODULES, choice.impl, {
      seed, dtype, batchSize, shard, implFlag: choice.flag,
      opsFilter: globToPredicate(typeof opsGlob === 'string' ? opsGlob : undefined),
      ...(runs !== undefined ? { runs } : {}),
      ...(budget !== undefined ? { timeBudgetMs: budget * 1000 } : {}),
      ...(xfail ? { xfail } : {}),
      onProperty: (q) => { if (process.stderr.isTTY) process.stderr.write(`  ${q.status.padEnd(11)} ${q.id}\n`); },
    });
    printSummary(r, writeConformReports(r, outDir, junit));
    return infrastructureFailure ? 2 : conformExitCode(r);
  } finally {
    await choice.impl.close();
  }
}

export function mergeCommand(p: Parsed): number {
  if (p.positional.length < 1) throw new UsageError('merge-reports needs one or more conform.json files');
  const reports = p.positional.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as ConformReport);
  const merged = mergeReports(reports);
  const outDir = typeof p.flags.get('out') === 'string' ? String(p.flags.get('out')) : fromRoot('reports', 'conform');
  const junit = typeof p.flags.get('junit') === 'string' ? String(p.flags.get('junit')) : undefined;
  printSummary(merged, writeConformReports(merged, outDir, junit));
  return conformExitCode(merged);
}

/** Replay a conform failure: the token holds property, seed, path, runs, dtype; the implementation is named on the command line. */
export async function replayExternal(info: ReplayInfo, p: Parsed): Promise<number> {
  if (!p.flags.has('impl') && !p.flags.has('impl-cmd')) {
    throw new UsageError('this token comes from `lemmata conform`: name the implementation again with --impl or --impl-cmd');
  }
  const slash = info.property.indexOf('/');
  const claim = CLAIM_MODULES.find((m) => m.id === info.property.slice(0, slash));
  const prop = claim?.properties.find((q) => q.name === info.property.slice(slash + 1));
  if (!prop) throw new UsageError(`replay: unknown property '${info.property}'`);
  const choice = await openImplementation(p);
  try {
    const r = await runConformProperty(prop, choice.impl, info.dtype ?? 'float32', info.seed, info.runs, 1, info.path);
    console.log(`replay ${info.property} on ${choice.impl.name} [${info.dtype ?? 'float32'}] (seed ${info.seed}, path ${info.path || '(none)'}): ${r.status}`);
    if (r.counterexample) console.log(`  counterexample: ${r.counterexample}`);
    if (r.detail) console.log(`  ${r.detail}`);
    return r.status === 'pass' ? 0 : 1;
  } finally {
    await choice.impl.close();
  }
}
