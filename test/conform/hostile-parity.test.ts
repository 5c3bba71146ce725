/**
 * The robustness test drives test/conform/adapters/hostile.py (CPython starts faster than Node.js, and it
 * is started ≈ 1,300 times); hostile.mjs is the same program in JavaScript, used by the other protocol
 * tests. The two must misbehave identically, or the robustness test checks behaviours nothing else sees:
 * for every hello behaviour and every request behaviour, the same input gives the same stdout bytes and
 * the same exit status (a hang: the same bytes before both are stopped).
 */
import { describe, it, type ExpectStatic } from 'vitest';
import { spawn } from 'node:child_process';
import { fromRoot } from '../../src/util/paths.js';

const JS = fromRoot('test', 'conform', 'adapters', 'hostile.mjs');
const PY = fromRoot('test', 'conform', 'adapters', 'hostile.py');
const HELLO_BEHAVIOURS = ['ok', 'garbage', 'wrong-version', 'no-ops', 'crash', 'hang'];
const BEHAVIOURS = ['ok', 'slow', 'garbage', 'not-object', 'crash', 'partial-then-crash', 'hang', 'wrong-id', 'wrong-count', 'no-results',
  'huge', 'nan', 'wrong-shape', 'bad-tensor', 'bad-b64', 'item-error', 'request-error', 'bad-item', 'extra-line', 'stderr-spam', 'deep', 'proto-key'];

const input = [
  { lemmata: 1, type: 'hello' },
  { id: 1, op: 'nn.softmax', dtype: 'float32', batch: [{ x: [1, 2, 3] }, { x: [0.5, -0.25] }] },
  { id: 2, op: 'nn.softmax', dtype: 'float32', batch: [{ x: [Math.fround(0.1), 0, -0] }] },
].map((m) => `${JSON.stringify(m)}\n`).join('');

/** Run one program on `input`: its stdout bytes and how it ended (killed with SIGTERM after `timeout` ms). */
function run(cmd: string, args: string[], timeout: number): Promise<{ stdout: string; status: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const c = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    c.stdout.on('data', (d: Buffer) => chunks.push(d));
    const timer = setTimeout(() => c.kill('SIGTERM'), timeout);
    c.on('error', reject);
    c.on('close', (status, signal) => { clearTimeout(timer); resolve({ stdout: Buffer.concat(chunks).toString('latin1'), status, signal }); });
    c.stdin.on('error', () => {}); // a program that exits before reading everything
    c.stdin.end(input);
  });
}

/** Both programs on the same input; `expect` is the test's own (the tests run concurrently). */
async function both(hello: string, plan: string, timeout: number, expect: ExpectStatic) {
  const [js, py] = await Promise.all([run(process.execPath, [JS, hello, plan], timeout), run('/usr/bin/python3', ['-S', PY, hello, plan], timeout)]);
  expect(py.stdout).toBe(js.stdout);
  expect([py.status, py.signal]).toEqual([js.status, js.signal]);
}

describe('hostile.py and hostile.mjs misbehave identically', () => {
  it.concurrent.for(BEHAVIOURS)('request behaviour %s (then ok): the same stdout bytes and exit', (b, { expect }) => both('ok', `${b},ok`, b === 'hang' ? 1500 : 10_000, expect));
  it.concurrent.for(HELLO_BEHAVIOURS)('hello behaviour %s: the same stdout bytes and exit', (h, { expect }) => both(h, 'ok', h === 'hang' ? 1500 : 10_000, expect));
});
