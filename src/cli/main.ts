/**
 * The `lemmata` command line.
 *
 *   lemmata list [--json] [--ops-for PROPERTY]
 *   lemmata check [--backend wasm|cpu|tensorflow|tensorflow-gpu] [--claims GLOB] [--runs N] [--seed S] [--out DIR] [--workers N]
 *   lemmata audit [--json] [--out FILE|DIR] [--notes DIR] [--coverage] [--errata]
 *   lemmata replay TOKEN [--impl FILE | --impl-cmd CMD]
 *   lemmata conform [--impl FILE | --impl-cmd CMD | --backend B] [--ops GLOB] [--dtype float32|float64] [...]
 *   lemmata verify CASES... [--op OP] [--dtype float32|float64] [--ulps N] [--flush-to-zero] [--out DIR] [--junit FILE]
 *   lemmata merge-reports SHARD.json... [--out DIR] [--junit FILE]
 *   lemmata fixtures [--out DIR] [--ops GLOB] [--verify]
 *
 * Exit codes: 0 success, 1 a check failed (or the audit is inconsistent), 2 usage or infrastructure error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { intFlag, UsageError, type Parsed } from './args.js';
import type { BackendName } from '../impl/tfjs/backend.js';
import { fromRoot, outputPath } from '../util/paths.js';
import { ADAPTERS, ADAPTER_NAMES, adapterPath, isAdapterName } from '../api/adapters.js';
import { runProgram, type Handler } from './program.js';

// Start-up cost: every command loads only what it uses. tfjs (≈ 0.7 s of CPU to import), the claim
// catalogue, KaTeX and the ONNX protobuf code are imported by the commands that need them, so
// `--help`, usage errors, `adapter-path`, `audit`, `list` and `conform --impl-cmd` start without tfjs.
const backendModule = () => import('../impl/tfjs/backend.js');
const catalogueModule = () => import('../registry/catalogue.js');
const opsModule = () => import('../ops/index.js');
const checkModule = () => import('../runner/check.js');
const runPropertyModule = () => import('../runner/run-property.js');
const conformCliModule = () => import('./conform.js');

export const DEFAULT_SEED = 20231109;

export async function main(argv: string[]): Promise<number> {
  const handlers: Record<string, Handler> = {
    list: (p) => list(p),
    check: (p) => check(p),
    audit: (p) => audit(p),
    replay: (p) => replay(p),
    conform: async (p) => (await conformCliModule()).conformCommand(p, DEFAULT_SEED),
    verify: async (p) => (await import('./verify.js')).verifyCommand(p),
    'merge-reports': async (p) => (await conformCliModule()).mergeCommand(p),
    fixtures: (p) => fixtures(p),
    'adapter-path': (p) => adapterPathCommand(p),
  };
  try {
    return await runProgram(argv, handlers);
  } catch (e) {
    const where = argv[0] && Object.hasOwn(handlers, argv[0]) ? ` ${argv[0]}` : '';
    if (e instanceof UsageError) { console.error(`lemmata${where}: ${e.message}\n(see lemmata${where} --help)`); return 2; }
    // (an error of that class means the backend module is loaded: importing it here costs nothing)
    if (e instanceof Error && e.constructor.name === 'BackendUnavailable' && e instanceof (await backendModule()).BackendUnavailable) {
      console.error(`lemmata: ${e.message}`); return 2;
    }
    throw e;
  }
}

function noPositional(p: Parsed, cmd: string): void {
  if (p.positional.length) throw new UsageError(`${cmd}: unexpected argument '${p.positional[0]}'`);
}

async function list(p: Parsed): Promise<number> {
  noPositional(p, 'list');
  const [{ loadCatalogue }, { OPS }, { opUses, opsOfProperty }] = await Promise.all([catalogueModule(), opsModule(), import('../ops/doc.js')]);
  const cat = loadCatalogue();
  const opsFor = p.flags.get('ops-for');
  if (opsFor !== undefined) {
    // the ops a property (claim/name) needs, or all of a claim's properties
    const ops = opsOfProperty(String(opsFor), cat.map((c) => c.module));
    if (ops === undefined) throw new UsageError(`--ops-for: no property or claim '${String(opsFor)}' (see lemmata list --json)`);
    console.log(p.flags.has('json') ? JSON.stringify(ops) : ops.join('\n'));
    return 0;
  }
  if (p.flags.has('json')) {
    const claims = cat.map(({ spec, module }) => ({
      id: spec.id, title: spec.title, kind: spec.kind, statement: spec.statement,
      source: spec.source, conventions: spec.conventions, ops: spec.ops, verdict: spec.verdict,
      properties: module.properties.map((q) => ({ name: q.name, kind: q.kind, description: q.description, ops: q.ops ?? [] })),
    }));
    // each op with its schemas (JSON Schema, as in schemas/<op>.json) and the properties that call it
    const uses = opUses(cat.map((c) => c.module));
    const ops = OPS.map((o) => ({
      id: o.id, signature: o.signature, description: o.description, tensors: o.tensors,
      args: o.args, result: o.result, constraints: o.constraints.map((c) => c.text), properties: uses.get(o.id) ?? [],
    }));
    console.log(JSON.stringify({ claims, ops }, null, 2));
    return 0;
  }
  const w = Math.max(...cat.map((c) => c.spec.id.length));
  console.log('claims:');
  for (const { spec } of cat) console.log(`  ${spec.id.padEnd(w)}  ${spec.kind.padEnd(14)}  ${spec.verdict.padEnd(20)}  ${spec.title}`);
  console.log('ops:');
  const wo = Math.max(...OPS.map((o) => o.id.length));
  for (const o of OPS) console.log(`  ${o.id.padEnd(wo)}  ${o.signature}`);
  return 0;
}

async function backendFlag(p: Parsed): Promise<BackendName> {
  const { BACKENDS } = await backendModule();
  const b = p.flags.get('backend') ?? 'wasm';
  if (typeof b !== 'string' || !(BACKENDS as readonly string[]).includes(b)) throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}`);
  return b as BackendName;
}

async function loadImpl(backend: BackendName) {
  const { createTfjsImplementation } = await import('../impl/tfjs/index.js');
  return createTfjsImplementation(backend);
}

async function check(p: Parsed): Promise<number> {
  noPositional(p, 'check');
  const backend = await backendFlag(p);
  const seed = intFlag(p, 'seed', -(2 ** 31), 2 ** 31 - 1) ?? DEFAULT_SEED;
  const runs = intFlag(p, 'runs', 1, 1_000_000);
  const glob = p.flags.get('claims');
  const outDir = typeof p.flags.get('out') === 'string' ? String(p.flags.get('out')) : outputPath('reports');
  const [{ loadCatalogue }, { runCheck, runCheckParallel, summaryTable, reportMarkdown, checkAsConform }, { defaultWorkers, PoolStartError },
    { parsePatterns, selects, SelectionError }, { reportersOf }, { report }, { Progress }, { writeReportSet }, { toJUnitXml }, { valueText }, { BackendUnavailable }] =
    await Promise.all([catalogueModule(), checkModule(), import('../runner/pool.js'), import('../runner/selection.js'), conformCliModule(),
      import('./reporters.js'), import('./progress.js'), import('../conform/atomic-write.js'), import('../conform/report-junit.js'),
      import('../runner/counterexample.js'), backendModule()]);
  const all = loadCatalogue();
  let patterns;
  try { patterns = parsePatterns(typeof glob === 'string' ? glob : undefined, all.map((c) => c.spec.id), 'claim id'); } catch (e) {
    if (e instanceof SelectionError) throw new UsageError(e.message);
    throw e;
  }
  const cat = all.filter((c) => selects(patterns, [c.spec.id]));
  if (cat.length === 0) throw new UsageError(`--claims '${String(glob)}' selects no claim`);
  const reporters = reportersOf(p);
  const junit = typeof p.flags.get('junit') === 'string' ? String(p.flags.get('junit')) : undefined;
  const workers = intFlag(p, 'workers', 1, 1024) ?? defaultWorkers();
  const progress = new Progress(cat.length, 'claims');
  const checkOpts = {
    seed, backend, ...(runs !== undefined ? { runs } : {}), bail: p.flags.has('bail'),
    onClaim: (r: { verdict: string; id: string }) => progress.tick(r.verdict, r.id),
  };
  let rep;
  if (workers > 1 && cat.reduce((n, c) => n + c.module.properties.length, 0) > 1) {
    // one property per task on worker threads, each with its own tfjs backend (src/runner/pool.ts)
    try {
      rep = await runCheckParallel(cat, workers, checkOpts);
    } catch (e) {
      if (e instanceof PoolStartError && e.errorName === 'BackendUnavailable') throw new BackendUnavailable(e.message);
      throw e;
    }
  } else {
    rep = runCheck(cat, await loadImpl(backend), checkOpts);
  }
  progress.end();
  const byId = new Map(cat.map((c) => [c.module.id, c.module]));
  const asConform = checkAsConform(rep, backend, (claim, property) => byId.get(claim)?.properties.find((q) => q.name === property)?.ops ?? []);
  const files: [string, string][] = [[path.join(outDir, 'latest.md'), reportMarkdown(rep)]];
  if (junit) files.push([junit, toJUnitXml(asConform)]);
  files.push([path.join(outDir, 'latest.json'), JSON.stringify(rep, null, 2) + '\n']); // authoritative, renamed last
  writeReportSet(files);
  const s = rep.summary;
  report(asConform, reporters, () => {
    console.log(`lemmata check: ${rep.implementation.name}, seed ${seed}`);
    console.log(summaryTable(rep.claims));
    const bad = rep.claims.flatMap((c) => c.properties).filter((q) => q.verdict === 'fail' || q.verdict === 'error');
    for (const q of bad) {
      console.log(`\n${q.verdict.toUpperCase()} ${q.id}: ${q.detail ?? ''}\n  shrunk counterexample: ${valueText(q.counterexample)}${q.failureClass ? ` (${q.failureClass})` : ''}` +
        (q.worstDetail ? `\n  largest err/bound seen: ${q.worstDetail}\n    at ${valueText(q.worstInput, 600)}` : '') + `\n  replay: npx lemmata replay ${q.replay ?? ''}`);
    }
    if (p.flags.has('bail') && rep.claims.length < cat.length) console.log(`\n--bail: ${cat.length - rep.claims.length} claims not run after the first failure`);
    console.log(`\n${s.pass} passed, ${s.fail} failed, ${s.error} errors, ${s.unsupported} unsupported (claims); ${rep.timing.totalMs} ms; report: ${path.relative(process.cwd(), path.join(outDir, 'latest.json')) || 'latest.json'}`);
  });
  const suspicious = asConform.summary.suspicious;
  if (suspicious > 0 && !reporters.includes('json') && !reporters.includes('junit')) console.log(`${suspicious} properties suspicious (an error beyond the probabilistic bound; --strict fails them)`);
  return s.fail + s.error > 0 || (p.flags.has('strict') && suspicious > 0) ? 1 : 0;
}

async function audit(p: Parsed): Promise<number> {
  noPositional(p, 'audit');
  const [{ loadCatalogue }, { auditNotes, auditMarkdown, auditJson, verdictTally }] = await Promise.all([catalogueModule(), import('../runner/audit.js')]);
  const catalogue = loadCatalogue();
  const result = auditNotes(catalogue);
  const problems = [...result.problems];
  const notes = p.flags.get('notes');
  if (notes !== undefined) {
    if (typeof notes !== 'string' || !fs.existsSync(notes) || !fs.statSync(notes).isDirectory()) {
      throw new UsageError(`audit --notes: ${String(notes)} is not a directory`);
    }
    const [{ verifyQuotes }, { verifyStatementQuotes }] = await Promise.all([import('../runner/notes-quotes.js'), import('../audit/quotes.js')]);
    const q = verifyQuotes(catalogue.map((c) => c.spec), notes);
    for (const x of q.problems) problems.push(`${x.claim}: spec/${x.claim}.md source ${x.file}:${x.line ?? '?'}: ${x.problem}`);
    const bad = new Set(q.problems.map((x) => x.claim)).size;
    console.error(`lemmata audit --notes: ${q.checked - bad} of ${q.checked} spec quotes found verbatim in ${q.files.length} notes files under ${notes}`);
    const sq = verifyStatementQuotes(result.statements, notes);
    problems.push(...sq.problems);
    console.error(`lemmata audit --notes: ${sq.checked - sq.problems.length} of ${sq.checked} statement quotes found verbatim at their lines`);
  }
  if (p.flags.has('coverage')) {
    if (typeof notes !== 'string') throw new UsageError('audit --coverage needs --notes DIR (the notes to scan)');
    const { coverage, coverageText } = await import('../audit/coverage.js');
    const cov = coverage(notes, result.statements);
    console.log(coverageText(cov));
    problems.push(...cov.problems);
    if (p.flags.has('json')) return problems.length ? 1 : 0;
  }
  if (p.flags.has('errata')) {
    const dir = typeof p.flags.get('out') === 'string' ? String(p.flags.get('out')) : outputPath('reports', 'errata');
    const { writeErrata } = await import('../audit/errata.js');
    const written = writeErrata(result, dir);
    console.log(`wrote ${written.length} errata pages (Markdown and HTML, ${written.length / 2} notes files) to ${path.relative(process.cwd(), dir) || '.'}`);
  } else if (p.flags.has('json')) {
    console.log(JSON.stringify(auditJson(result), null, 2));
  } else if (!p.flags.has('coverage')) {
    const out = typeof p.flags.get('out') === 'string' ? String(p.flags.get('out')) : outputPath('reports', 'seed-audit.md');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, auditMarkdown(result));
    const findings = result.claims.flatMap((c) => c.findings);
    console.log(`audited ${result.statements.length} statements (${verdictTally(result.statements)}) with ${findings.length} findings of ${result.claims.length} claims`);
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  }
  for (const q of problems) console.error(`lemmata audit: ${q}`);
  return problems.length ? 1 : 0;
}

async function replay(p: Parsed): Promise<number> {
  if (p.positional.length !== 1) throw new UsageError('replay needs exactly one TOKEN');
  const { decodeReplay } = await import('../runner/replay-token.js');
  let info;
  try { info = decodeReplay(p.positional[0]!); } catch (e) { throw new UsageError((e as Error).message); }
  if (info.backend === 'external') return (await conformCliModule()).replayExternal(info, p);
  if (p.flags.has('impl') || p.flags.has('impl-cmd')) throw new UsageError('this token comes from `lemmata check` (built-in tfjs); --impl/--impl-cmd do not apply');
  const [claimId, propName] = [info.property.slice(0, info.property.indexOf('/')), info.property.slice(info.property.indexOf('/') + 1)];
  const [{ loadCatalogue }, { BACKENDS }, { runProperty, formatRatio }, { valueText }] =
    await Promise.all([catalogueModule(), backendModule(), runPropertyModule(), import('../runner/counterexample.js')]);
  const entry = loadCatalogue().find((c) => c.spec.id === claimId);
  const prop = entry?.module.properties.find((q) => q.name === propName);
  if (!entry || !prop) throw new UsageError(`replay: unknown property '${info.property}'`);
  if (!(BACKENDS as readonly string[]).includes(info.backend)) throw new UsageError(`replay: unknown backend '${info.backend}'`);
  const impl = await loadImpl(info.backend as BackendName);
  const r = runProperty(claimId, prop, impl, { seed: info.seed, runs: info.runs, backend: info.backend, path: info.path, ...(info.guard ? { guard: { noSubnormal: info.guard[0] === 1, minRatio: info.guard[1] } } : {}) });
  console.log(`replay ${r.id} on ${impl.name} (seed ${info.seed}, path ${info.path || '(none)'}): ${r.verdict}`);
  if (r.counterexample !== undefined) console.log(`  counterexample: ${valueText(r.counterexample)}${r.failureClass ? ` (${r.failureClass})` : ''}`);
  if (r.detail) console.log(`  ${r.detail}`);
  if (r.worstRatio !== null) console.log(`  worst error/bound: ${formatRatio(r.worstRatio)}`);
  return r.verdict === 'pass' || r.verdict === 'unsupported' ? 0 : 1;
}

async function fixtures(p: Parsed): Promise<number> {
  noPositional(p, 'fixtures');
  const { writeFixtures, verifyFixtures } = await import('../fixtures/index.js');
  // --verify reads the package's fixtures; regenerating writes fixtures/ in this repository, ./lemmata-fixtures/ elsewhere
  const dir = typeof p.flags.get('out') === 'string' ? String(p.flags.get('out')) : p.flags.has('verify') ? fromRoot('fixtures') : outputPath('fixtures');
  const glob = typeof p.flags.get('ops') === 'string' ? String(p.flags.get('ops')) : undefined;
  if (p.flags.has('verify')) {
    const r = verifyFixtures(dir, glob);
    for (const q of r.problems) console.error(`lemmata fixtures --verify: ${q}`);
    console.log(r.ok ? `fixtures in ${path.relative(process.cwd(), dir) || '.'} are up to date` : `fixtures differ from the oracle (${r.problems.length} problems); regenerate with: npx lemmata fixtures`);
    return r.ok ? 0 : 1;
  }
  const r = writeFixtures(dir, glob);
  console.log(`wrote ${r.files.length} files to ${path.relative(process.cwd(), dir) || '.'}`);
  return 0;
}

/** `lemmata adapter-path NAME`: the absolute path of a shipped adapter or client; `--list`: all of them. */
function adapterPathCommand(p: Parsed): number {
  if (p.flags.has('list')) {
    if (p.positional.length) throw new UsageError('adapter-path: give a NAME or --list, not both');
    const w = Math.max(...ADAPTER_NAMES.map((n) => n.length));
    for (const n of ADAPTER_NAMES) console.log(`${n.padEnd(w)}  ${adapterPath(n)}  (${ADAPTERS[n].description})`);
    return 0;
  }
  const [name, ...more] = p.positional;
  if (name === undefined || more.length) throw new UsageError(`adapter-path needs exactly one NAME (${ADAPTER_NAMES.join(', ')}) or --list`);
  if (!isAdapterName(name)) throw new UsageError(`adapter-path: unknown adapter '${name}'; known: ${ADAPTER_NAMES.join(', ')}`);
  console.log(adapterPath(name));
  return 0;
}
