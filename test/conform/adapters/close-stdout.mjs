// On its first request closes its stdout and keeps running (it can never reply).
//   node close-stdout.mjs PIDFILE
import fs from 'node:fs';
import { serve } from './hostile-lib.mjs';

setInterval(() => {}, 1000);
await serve(() => { fs.closeSync(1); });
