#!/usr/bin/env node
// `npm run mutation`: lemmata's own mutation score. Runs every implementation in the corpus
// (test/mutation/<domain>/*.mjs and *.py) through `conform` on 5 seeds and prints, per op, how many
// realistic bugs were killed (failed on every seed) and how many correct alternative algorithms
// (the "correct zoo") were failed (a false alarm on any seed). Writes reports/mutation.json and
// reports/mutation.md; `npm run docs` copies the table into the README.
//
// A corpus entry is a JS module in the `--impl` format (export default { name, dtype(s), ops })
// that also exports `meta = { op, kind: 'bug' | 'correct', class, description }`, or a Python
// line-protocol adapter whose first lines carry the same fields as `# lemmata-meta: {...}` JSON.
// `op` is the op under test: only properties calling it run (the entry may provide supporting ops).
//
// Usage: npm run mutation [-- --seeds 1,2,3,4,5] [-- --only GLOB] [-- --runs N] [-- --jobs N] [-- --update]
// --only S runs the entries whose path contains S or whose op is S (reports are not written);
// --only S --update also merges those results into the committed reports (entries of files that no
// longer exist are dropped; the seeds must be the report's), so a new op's rows are added without
// re-running the whole corpus.
// --jobs N (default: the number of cores) runs the corpus in N child processes (entry i goes to
// process i mod N); results are merged in corpus order, so the reports do not depend on N.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(path.join(root, 'dist', p)).href;
const { runConform } = await import(dist('conform/run.js'));
const { loadModuleImpl } = await import(dist('conform/module-impl.js'));
const { connectLineProtocol, DEFAULT_LINE_OPTIONS } = await import(dist('conform/line-protocol.js'));
const { CLAIM_MODULES } = await import(dist('properties/index.js'));
const { conformExitCode } = await import(dist('conform/types.js'));

const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt; };
const SEEDS = arg('seeds', '1,2,3,4,5').split(',').map(Number);
const ONLY = arg('only', '');
const RUNS = arg('runs', undefined);
const UPDATE = process.argv.includes('--update');
const JOBS = Number(arg('jobs', String(os.availableParallelism())));
const PART = arg('part', undefined); // internal: "k/N,file" — run entries k mod N, write results to file
const CORPUS = path.join(root, 'test', 'mutation');

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

async function metaOf(file) {
  if (file.endsWith('.mjs')) return (await import(pathToFileURL(file).href)).meta;
  const m = /^#\s*lemmata-meta:\s*(\{.*\})\s*$/m.exec(fs.readFileSync(file, 'utf8'));
  return m ? JSON.parse(m[1]) : undefined;
}

async function open(file) {
  if (file.endsWith('.mjs')) return loadModuleImpl(file);
  return connectLineProtocol(`/usr/bin/python3 ${JSON.stringify(file)}`, { ...DEFAULT_LINE_OPTIONS, timeoutMs: 60_000 });
}

const entries = [];
for (const file of walk(CORPUS).filter((f) => /\.(mjs|py)$/.test(f) && !path.basename(f).startsWith('_')).sort()) {
  const meta = await metaOf(file);
  if (!meta || !meta.op || !['bug', 'correct'].includes(meta.kind)) throw new Error(`${path.relative(root, file)}: needs meta = { op, kind: 'bug' | 'correct', class, description }`);
  if (ONLY && !path.relative(CORPUS, file).includes(ONLY) && meta.op !== ONLY) continue;
  entries.push({ file, meta });
}

const results = [];
const t0 = Date.now();
const [partK, partN, partFile] = PART ? (([kn, f]) => [...kn.split('/').map(Number), f])(PART.split(',')) : [0, 1, undefined];
if (!PART && JOBS > 1 && entries.length > 1) {
  // parent: fan out, then merge in corpus order
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-mutation-'));
  const passOn = process.argv.slice(2).filter((a, i, all) => a !== '--jobs' && all[i - 1] !== '--jobs' && a !== '--update');
  await Promise.all(Array.from({ length: JOBS }, (_, k) => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), ...passOn, '--part', `${k}/${JOBS},${path.join(tmp, `${k}.json`)}`], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`mutation part ${k}/${JOBS} exited ${code}`))));
  })));
  const byFile = new Map();
  for (let k = 0; k < JOBS; k++) for (const r of JSON.parse(fs.readFileSync(path.join(tmp, `${k}.json`), 'utf8'))) byFile.set(r.file, r);
  fs.rmSync(tmp, { recursive: true, force: true });
  for (const { file } of entries) {
    const r = byFile.get(path.relative(root, file));
    if (!r) throw new Error(`no result for ${path.relative(root, file)}`);
    results.push(r);
  }
}
for (const [i, { file, meta }] of entries.entries()) {
  if (!PART && JOBS > 1 && entries.length > 1) break;
  if (i % partN !== partK) continue;
  const rel = path.relative(root, file);
  const outcomes = [];
  for (const seed of SEEDS) {
    const impl = await open(file);
    try {
      const dtypes = [...new Set(Object.values(impl.ops).flat())].filter((d) => d === 'float32' || d === 'float64').sort();
      const r = await runConform(CLAIM_MODULES, impl, {
        seed, dtypes, batchSize: 256, shard: null, implFlag: `--impl ${rel}`,
        select: (_c, _p, ops) => ops.includes(meta.op),
        // a bug is killed by its first failing property (as `conform --bail`); the zoo runs everything
        bail: meta.kind === 'bug',
        ...(RUNS ? { runs: Number(RUNS) } : {}),
      });
      const code = conformExitCode(r);
      const bad = r.properties.filter((p) => ['fail', 'error', 'xpass'].includes(p.status));
      outcomes.push({ seed, code, ran: r.summary.pass + bad.length, failed: bad.map((p) => `${p.id} [${p.dtype}] ${p.status}: ${String(p.detail ?? '').slice(0, 160)}`) });
    } finally {
      await impl.close();
    }
  }
  const killedAll = outcomes.every((o) => o.code === 1);
  const passedAll = outcomes.every((o) => o.code === 0);
  const ok = meta.kind === 'bug' ? killedAll : passedAll;
  results.push({ file: rel, ...meta, ok, ...(RUNS ? { runs: Number(RUNS) } : {}), seeds: outcomes.map((o) => ({ seed: o.seed, exit: o.code, failed: o.failed.slice(0, 3) })) });
  const mark = meta.kind === 'bug' ? (killedAll ? 'killed' : outcomes.some((o) => o.code === 1) ? 'KILLED ON SOME SEEDS ONLY' : 'SURVIVED') : (passedAll ? 'passes' : 'FALSE ALARM');
  console.log(`${mark.padEnd(26)} ${meta.op.padEnd(26)} ${meta.kind.padEnd(8)} ${rel}`);
  if (!ok) for (const o of outcomes) console.log(`    seed ${o.seed}: exit ${o.code}${o.failed.length ? `; ${o.failed[0]}` : ''}`);
}

