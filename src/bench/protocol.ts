/**
 * Batching and framing benchmark for the line protocol. The same generated inputs (softmax logits
 * from the ret.teacher-softmax arbitrary) go to the same implementation process in requests of up
 * to 256 argument sets and one request per example, under protocol version 1 (JSON lines) and
 * version 2 (binary frames). Printed per implementation: the transport throughput of each
 * combination (examples per second through the protocol), the batched/single ratio per version,
 * the end-to-end throughput of the whole conformance property (oracle enclosures and bounds
 * included); and, for the NumPy adapter, the in-process baseline: the adapter's own softmax called
 * on each input (already an ndarray) in one Python process, per item, against the protocol's cost
 * per item. Implementations: the plain-JS reference served over the protocol by serve-line.mjs
 * (once returning plain arrays, once Float32Arrays), and the NumPy adapter when /usr/bin/python3
 * has numpy.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { connectLineProtocol, DEFAULT_LINE_OPTIONS } from '../conform/line-protocol.js';
import { runConformProperty } from '../conform/run.js';
import { CLAIM_MODULES } from '../properties/index.js';
import { fromRoot } from '../util/paths.js';

const N = 6000;
const E2E = 500;
const prop = CLAIM_MODULES.find((m) => m.id === 'ret.teacher-softmax')!.properties.find((p) => p.name === 'conformance')!;
const inputs = (fc.sample(prop.arbitrary, { seed: 99, numRuns: N }) as { x: number[] }[]).map(({ x }) => ({ x }));

/** Examples per second through the protocol: the best of PASSES passes over the inputs (this machine is shared: the best pass is the least disturbed). */
const PASSES = 3;
async function transport(command: string, batch: number, version: 1 | 2, passes = PASSES): Promise<number> {
  const impl = await connectLineProtocol(command, { ...DEFAULT_LINE_OPTIONS, maxProtocol: version });
  try {
    if (impl.protocol !== version) throw new Error(`${command} did not negotiate protocol version ${version}`);
    // warm up both sides (JIT, caches) before timing
    for (let i = 0; i < 512; i += batch) await impl.callBatch('nn.softmax', 'float32', inputs.slice(i, i + batch));
    let best = Infinity;
    for (let pass = 0; pass < passes; pass++) {
      const t0 = performance.now();
      for (let i = 0; i < inputs.length; i += batch) {
        const res = await impl.callBatch('nn.softmax', 'float32', inputs.slice(i, i + batch));
        if (res.some((r) => 'error' in r)) throw new Error('benchmark implementation failed');
      }
      best = Math.min(best, performance.now() - t0);
    }
    return (N / best) * 1000;
  } finally {
    await impl.close();
  }
}

/** CPU seconds of this process plus its reaped children (Linux: /proc/self/stat utime, stime, cutime, cstime); null elsewhere. */
function cpuSeconds(): number | null {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100; // USER_HZ
  } catch {
    return null;
  }
}

/**
 * CPU time per item of the runner and the program together (independent of how busy the machine
 * is): a connection that runs PASSES passes minus one that only starts and warms up, over the
 * items of those passes.
 */
async function cpuPerItem(command: string, batch: number, version: 1 | 2): Promise<number | null> {
  const cost = async (passes: number) => {
    const c0 = cpuSeconds();
    await transport(command, batch, version, passes);
    const c1 = cpuSeconds();
    return c0 === null || c1 === null ? null : c1 - c0;
  };
  const full = await cost(PASSES), base = await cost(0);
  return full === null || base === null ? null : (full - base) / (PASSES * N);
}

async function endToEnd(command: string, batch: number, version: 1 | 2): Promise<number> {
  const impl = await connectLineProtocol(command, { ...DEFAULT_LINE_OPTIONS, maxProtocol: version });
  try {
    const t0 = performance.now();
    const r = await runConformProperty(prop, impl, 'float32', 99, E2E, batch);
    if (r.status !== 'pass') throw new Error(`benchmark property did not pass: ${r.detail}`);
    return (E2E / (performance.now() - t0)) * 1000;
  } finally {
    await impl.close();
  }
}

