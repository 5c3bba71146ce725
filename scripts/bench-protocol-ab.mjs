#!/usr/bin/env node
// A/B benchmark of the line protocol with the NumPy adapter: a baseline checkout (another tree of
// this project, built: its dist/ and clients/) against this one, in the same process, interleaved
// (the order alternates A B B A ...), medians over the rounds — on a shared machine every variant
// sees the same load.
//
//   npm run build
//   git archive <commit> | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/ && (cd /tmp/base && npx tsc -p tsconfig.build.json)
//   node scripts/bench-protocol-ab.mjs --base /tmp/base [--rounds 5] [--n 6000] [--no-pipeline]
//
// Measured per round, for each side: nn.softmax float32 through protocol version 2, 256 inputs per
// request (batched) and 1 per request (single), one request at a time; this checkout also batched
// with the next request issued before the previous reply is awaited (pipelined: what
// CallCache.flush does); and the adapter's softmax called in-process on each
// input (this checkout's adapter: the same function both sides call). Inputs: the ret.teacher-softmax
// conformance arbitrary, seed 99, cast to float32 as the property does before calling the op.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : def; };
const base = arg('--base');
if (!base) { console.error('usage: bench-protocol-ab.mjs --base DIR [--rounds 5] [--n 6000]'); process.exit(2); }
const ROUNDS = Number(arg('--rounds', '5')), N = Number(arg('--n', '6000'));
const PY = '/usr/bin/python3';

const { CLAIM_MODULES } = await import(pathToFileURL(path.join(here, 'dist', 'properties', 'index.js')).href);
const { castFloats } = await import(pathToFileURL(path.join(here, 'dist', 'properties', 'gen-helpers.js')).href);
const sides = {
  A: { root: path.resolve(base), lp: await import(pathToFileURL(path.join(path.resolve(base), 'dist', 'conform', 'line-protocol.js')).href) },
  B: { root: here, lp: await import(pathToFileURL(path.join(here, 'dist', 'conform', 'line-protocol.js')).href) },
};
const prop = CLAIM_MODULES.find((m) => m.id === 'ret.teacher-softmax').properties.find((p) => p.name === 'conformance');
const inputs = fc.sample(prop.arbitrary, { seed: 99, numRuns: N }).map(({ x }) => ({ x: castFloats(x, 'float32') }));

