// Ignores SIGTERM (and so does its child) and never answers a request: only SIGKILL stops it.
//   node ignore-sigterm.mjs PIDFILE
import { child, serve } from './hostile-lib.mjs';

process.on('SIGTERM', () => {});
child("process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)");
setInterval(() => {}, 1000);
await serve(() => new Promise(() => {}));