/** Seconds per item of the NumPy adapter's softmax called in-process on each input (best of 3 passes). */
function numpyInProcess(): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-bench-'));
  try {
    const file = path.join(dir, 'inputs.json');
    fs.writeFileSync(file, JSON.stringify(inputs.map((a) => a.x)));
    const script = [
      'import json, sys, time',
      `sys.path.insert(0, ${JSON.stringify(fromRoot('clients', 'python'))})`,
      'import numpy as np',
      'import numpy_adapter as a',
      'xs = [np.asarray(x, dtype=np.float32) for x in json.load(open(sys.argv[1]))]',
      'best = float("inf")',
      'for _ in range(3):',
      '    t0 = time.perf_counter()',
      '    for x in xs: a.softmax({"x": x}, "float32")',
      '    best = min(best, (time.perf_counter() - t0) / len(xs))',
      'print(best)',
    ].join('\n');
    const r = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' } });
    if (r.status !== 0) throw new Error(`in-process NumPy baseline failed: ${r.stderr}`);
    return Number(r.stdout.trim());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const serveLine = (module: string) => `node ${fromRoot('clients', 'js', 'serve-line.mjs')} ${fromRoot('test', 'conform', 'adapters', module)}`;
// plain arrays in replies (JSON in both versions), and Float32Array replies (raw bytes under version 2)
const impls: [string, string][] = [['js reference (node)', serveLine('float64-reference.mjs')], ['js, typed results (node)', serveLine('float64-reference-typed.mjs')]];
const numpy = spawnSync('/usr/bin/python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
if (numpy) impls.push(['numpy adapter (python)', `/usr/bin/python3 ${fromRoot('clients', 'python', 'numpy_adapter.py')}`]);
else console.log('(numpy adapter not measured: /usr/bin/python3 has no numpy — apt-get install python3-numpy)');

const elements = inputs.reduce((a, b) => a + b.x.length, 0);
console.log(`(load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores: absolute numbers and ratios are noisy on a loaded machine)`);
console.log(`line protocol: nn.softmax float32, ${N} generated inputs (${elements} elements, ${(elements / N).toFixed(0)} per input on average) for transport; ${E2E} for end to end (oracle included)`);
console.log(`transport, examples/s, best of ${PASSES} passes (batched: 256 per request; single: 1 per request):`);
console.log(`${'implementation'.padEnd(24)}${'v1 batched'.padStart(12)}${'v1 single'.padStart(11)}${'ratio'.padStart(8)}${'v2 batched'.padStart(12)}${'v2 single'.padStart(11)}${'ratio'.padStart(8)}${'v2/v1 batched'.padStart(15)}${'v2/v1 single'.padStart(14)}`);
const perItem: Record<string, number> = {};
for (const [name, cmd] of impls) {
  const b1 = await transport(cmd, 256, 1), s1 = await transport(cmd, 1, 1), b2 = await transport(cmd, 256, 2), s2 = await transport(cmd, 1, 2);
  perItem[name] = 1 / b2;
  const x = (r: number) => `${r.toFixed(1)}x`;
  console.log(`${name.padEnd(24)}${b1.toFixed(0).padStart(12)}${s1.toFixed(0).padStart(11)}${x(b1 / s1).padStart(8)}${b2.toFixed(0).padStart(12)}${s2.toFixed(0).padStart(11)}${x(b2 / s2).padStart(8)}${x(b2 / b1).padStart(15)}${x(s2 / s1).padStart(14)}`);
}
console.log(`end to end, examples/s (${E2E} inputs, oracle and bounds included):`);
console.log(`${'implementation'.padEnd(24)}${'v1 batched'.padStart(12)}${'v1 single'.padStart(11)}${'ratio'.padStart(8)}${'v2 batched'.padStart(12)}${'v2 single'.padStart(11)}${'ratio'.padStart(8)}`);
for (const [name, cmd] of impls) {
  const b1 = await endToEnd(cmd, 256, 1), s1 = await endToEnd(cmd, 1, 1), b2 = await endToEnd(cmd, 256, 2), s2 = await endToEnd(cmd, 1, 2);
  console.log(`${name.padEnd(24)}${b1.toFixed(0).padStart(12)}${s1.toFixed(0).padStart(11)}${`${(b1 / s1).toFixed(1)}x`.padStart(8)}${b2.toFixed(0).padStart(12)}${s2.toFixed(0).padStart(11)}${`${(b2 / s2).toFixed(1)}x`.padStart(8)}`);
}
if (numpy) {
  const inProc = numpyInProcess();
  const proto = perItem['numpy adapter (python)']!;
  const cpu = await cpuPerItem(impls.find(([n]) => n === 'numpy adapter (python)')![1], 256, 2);
  const us = (s: number) => `${(s * 1e6).toFixed(1)} µs`;
  console.log('NumPy in-process baseline (the adapter\'s softmax on each input as an ndarray, one Python process, best of 3):');
  console.log(`  in-process ${us(inProc)} per item; through the protocol (v2, batched) ${us(proto)} per item = ${(proto / inProc).toFixed(2)}x; protocol overhead ${us(proto - inProc)} per item = ${((proto - inProc) / inProc).toFixed(2)}x the in-process cost (target ≤ 2x)`);
  if (cpu !== null) console.log(`  CPU time (runner + adapter summed, v2 batched; less sensitive to other load than wall time): ${us(cpu)} per item = ${(cpu / inProc).toFixed(2)}x in-process; overhead ${us(cpu - inProc)} = ${((cpu - inProc) / inProc).toFixed(2)}x`);
}
