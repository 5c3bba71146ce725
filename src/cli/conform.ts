/**
 * `lemmata conform` and `lemmata merge-reports`: gate an implementation (a JS module, a program
 * speaking the line protocol, or the built-in tfjs) and write JSON, Markdown, HTML and JUnit reports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Parsed, intFlag, UsageError } from './args.js';
import type { ClaimModule, Dtype } from '../registry/types.js';
import type { AsyncImpl } from '../conform/async-impl.js';
import { fromSyncImplementation, deadImplementation } from '../conform/async-impl.js';
import { OPS } from '../ops/index.js';
import { connectLineProtocol, DEFAULT_LINE_OPTIONS, MAX_REPLY_BYTES_LIMIT, type LineOptions } from '../conform/line-protocol.js';
import { conformExecutor } from '../conform/pool.js';
import { defaultWorkers } from '../runner/pool.js';
import { RunInterrupt } from '../conform/process-interrupt.js';
import { writeReportSet } from '../conform/atomic-write.js';
import { loadModuleImpl } from '../conform/module-impl.js';
import { runConform, quoteShell, runConformProperty } from '../conform/run.js';
import { conformExitCode, declaredAlgorithmsText, EXIT, type ConformReport } from '../conform/types.js';
import { mergeReports, stableReportJson } from '../conform/merge.js';
import { toJUnitXml } from '../conform/report-junit.js';
import { toMarkdown } from '../conform/report-markdown.js';
import { toHtml } from '../conform/report-html.js';
import { parsePatterns, selects, closest, SelectionError } from '../runner/selection.js';
import { escapeConsole } from '../util/escape.js';
import { valueText } from '../runner/counterexample.js';
import { report, REPORTERS, MACHINE_REPORTERS, type ReporterName } from './reporters.js';
import { Progress } from './progress.js';
import { findConfig, loadConfig, applyConfig } from './config.js';
import { decodeReplay, type ReplayInfo } from '../runner/replay-token.js';
import type { BackendName } from '../impl/tfjs/backend.js';
import { outputPath } from '../util/paths.js';
import { formatRatio } from '../runner/run-property.js';

/** The claim modules, imported when a command needs them (`verify` and `merge-reports` do not: start-up cost). */
const claimModules = async (): Promise<readonly ClaimModule[]> => (await import('../properties/index.js')).CLAIM_MODULES;

export interface ImplChoice { impl: AsyncImpl; flag: string; profileSource?: string }

/** The line-protocol options from --timeout, --max-reply-bytes, --max-restarts, --base64. */
function lineOptions(p: Parsed): LineOptions {
  const timeout = intFlag(p, 'timeout', 1, 3600);
  const maxReply = intFlag(p, 'max-reply-bytes', 1024, MAX_REPLY_BYTES_LIMIT);
  const restarts = intFlag(p, 'max-restarts', 0, 1000);
  return {
    ...DEFAULT_LINE_OPTIONS,
    ...(timeout !== undefined ? { timeoutMs: timeout * 1000 } : {}),
    ...(maxReply !== undefined ? { maxReplyBytes: maxReply } : {}),
    ...(restarts !== undefined ? { maxRestarts: restarts } : {}),
    base64: p.flags.has('base64'),
  };
}