/** CPU seconds (user + system) of this process's descendants now alive (the adapter), from /proc (Linux; 0 elsewhere). */
function childrenCpu(pid = process.pid) {
  let sum = 0;
  let kids = [];
  try {
    for (const t of fs.readdirSync(`/proc/${pid}/task`)) kids.push(...fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
  } catch { return 0; }
  for (const k of kids) {
    try {
      const st = fs.readFileSync(`/proc/${k}/stat`, 'utf8');
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      sum += (Number(f[11]) + Number(f[12])) / 100 + childrenCpu(Number(k));
    } catch { /* ended meanwhile */ }
  }
  return sum;
}
const cpuSamples = {};
const ownCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

async function transport(side, batch, pipelined = false) {
  const { lp, root } = sides[side];
  const impl = await lp.connectLineProtocol(`${PY} ${path.join(root, 'clients', 'python', 'numpy_adapter.py')}`, { ...lp.DEFAULT_LINE_OPTIONS, maxProtocol: 2 });
  try {
    if (impl.protocol !== 2) throw new Error(`side ${side} did not negotiate version 2`);
    for (let i = 0; i < 512; i += batch) await impl.callBatch('nn.softmax', 'float32', inputs.slice(i, i + batch));
    const check = (res) => { if (res.some((r) => 'error' in r)) throw new Error(`side ${side} failed: ${JSON.stringify(res.find((r) => 'error' in r))}`); };
    const inFlight = [];
    const c0 = ownCpu(), k0 = childrenCpu();
    const t0 = performance.now();
    for (let i = 0; i < inputs.length; i += batch) {
      inFlight.push(impl.callBatch('nn.softmax', 'float32', inputs.slice(i, i + batch)));
      if (!pipelined || inFlight.length >= 2) check(await inFlight.shift());
    }
    while (inFlight.length) check(await inFlight.shift());
    const wall = (performance.now() - t0) / 1000 / inputs.length;
    const key = `${side}${batch > 1 ? (pipelined ? 'p' : 'b') : 's'}`;
    (cpuSamples[key] ??= []).push({ runner: (ownCpu() - c0) / inputs.length, adapter: (childrenCpu() - k0) / inputs.length });
    return wall;
  } finally {
    await impl.close();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-ab-'));
const file = path.join(dir, 'inputs.json');
fs.writeFileSync(file, JSON.stringify(inputs.map((a) => a.x)));
function inProcess() {
  const script = [
    'import json, sys, time',
    `sys.path.insert(0, ${JSON.stringify(path.join(here, 'clients', 'python'))})`,
    'import numpy as np',
    'import numpy_adapter as a',
    'xs = [np.asarray(x, dtype=np.float32) for x in json.load(open(sys.argv[1]))]',
    'for x in xs[:256]: a.softmax({"x": x}, "float32")',
    't0, c0 = time.perf_counter(), time.process_time()',
    'for x in xs: a.softmax({"x": x}, "float32")',
    'print(json.dumps([(time.perf_counter() - t0) / len(xs), (time.process_time() - c0) / len(xs)]))',
  ].join('\n');
  const r = spawnSync(PY, ['-c', script, file], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' } });
  if (r.status !== 0) throw new Error(`in-process baseline failed: ${r.stderr}`);
  const [wall, cpu] = JSON.parse(r.stdout.trim());
  inprocCpu.push(cpu);
  return wall;
}
const inprocCpu = [];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const m = { inproc: [], Ab: [], As: [], Bb: [], Bs: [], Bp: [] };
const pipeline = !process.argv.includes('--no-pipeline');
const loads = [];
try {
  for (let r = 0; r < ROUNDS; r++) {
    loads.push(os.loadavg()[0]);
    m.inproc.push(inProcess());
    for (const side of r % 2 ? ['B', 'A'] : ['A', 'B']) {
      m[`${side}b`].push(await transport(side, 256));
      m[`${side}s`].push(await transport(side, 1));
      // this checkout only (a baseline without pipelining must not get concurrent calls): the next request issued before the previous reply is awaited
      if (side === 'B' && pipeline) m.Bp.push(await transport(side, 256, true));
    }
    process.stderr.write(`round ${r + 1}/${ROUNDS} done\n`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
const us = (s) => `${(s * 1e6).toFixed(1)} µs`;
const inproc = median(m.inproc);
console.log(`nn.softmax float32, NumPy adapter, protocol v2; ${N} inputs; ${ROUNDS} interleaved rounds, medians; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${os.cpus().length} cores`);
console.log(`in-process (the adapter's softmax per item): ${us(inproc)} per item  [rounds: ${m.inproc.map(us).join(', ')}]`);
for (const [side, name] of [['A', `baseline (${sides.A.root})`], ['B', `this checkout (${here})`]]) {
  const b = median(m[`${side}b`]), s = median(m[`${side}s`]);
  console.log(`${side} ${name}:`);
  console.log(`  batched ${us(b)} per item, single ${us(s)} per item: batched/single ${(s / b).toFixed(1)}x (target ≥ 10x)`);
  console.log(`  per item vs in-process: ${(b / inproc).toFixed(2)}x; overhead ${us(b - inproc)} = ${((b - inproc) / inproc).toFixed(2)}x the in-process cost (target ≤ 2x)`);
  console.log(`  rounds batched: ${m[`${side}b`].map(us).join(', ')}; single: ${m[`${side}s`].map(us).join(', ')}`);
}
{
  // CPU time: not inflated by waiting for a CPU on a loaded machine (10 ms ticks: medians over rounds)
  const ic = median(inprocCpu);
  console.log(`CPU time per item (runner + adapter, medians; in-process ${us(ic)}):`);
  for (const [key, name] of [['Ab', 'A batched'], ['As', 'A single'], ['Bb', 'B batched'], ['Bp', 'B batched pipelined'], ['Bs', 'B single']]) {
    const xs = cpuSamples[key];
    if (!xs) continue;
    const r = median(xs.map((c) => c.runner)), a = median(xs.map((c) => c.adapter)), t = median(xs.map((c) => c.runner + c.adapter));
    console.log(`  ${name.padEnd(20)} runner ${us(r)}, adapter ${us(a)}, total ${us(t)} = ${(t / ic).toFixed(2)}x in-process (overhead ${((t - ic) / ic).toFixed(2)}x)`);
  }
}
if (m.Bp.length) {
  const p = median(m.Bp), s = median(m.Bs);
  console.log(`B pipelined (two requests in flight): batched ${us(p)} per item; batched/single (single one at a time) ${(s / p).toFixed(1)}x; per item vs in-process ${(p / inproc).toFixed(2)}x, overhead ${((p - inproc) / inproc).toFixed(2)}x`);
  console.log(`  rounds: ${m.Bp.map(us).join(', ')}`);
}
