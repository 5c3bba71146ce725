// Shared by the hostile-process adapters (test/conform/hostile-process.test.ts): record pids and
// events in a file the test reads, answer the handshake, compute a correct float32 softmax.
import fs from 'node:fs';
import readline from 'node:readline';
import { spawn } from 'node:child_process';

export const pidFile = process.argv[2];
export const note = (text) => fs.appendFileSync(pidFile, `${text}\n`);
note(`pid ${process.pid}`);

/** Start a node child running `code`; record its pid. `stdio`/`detached` as for spawn. */
export function child(code, { stdio = ['ignore', 'inherit', 'inherit'], detached = false } = {}) {
  const c = spawn(process.execPath, ['-e', code], { stdio, detached });
  note(`pid ${c.pid}`);
  return c;
}

/** The numbers of a tensor argument (a plain array or {dtype, shape, data}); "NaN"/"±Infinity" decoded. */
export const values = (t) => (Array.isArray(t) ? t : t.data).map(Number);
/** A number for JSON: non-finite values as the protocol's strings. */
export const enc = (v) => (Number.isFinite(v) ? v : String(v));

export function softmax(t) {
  const x = values(t);
  if (x.length === 0) return [];
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => enc(Math.fround(v / s)));
}

export const write = (s) => process.stdout.write(s);
export const line = (o) => write(JSON.stringify(o) + '\n');
export const hello = (ops = { 'nn.softmax': ['float32'] }) => line({ lemmata: 1, type: 'hello', name: 'hostile-process', ops });

/** Serve: `onRequest(req)` for each request after the handshake. */
export async function serve(onRequest, ops) {
  const rl = readline.createInterface({ input: process.stdin });
  for await (const text of rl) {
    const req = JSON.parse(text);
    if (req.type === 'hello') { hello(ops); continue; }
    note(`request ${req.id}`);
    await onRequest(req);
  }
}
