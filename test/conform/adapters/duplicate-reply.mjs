// A correct implementation of nn.softmax, stats.variance and cnn.conv2d-shape that writes its reply
// to request DUP twice: in the same write (DELAY 0) or DELAY ms later; it answers every other
// request after SLOW ms.
//   node duplicate-reply.mjs PIDFILE DUP DELAY SLOW
import { serve, write, softmax, values, enc } from './hostile-lib.mjs';

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

// cnn.conv2d-shape with every argument of the op (dilation, explicit pads [top, left, bottom, right], ONNX auto_pad)
function conv2dShape({ height, width, kernel, stride, padding = [0, 0], dilation = [1, 1], pads, autoPad }) {
  const p = pads ?? [padding[0], padding[1], padding[0], padding[1]];
  const axis = (n, k, s, d, b, e) => {
    const ke = d * (k - 1) + 1;
    if (autoPad === 'same-upper' || autoPad === 'same-lower') return Math.ceil(n / s);
    if (autoPad === 'valid') { b = 0; e = 0; }
    return Math.floor((n + b + e - ke) / s) + 1;
  };
  return [axis(height, kernel[0], stride[0], dilation[0], p[0], p[2]), axis(width, kernel[1], stride[1], dilation[1], p[1], p[3])];
}
