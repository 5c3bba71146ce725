/**
 * Batching benchmark for the line protocol. The same generated inputs (softmax logits from the
 * ret.teacher-softmax arbitrary) go to the same implementation process twice: in requests of up
 * to 256 argument sets, and one request per example. Printed per implementation: the transport
 * throughput of each mode (examples per second through the protocol), their ratio, and the
 * end-to-end throughput of the whole conformance property (oracle enclosures and bounds included)
 * in each mode. Implementations: the plain-JS reference served over the protocol, and the NumPy
 * adapter when /usr/bin/python3 has numpy.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { connectLineProtocol, DEFAULT_LINE_OPTIONS } from '../conform/line-protocol.js';
import { runConformProperty } from '../conform/run.js';
import { CLAIM_MODULES } from '../properties/index.js';
import { fromRoot } from '../util/paths.js';

const N = 6000;
const prop = CLAIM_MODULES.find((m) => m.id === 'ret.teacher-softmax')!.properties.find((p) => p.name === 'conformance')!;

async function transport(command: string, batch: number, base64 = false): Promise<number> {
  const impl = await connectLineProtocol(command, { ...DEFAULT_LINE_OPTIONS, base64 });
  const inputs = (fc.sample(prop.arbitrary, { seed: 99, numRuns: N }) as number[][]).map((x) => ({ x }));
  try {
    // warm up both sides (JIT, caches) before timing
    for (let i = 0; i < 512; i += batch) await impl.callBatch('nn.softmax', 'float32', inputs.slice(i, i + batch));
    const t0 = performance.now();
    for (let i = 0; i < inputs.length; i += batch) {
      const res = await impl.callBatch('nn.softmax', 'float32', inputs.slice(i, i + batch));
      if (res.some((r) => 'error' in r)) throw new Error('benchmark implementation failed');
    }
    return (N / (performance.now() - t0)) * 1000;
  } finally {
    await impl.close();
  }
}

async function endToEnd(command: string, batch: number): Promise<number> {
  const impl = await connectLineProtocol(command, { ...DEFAULT_LINE_OPTIONS });
  try {
    const t0 = performance.now();
    const r = await runConformProperty(prop, impl, 'float32', 99, 500, batch);
    if (r.status !== 'pass') throw new Error(`benchmark property did not pass: ${r.detail}`);
    return (500 / (performance.now() - t0)) * 1000;
  } finally {
    await impl.close();
  }
}

const impls: [string, string][] = [['js reference (node)', `node ${fromRoot('clients', 'js', 'serve-line.mjs')} ${fromRoot('test', 'conform', 'adapters', 'float64-reference.mjs')}`]];
if (spawnSync('/usr/bin/python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0) {
  impls.push(['numpy adapter (python)', `/usr/bin/python3 ${fromRoot('clients', 'python', 'numpy_adapter.py')}`]);
} else {
  console.log('(numpy adapter not measured: /usr/bin/python3 has no numpy — apt-get install python3-numpy)');
}
console.log(`line protocol batching: nn.softmax, ${N} generated inputs (transport) / 500 (end to end, oracle included)`);
console.log(`${'implementation'.padEnd(24)}${'batched ex/s'.padStart(14)}${'single ex/s'.padStart(13)}${'ratio'.padStart(8)}${'batched b64'.padStart(13)}${'ratio'.padStart(8)}   ${'end-to-end batched'.padStart(19)}${'single'.padStart(9)}${'ratio'.padStart(8)}`);
for (const [name, cmd] of impls) {
  const b = await transport(cmd, 256), s = await transport(cmd, 1), b64 = await transport(cmd, 256, true);
  const eb = await endToEnd(cmd, 256), es = await endToEnd(cmd, 1);
  console.log(`${name.padEnd(24)}${b.toFixed(0).padStart(14)}${s.toFixed(0).padStart(13)}${(b / s).toFixed(1).padStart(7)}x${b64.toFixed(0).padStart(13)}${(b64 / s).toFixed(1).padStart(7)}x   ${eb.toFixed(0).padStart(19)}${es.toFixed(0).padStart(9)}${(eb / es).toFixed(1).padStart(7)}x`);
}
