// Like spin-forever.mjs, but it declares nn.softmax and stats.variance, so that two properties run
// and `--workers 2` starts two copies of it (each with the same two children): both must be killed.
//   node spin-forever-two-ops.mjs PIDFILE
import { child, serve } from './hostile-lib.mjs';

child('setInterval(() => {}, 1000)');
child('setInterval(() => {}, 1000)', { stdio: 'ignore', detached: true });
await serve(() => { for (;;) { /* spin */ } }, { 'nn.softmax': ['float32'], 'stats.variance': ['float32'] });
