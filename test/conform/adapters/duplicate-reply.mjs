// A correct implementation of nn.softmax, stats.variance and cnn.conv2d-shape that writes its reply
// to request DUP twice: in the same write (DELAY 0) or DELAY ms later; it answers every other
// request after SLOW ms.
//   node duplicate-reply.mjs PIDFILE DUP DELAY SLOW
import { serve, write, softmax, values, enc } from './hostile-lib.mjs';
import { conv2dShape } from './float64-reference.mjs';

const dup = Number(process.argv[3] ?? 1);
const delay = Number(process.argv[4] ?? 0);
const slow = Number(process.argv[5] ?? 0);
const f = Math.fround;
const ops = {
  'nn.softmax': ({ x }) => softmax(x),
  'stats.variance': ({ x, correction }) => {
    const v = values(x), n = v.length, mean = v.reduce((a, b) => a + b, 0) / n;
    return enc(f(v.reduce((a, y) => a + (y - mean) ** 2, 0) / (n - correction)));
  },
  'cnn.conv2d-shape': (a) => conv2dShape(a),
};
await serve(async (req) => {
  if (req.id !== dup && slow) await new Promise((r) => setTimeout(r, slow));
  const text = JSON.stringify({ id: req.id, results: req.batch.map((a) => ({ ok: ops[req.op](a) })) }) + '\n';
  if (req.id !== dup) write(text);
  else if (delay === 0) write(text + text);
  else { write(text); setTimeout(() => write(text), delay); }
}, Object.fromEntries(Object.keys(ops).map((k) => [k, ['float32']])));

