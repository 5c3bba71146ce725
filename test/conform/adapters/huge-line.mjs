// Answers a request with a reply line that never ends: '{"id":N,"results":[{"ok":[0,0,0,…' forever.
//   node huge-line.mjs PIDFILE
import fs from 'node:fs';
import { serve } from './hostile-lib.mjs';

const chunk = Buffer.from('0,'.repeat(32768));
await serve((req) => {
  fs.writeSync(1, `{"id":${req.id},"results":[{"ok":[`);
  for (;;) { try { fs.writeSync(1, chunk); } catch { /* EPIPE: keep trying until killed */ } }
});