/** Open the implementation named by --impl / --impl-cmd / --backend (exactly one; default: tfjs wasm). */
export async function openImplementation(p: Parsed): Promise<ImplChoice> {
  const mod = p.flags.get('impl'), cmd = p.flags.get('impl-cmd'), backend = p.flags.get('backend');
  if ([mod, cmd, backend].filter((x) => x !== undefined).length > 1) throw new UsageError('give only one of --impl, --impl-cmd, --backend');
  let choice: ImplChoice;
  if (typeof mod === 'string') {
    choice = { impl: await loadModuleImpl(mod), flag: `--impl ${quoteShell(mod)}` };
  } else if (typeof cmd === 'string') {
    const impl = await connectLineProtocol(cmd, lineOptions(p));
    choice = { impl, flag: `--impl-cmd ${quoteShell(cmd)}` };
  } else {
    const b = typeof backend === 'string' ? backend : 'wasm';
    const { BACKENDS } = await import('../impl/tfjs/backend.js'); // loads tfjs: only for the built-in implementation
    if (!(BACKENDS as readonly string[]).includes(b)) throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}`);
    const { createTfjsImplementation } = await import('../impl/tfjs/index.js');
    const impl = fromSyncImplementation(await createTfjsImplementation(b as BackendName), 'builtin', b);
    choice = { impl, flag: `--backend ${b}` };
  }
  choice.profileSource = applyProfilePolicy(choice.impl, p);
  return choice;
}

/**
 * The most elementary-function ulps an implementation may DECLARE for itself (hello or module
 * export). Correctly rounded libms are within 1 ulp, glibc/XNNPACK/CUDA's default expf within
 * 2–4, tfjs-node-gpu within 8; 64 ulps (6 bits) already covers fast approximations (e.g. CUDA
 * __expf on moderate arguments) while a declaration of, say, 10⁶ ulps would widen every softmax,
 * layer-norm and CRF bound until wrong formulas pass. A larger declaration is capped (an event in
 * the report says so). The user may still widen it explicitly with --ulps (up to MAX_CLI_ULPS),
 * which the report headline states.
 */
export const MAX_DECLARED_ULPS = 64;
export const MAX_CLI_ULPS = 1024;

/** Apply --profile, the cap on declared profiles, and --ulps / --flush-to-zero; return where the profile came from. */
export function applyProfilePolicy(impl: AsyncImpl, p: Parsed): string {
  const mode = p.flags.get('profile') ?? 'declared';
  if (mode !== 'declared' && mode !== 'strict') throw new UsageError(`--profile must be 'declared' or 'strict' (got '${String(mode)}')`);
  const declared = impl.kind !== 'builtin' && (impl.profile.elementaryUlps !== undefined || impl.profile.flushToZero !== undefined || impl.profile.algorithms !== undefined);
  let source = impl.kind === 'builtin' ? 'backend defaults' : declared ? 'declared' : 'defaults';
  if (mode === 'strict') {
    if (declared) impl.events.push(`--profile strict: ignored the declared profile ${JSON.stringify(impl.profile)}`);
    impl.profile = {};
    source = 'strict';
  } else if (impl.kind !== 'builtin' && (impl.profile.elementaryUlps ?? 0) > MAX_DECLARED_ULPS) {
    impl.events.push(`declared elementaryUlps ${impl.profile.elementaryUlps} capped to ${MAX_DECLARED_ULPS}`);
    impl.profile = { ...impl.profile, elementaryUlps: MAX_DECLARED_ULPS };
    source = 'declared (capped)';
  }
  const ulps = intFlag(p, 'ulps', 0, MAX_CLI_ULPS);
  if (ulps !== undefined) { impl.profile = { ...impl.profile, elementaryUlps: ulps }; source += ` + --ulps ${ulps}`; }
  if (p.flags.has('flush-to-zero')) { impl.profile = { ...impl.profile, flushToZero: true }; source += ' + --flush-to-zero'; }
  return source;
}

const DTYPES: readonly Dtype[] = ['float32', 'float64'];

/** --reporter (repeatable; default: the summary table). */
export function reportersOf(p: Parsed): ReporterName[] {
  const v = p.flags.get('reporter');
  if (v === undefined) return ['default'];
  const list = String(v).split(',').map((s) => s.trim()).filter(Boolean);
  for (const r of list) if (!(REPORTERS as readonly string[]).includes(r)) throw new UsageError(`--reporter: unknown reporter '${r}' (${REPORTERS.join(', ')})`);
  return [...new Set(list)] as ReporterName[];
}

/** --dtype (comma-separated, repeatable); absent: null (then the implementation's declared dtypes run). */
function dtypeFlag(p: Parsed): Dtype[] | null {
  const v = p.flags.get('dtype');
  if (v === undefined) return null;
  const list = String(v).split(',').map((s) => s.trim()).filter(Boolean);
  for (const d of list) if (!(DTYPES as readonly string[]).includes(d)) throw new UsageError(`--dtype: unknown dtype '${d}' (float32 or float64)`);
  return DTYPES.filter((d) => list.includes(d));
}

/** The dtypes an implementation declares for any op, in canonical order. */
export function declaredDtypes(impl: AsyncImpl): Dtype[] {
  const all = new Set(Object.values(impl.ops).flat());
  return DTYPES.filter((d) => all.has(d));
}

function shardFlag(p: Parsed): { index: number; count: number } | null {
  const s = p.flags.get('shard');
  if (s === undefined) return null;
  const m = typeof s === 'string' ? /^(\d+)\/(\d+)$/.exec(s) : null;
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError('--shard must be i/n with 1 ≤ i ≤ n');
  return { index: Number(m[1]), count: Number(m[2]) };
}

function readXfail(file: string, CLAIM_MODULES: readonly ClaimModule[]): Map<string, { replay: string; reason?: string }> {
  let j: unknown;
  try {
    j = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--xfail ${file}: ${(e as Error).message}`);
  }
  const list = (j as { xfail?: unknown }).xfail;
  if (!Array.isArray(list)) throw new UsageError(`--xfail ${file}: expected {"xfail": [{"property", "dtype", "replay", "reason"?}]}`);
  const m = new Map<string, { replay: string; reason?: string }>();
  const knownProperties = CLAIM_MODULES.flatMap((c) => c.properties.map((q) => `${c.id}/${q.name}`));
  for (const e of list as Record<string, unknown>[]) {
    if (typeof e['property'] !== 'string' || typeof e['replay'] !== 'string' || (e['dtype'] !== 'float32' && e['dtype'] !== 'float64')) {
      throw new UsageError(`--xfail ${file}: every entry needs "property", "dtype" (float32|float64) and "replay"`);
    }
    let info: ReplayInfo;
    try { info = decodeReplay(e['replay']); } catch (err) { throw new UsageError(`--xfail ${file}: bad replay token for ${e['property']}: ${(err as Error).message}`); }
    if (!knownProperties.includes(e['property'])) {
      const hint = closest(e['property'], knownProperties);
      throw new UsageError(`--xfail ${file}: unknown property '${e['property']}'${hint ? ` (did you mean '${hint}'?)` : ''}`);
    }
    if (info.property !== e['property']) throw new UsageError(`--xfail ${file}: the replay token of ${e['property']} is for ${info.property}`);
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
  // atomically, conform.json (authoritative) renamed last: a killed run leaves no truncated file
  writeReportSet([...files.slice(1), files[0]!]);
  return files.map(([f]) => f);
}

