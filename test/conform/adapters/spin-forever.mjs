// Spins forever on its first request (the runner must time out and kill it). Before that it
// starts two children that would outlive a runner that kills only the shell: one in its process
// group holding the runner's stdout pipe, and one that called setsid() (its own session).
//   node spin-forever.mjs PIDFILE
import { child, serve } from './hostile-lib.mjs';

child('setInterval(() => {}, 1000)');
child('setInterval(() => {}, 1000)', { stdio: 'ignore', detached: true });
await serve(() => { for (;;) { /* spin */ } });
