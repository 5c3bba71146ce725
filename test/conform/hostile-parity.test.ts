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

/**
 * Run one program on `input`: its stdout bytes and how it ended. A program expected to hang is stopped
 * (SIGTERM) 300 ms after its `hangAfterLines`-th line of output, not after a fixed time (a loaded machine
 * may take long to start it); every program is stopped after 20 s at the latest.
 */
function run(cmd: string, args: string[], hangAfterLines?: number): Promise<{ stdout: string; status: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const c = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    let lines = 0, stopping = false;
    c.stdout.on('data', (d: Buffer) => {
      chunks.push(d);
      for (const b of d) if (b === 10) lines++;
      if (hangAfterLines !== undefined && lines >= hangAfterLines && !stopping) { stopping = true; setTimeout(() => c.kill('SIGTERM'), 300); }
    });
    const cap = setTimeout(() => c.kill('SIGTERM'), 20_000);
    c.on('error', reject);
    c.on('close', (status, signal) => { clearTimeout(cap); resolve({ stdout: Buffer.concat(chunks).toString('latin1'), status, signal }); });
    c.stdin.on('error', () => {}); // a program that exits before reading everything
    c.stdin.end(input);
  });
}

/** Both programs on the same input; `expect` is the test's own (the tests run concurrently). */
async function both(hello: string, plan: string, expect: ExpectStatic, hangAfterLines?: number) {
  const [js, py] = await Promise.all([run(process.execPath, [JS, hello, plan], hangAfterLines), run('/usr/bin/python3', ['-S', PY, hello, plan], hangAfterLines)]);
  expect(py.stdout).toBe(js.stdout);
  expect([py.status, py.signal]).toEqual([js.status, js.signal]);
}

describe('hostile.py and hostile.mjs misbehave identically', () => {
  // request 1 hangs after the hello line: both are stopped once it is out (a program that exits instead shows as a different status)
  it.concurrent.for(BEHAVIOURS)('request behaviour %s (then ok): the same stdout bytes and exit', (b, { expect }) => both('ok', `${b},ok`, expect, b === 'hang' ? 1 : undefined));
  it.concurrent.for(HELLO_BEHAVIOURS)('hello behaviour %s: the same stdout bytes and exit', (h, { expect }) => both(h, 'ok', expect));
});