if (PART) {
  fs.writeFileSync(partFile, JSON.stringify(results));
  process.exit(0);
}

if (ONLY && UPDATE) {
  // merge into the committed report: replace the entries just run, keep the others whose file exists
  const prev = JSON.parse(fs.readFileSync(path.join(root, 'reports', 'mutation.json'), 'utf8'));
  if (prev.seeds.join(',') !== SEEDS.join(',')) throw new Error(`--update: the report was made with seeds ${prev.seeds.join(',')}, this run used ${SEEDS.join(',')}`);
  const fresh = new Map(results.map((r) => [r.file, r]));
  const all = new Map(prev.entries.filter((r) => fs.existsSync(path.join(root, r.file))).map((r) => [r.file, r]));
  for (const [f, r] of fresh) all.set(f, r);
  results.splice(0, results.length, ...[...all.keys()].sort().map((f) => all.get(f)));
}
// the table per op
const ops = [...new Set(results.map((r) => r.op))].sort();
const rows = ops.map((op) => {
  const rs = results.filter((r) => r.op === op);
  const bugs = rs.filter((r) => r.kind === 'bug'), zoo = rs.filter((r) => r.kind === 'correct');
  return { op, bugs: bugs.length, killed: bugs.filter((r) => r.ok).length, correct: zoo.length, falseAlarms: zoo.filter((r) => !r.ok).length };
});
const tot = rows.reduce((a, r) => ({ bugs: a.bugs + r.bugs, killed: a.killed + r.killed, correct: a.correct + r.correct, falseAlarms: a.falseAlarms + r.falseAlarms }), { bugs: 0, killed: 0, correct: 0, falseAlarms: 0 });
const pct = (k, n) => (n ? `${Math.floor((100 * k) / n)} %` : "—");
const table = ['| op | bugs | killed | kill rate | correct zoo | false alarms |', '|---|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| \`${r.op}\` | ${r.bugs} | ${r.killed} | ${pct(r.killed, r.bugs)} | ${r.correct} | ${r.falseAlarms} |`),
  `| **total** | ${tot.bugs} | ${tot.killed} | ${pct(tot.killed, tot.bugs)} | ${tot.correct} | ${tot.falseAlarms} |`].join('\n');
console.log(`\n${table}\n\nseeds ${SEEDS.join(', ')}; ${((Date.now() - t0) / 1000).toFixed(0)} s`);
if (!ONLY || UPDATE) {
  const doc = { seeds: SEEDS, rows, total: tot, entries: results };
  fs.writeFileSync(path.join(root, 'reports', 'mutation.json'), JSON.stringify(doc, null, 2) + '\n');
  fs.writeFileSync(path.join(root, 'reports', 'mutation.md'), [
    '# lemmata mutation score', '',
    `Generated by \`npm run mutation\` (seeds ${SEEDS.join(', ')}): every realistic bug in \`test/mutation/\` must fail \`conform\` on every seed (killed), every correct alternative algorithm (the correct zoo) must pass on every seed.`, '',
    table, '', '## Entries', '',
    ...results.map((r) => `- ${r.kind === 'bug' ? (r.ok ? 'killed' : '**survived**') : (r.ok ? 'passes' : '**false alarm**')} — \`${r.op}\` — ${r.class}: ${r.description} (\`${r.file}\`${r.runs ? `; ${r.runs} runs per property instead of each property's default` : ''})`), '',
  ].join('\n'));
}
process.exitCode = tot.killed === tot.bugs && tot.falseAlarms === 0 ? 0 : 1;
