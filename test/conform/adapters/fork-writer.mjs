// On a request, forks a child that writes 64 KiB lines to the shared stdout forever (ignoring
// EPIPE) and, once the child has written its first line, replies correctly — or, with MODE=exit,
// exits at once and leaves the writer holding stdout.
//   node fork-writer.mjs PIDFILE [reply|exit]
import fs from 'node:fs';
import { child, serve, line, softmax, pidFile } from './hostile-lib.mjs';

const mode = process.argv[3] ?? 'reply';
const started = `${pidFile}.writing`;
const WRITER = `const fs = require('fs'); const b = Buffer.from('x'.repeat(65535) + '\\n');
  fs.writeSync(1, b); fs.writeFileSync(${JSON.stringify(started)}, '');
  for (;;) { try { fs.writeSync(1, b); } catch {} }`;
await serve(async (req) => {
  child(WRITER);
  if (mode === 'exit') process.exit(0);
  while (!fs.existsSync(started)) await new Promise((r) => setTimeout(r, 10));
  line({ id: req.id, results: req.batch.map((a) => ({ ok: softmax(a.x) })) });
});