export function printSummary(r: ConformReport, files: string[], infrastructureFailure = false): void {
  const e = escapeConsole;
  const s = r.summary;
  const im = r.implementation;
  console.log(`lemmata conform: ${e(im.name)} (${im.kind}), ${r.dtypes.join(', ')}, seed ${r.seed}${r.shard ? `, shard ${r.shard.index}/${r.shard.count}` : ''}; ` +
    `profile ${e(im.profileSource)}: ${im.profile.elementaryUlps} ulp, flush-to-zero ${im.profile.flushToZero ? 'yes' : 'no'}${e(declaredAlgorithmsText(im.profile))}`);
  if (infrastructureFailure) {
    // One clear line (printed above) instead of one error block per property of an implementation that never started.
    console.log(`the implementation did not start; all ${r.properties.length} selected property × dtype checks are 'error'`);
    console.log(`reports: ${files.join(', ')}`);
    return;
  }
  const rows = r.properties.map((q) => [q.id, q.ops.join('+'), q.dtype, q.status, String(q.checks), q.status === 'error' || q.checks === 0 ? '-' : formatRatio(q.worstRatio)]);
  const head = ['property', 'ops', 'dtype', 'status', 'checks', 'worst err/bound'];
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((x) => x[i]!.length)));
  const line = (x: string[]) => x.map((c, i) => (i >= 4 ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join('  ').trimEnd();
  console.log([line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n'));
  for (const q of r.properties.filter((x) => x.status === 'fail' || x.status === 'error' || x.status === 'xpass')) {
    console.log(`\n${q.status.toUpperCase()} ${q.id} [${q.dtype}]: ${e(q.detail ?? q.note ?? '')}`);
    if (q.counterexample !== undefined) console.log(`  shrunk counterexample: ${e(valueText(q.counterexample))}${q.failureClass ? ` (${q.failureClass})` : ''}`);
    if (q.worstDetail) console.log(`  largest err/bound seen: ${e(q.worstDetail)}\n    at ${e(valueText(q.worstInput, 600))}`);
    if (q.replayCommand) console.log(`  replay: ${e(q.replayCommand)}`);
  }
  for (const ev of r.events) console.log(`event: ${e(ev)}`);
  console.log(`\n${s.pass} passed, ${s.fail} failed, ${s.error} errors, ${s.xpass} xpass, ${s.xfail} xfail, ${s.suspicious ?? 0} suspicious, ${s.unsupported} unsupported, ${s['not-run']} not run; ${r.timing.totalMs} ms`);
  console.log(`reports: ${files.join(', ')}`);
}

export async function conformCommand(given: Parsed, defaultSeed: number): Promise<number> {
  if (given.positional.length) throw new UsageError(`conform: unexpected argument '${given.positional[0]}'`);
  const configFile = findConfig(given);
  const p = configFile ? applyConfig(given, await loadConfig(configFile), configFile) : given;
  const reporters = reportersOf(p);
  const dtypesFlag = dtypeFlag(p);
  const seed = intFlag(p, 'seed', -(2 ** 31), 2 ** 31 - 1) ?? defaultSeed;
  const runs = intFlag(p, 'runs', 1, 1_000_000);
  const batchSize = intFlag(p, 'batch-size', 1, 100_000) ?? 256;
  const budget = intFlag(p, 'time-budget', 1, 10_000_000);
  const shard = shardFlag(p);
  const CLAIM_MODULES = await claimModules();
  const { select, selection } = selectionFlags(p, CLAIM_MODULES);
  const xfailFile = p.flags.get('xfail');
  const xfail = typeof xfailFile === 'string' ? readXfail(xfailFile, CLAIM_MODULES) : undefined;
  const outDir = typeof p.flags.get('out') === 'string' ? String(p.flags.get('out')) : outputPath('reports', 'conform');
  const junit = typeof p.flags.get('junit') === 'string' ? String(p.flags.get('junit')) : undefined;
  const workers = intFlag(p, 'workers', 1, 1024) ?? defaultWorkers();
  let choice: ImplChoice;
  let infrastructureFailure = false;
  const interrupt = RunInterrupt.install(); // SIGINT/SIGTERM: stop the implementation, write an interrupted report
  try {
    choice = await openImplementation(p);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    // The implementation could not be started: every property is `error`, the report is written, exit 2.
    console.error(`lemmata conform: ${escapeConsole((e as Error).message)}`);
    infrastructureFailure = true;
    const cmd = p.flags.get('impl-cmd'), mod = p.flags.get('impl');
    const spec = String(cmd ?? mod ?? p.flags.get('backend') ?? 'wasm');
    choice = {
      impl: deadImplementation((e as Error).message, cmd !== undefined ? 'command' : mod !== undefined ? 'module' : 'builtin', spec, OPS.map((o) => o.id)),
      flag: cmd !== undefined ? `--impl-cmd ${quoteShell(String(cmd))}` : mod !== undefined ? `--impl ${quoteShell(String(mod))}` : `--backend ${spec}`,
    };
  }
  choice.impl = interrupt.wrap(choice.impl);
  const progress = new Progress(0, 'property × dtype checks');
  try {
    // Default: every dtype the implementation declares (a float64-only adapter runs in float64).
    const dtypes = dtypesFlag ?? (infrastructureFailure ? ['float32' as Dtype] : declaredDtypes(choice.impl));
    if (dtypes.length === 0) {
      console.error('lemmata conform: the implementation declares no op in float32 or float64');
    } else if (dtypesFlag && !infrastructureFailure) {
      const declared = declaredDtypes(choice.impl);
      const absent = dtypesFlag.filter((d) => !declared.includes(d));
      if (absent.length) console.error(`lemmata conform: --dtype ${absent.join(',')}: the implementation declares no op in ${absent.join(', ')} (declared: ${declared.join(', ') || 'none'}); those properties are unsupported`);
    }
    const r = await runConform(CLAIM_MODULES, choice.impl, {
      seed, dtypes, batchSize, shard, implFlag: choice.flag, select, selection,
      profileSource: choice.profileSource ?? 'declared',
      ...(runs !== undefined ? { runs } : {}),
      ...(budget !== undefined ? { timeBudgetMs: budget * 1000 } : {}),
      ...(xfail ? { xfail } : {}),
      bail: p.flags.has('bail'),
      // --workers N > 1: N worker threads (and N adapter processes for --impl-cmd), src/conform/pool.ts
      ...(workers > 1 && !infrastructureFailure ? {
        executor: conformExecutor({
          impl: choice.impl, workers,
          interrupted: () => interrupt.signal,
          warn: (m) => console.error(`lemmata conform: ${escapeConsole(m)}`),
          ...(typeof p.flags.get('impl-cmd') === 'string' ? { connect: async () => interrupt.wrap(await connectLineProtocol(String(p.flags.get('impl-cmd')), lineOptions(p))) } : {}),
        }),
      } : {}),
      onSelected: (n) => progress.setTotal(n),
      onProperty: (q) => progress.tick(q.status, `${q.id} [${q.dtype}]`),
    });
    progress.end();
    interrupt.finish(r);
    const files = writeConformReports(r, outDir, junit);
    report(r, reporters, () => printSummary(r, files, infrastructureFailure));
    if (configFile && !reporters.some((x) => MACHINE_REPORTERS.includes(x))) console.log(`config: ${configFile}`);
    if (interrupt.signal) return interrupt.exitCode();
    if (infrastructureFailure) return EXIT.usage;
    const code = conformExitCode(r, { allowEmpty: p.flags.has('allow-empty'), allowPartial: p.flags.has('allow-partial'), strict: p.flags.has('strict') });
    if (code === EXIT.empty) {
      console.error(r.properties.length === 0
        ? 'lemmata conform: nothing was selected (exit 5; --allow-empty accepts this)'
        : `lemmata conform: nothing ran: all ${r.properties.length} selected property × dtype checks were unsupported (exit 5; --allow-empty accepts this). ` +
          'Each unsupported entry in the report names the ops it needs; `lemmata list --ops-for PROPERTY` too.');
    }
    if (code === EXIT.incomplete) console.error(`lemmata conform: ${r.summary['not-run']} property × dtype checks did not run within the time budget (exit 3; --allow-partial accepts this)`);
    return code;
  } finally {
    await choice.impl.close();
    interrupt.dispose();
  }
}

/** --ops and --claims: repeatable, comma-separated globs, `!` excludes; unknown ids are usage errors. */
export function selectionFlags(p: Parsed, CLAIM_MODULES: readonly ClaimModule[]): { select: (claim: string, property: string, ops: readonly string[]) => boolean; selection: { ops: string[]; claims: string[] } } {
  const props = CLAIM_MODULES.flatMap((m) => m.properties.filter((q) => q.kind !== 'identity' && (q.ops ?? []).length > 0).map((q) => `${m.id}/${q.name}`));
  const claimIds = [...new Set(props.map((q) => q.slice(0, q.indexOf('/'))))];
  let ops, claims;
  try {
    ops = parsePatterns(p.flags.get('ops') as string | undefined, OPS.map((o) => o.id), 'op id');
    claims = parsePatterns(p.flags.get('claims') as string | undefined, [...claimIds, ...props], 'claim or property id (with a conformance property)');
  } catch (e) {
    if (e instanceof SelectionError) throw new UsageError(e.message);
    throw e;
  }
  return {
    select: (claim, property, opIds) => selects(ops, opIds) && selects(claims, [claim, property]),
    selection: { ops: ops.raw, claims: claims.raw },
  };
}

export function mergeCommand(p: Parsed): number {
  if (p.positional.length < 1) throw new UsageError('merge-reports needs one or more conform.json files');
  const reports = p.positional.map((f) => {
    let text: string;
    try { text = fs.readFileSync(f, 'utf8'); } catch (e) { throw new UsageError(`merge-reports: cannot read ${f}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); }
    let r: ConformReport;
    try { r = JSON.parse(text) as ConformReport; } catch (e) { throw new UsageError(`merge-reports: ${f} is not JSON (${(e as Error).message})`); }
    if (!r || r.command !== 'conform' || !Array.isArray(r.properties) || !Array.isArray(r.dtypes)) throw new UsageError(`merge-reports: ${f} is not a lemmata conform report`);
    return r;
  });
  let merged: ConformReport;
  try { merged = mergeReports(reports); } catch (e) { throw new UsageError((e as Error).message); }
  const outDir = typeof p.flags.get('out') === 'string' ? String(p.flags.get('out')) : outputPath('reports', 'conform');
  const junit = typeof p.flags.get('junit') === 'string' ? String(p.flags.get('junit')) : undefined;
  const files = writeConformReports(merged, outDir, junit);
  report(merged, reportersOf(p), () => printSummary(merged, files));
  return conformExitCode(merged, { allowEmpty: p.flags.has('allow-empty'), allowPartial: p.flags.has('allow-partial') });
}

/** Replay a conform failure: the token holds property, seed, path, runs, dtype; the implementation is named on the command line. */
export async function replayExternal(info: ReplayInfo, p: Parsed): Promise<number> {
  if (!p.flags.has('impl') && !p.flags.has('impl-cmd')) {
    throw new UsageError('this token comes from `lemmata conform`: name the implementation again with --impl or --impl-cmd');
  }
  const slash = info.property.indexOf('/');
  const claim = (await claimModules()).find((m) => m.id === info.property.slice(0, slash));
  const prop = claim?.properties.find((q) => q.name === info.property.slice(slash + 1));
  if (!prop) throw new UsageError(`replay: unknown property '${info.property}'`);
  const choice = await openImplementation(p);
  try {
    const r = await runConformProperty(prop, choice.impl, info.dtype ?? 'float32', info.seed, info.runs, 1, info.path, undefined, info.guard ? { noSubnormal: info.guard[0] === 1, minRatio: info.guard[1] } : undefined);
    console.log(`replay ${info.property} on ${choice.impl.name} [${info.dtype ?? 'float32'}] (seed ${info.seed}, path ${info.path || '(none)'}): ${r.status}`);
    if (r.counterexample !== undefined) console.log(`  counterexample: ${escapeConsole(valueText(r.counterexample))}${r.failureClass ? ` (${r.failureClass})` : ''}`);
    if (r.detail) console.log(`  ${escapeConsole(r.detail)}`);
    return r.status === 'pass' ? 0 : 1;
  } finally {
    await choice.impl.close();
  }
}
