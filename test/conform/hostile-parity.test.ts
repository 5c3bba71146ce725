/**
 * The robustness test drives test/conform/adapters/hostile.py (CPython starts faster than Node.js, and it
 * is started ≈ 1,300 times); hostile.mjs is the same program in JavaScript, used by the other protocol
 * tests. The two must misbehave identically, or the robustness test checks behaviours nothing else sees:
 * for every hello behaviour and every request behaviour, the same input gives the same stdout bytes and
 * the same exit status (a hang: the same bytes before both are stopped).
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
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

function both(hello: string, plan: string, timeout: number) {
  const js = spawnSync(process.execPath, [JS, hello, plan], { input, timeout });
  const py = spawnSync('/usr/bin/python3', ['-S', PY, hello, plan], { input, timeout });
  return { js, py };
}

describe('hostile.py and hostile.mjs misbehave identically', () => {
  it.each(BEHAVIOURS)('request behaviour %s (then ok): the same stdout bytes and exit', (b) => {
    const { js, py } = both('ok', `${b},ok`, b === 'hang' ? 1500 : 10_000);
    expect(py.stdout.toString('latin1')).toBe(js.stdout.toString('latin1'));
    expect([py.status, py.signal]).toEqual([js.status, js.signal]);
  });

  it.each(HELLO_BEHAVIOURS)('hello behaviour %s: the same stdout bytes and exit', (h) => {
    const { js, py } = both(h, 'ok', h === 'hang' ? 1500 : 10_000);
    expect(py.stdout.toString('latin1')).toBe(js.stdout.toString('latin1'));
    expect([py.status, py.signal]).toEqual([js.status, js.signal]);
  });
});
