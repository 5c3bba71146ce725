// An --impl module whose softmax throws outside any call (an uncaught exception, as a native
// addon's callback might): in one thread it would take the runner down; with --workers N it ends
// its worker thread, and only the properties it was running are `error`. Its variance is correct.
import good from './float64-reference.mjs';

export default {
  name: 'js-crash-softmax',
  dtype: 'float32',
  ops: {
    'nn.softmax': () => new Promise(() => { setImmediate(() => { throw new Error('crash-softmax: uncaught exception'); }); }),
    'stats.variance': good.ops['stats.variance'],
  },
};
