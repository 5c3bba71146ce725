// A protocol-version-2 "implementation" of nn.softmax (float32 and float64) that misbehaves on
// purpose, for test/conform/protocol-v2.test.ts.
//   node hostile-v2.mjs PLAN
// PLAN is a comma-separated list of behaviours; request with id k gets behaviour PLAN[(k−1) mod n].
// It negotiates version 2 whenever the runner offers it. Correct answers: a float64 softmax
// rounded to the request's dtype, sent as a binary tensor of that dtype. `echo` returns the
// argument's bytes unchanged (for the bit-exactness test).
const plan = (process.argv[2] ?? 'ok').split(',');
const ITEM = { float32: 4, float64: 8, int32: 4 };

const input = { buf: Buffer.alloc(0), ended: false, wake: null };
process.stdin.on('data', (d) => { input.buf = Buffer.concat([input.buf, d]); input.wake?.(); });
process.stdin.on('end', () => { input.ended = true; input.wake?.(); });
const more = () => new Promise((r) => { input.wake = () => { input.wake = null; r(); }; });
async function readLine() {
  for (;;) {
    const i = input.buf.indexOf(10);
    if (i >= 0) { const l = input.buf.subarray(0, i).toString('utf8'); input.buf = input.buf.subarray(i + 1); return l; }
    if (input.ended) return null;
    await more();
  }
}
async function readBytes(n) {
  while (input.buf.length < n) { if (input.ended) return null; await more(); }
  const b = Buffer.from(input.buf.subarray(0, n)); input.buf = input.buf.subarray(n); return b;
}

const NONFINITE = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };
const values = (ref, blob) => {
  if (Array.isArray(ref)) return ref;
  if (ref.data) return ref.data.map((v) => (typeof v === 'string' ? NONFINITE[v] : v)); // sent as version 1 (not exact in the dtype)
  const b = blob.subarray(ref.offset, ref.offset + ref.nbytes);
  const n = ref.nbytes / ITEM[ref.dtype];
  return Array.from({ length: n }, (_, i) => (ref.dtype === 'float64' ? b.readDoubleLE(i * 8) : b.readFloatLE(i * 4)));
};
function softmax(x) {
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
/** A frame: header object (blob length added) and the concatenated tensor bytes. */
function frame(header, parts) {
  const blob = Buffer.concat(parts);
  return Buffer.concat([Buffer.from(JSON.stringify({ ...header, blob: blob.length }) + '\n'), blob]);
}
function tensorBytes(dtype, xs) {
  const n = ITEM[dtype];
  const b = Buffer.alloc(xs.length * n);
  xs.forEach((v, i) => (dtype === 'float64' ? b.writeDoubleLE(v, i * 8) : dtype === 'float32' ? b.writeFloatLE(v, i * 4) : b.writeInt32LE(v, i * 4)));
  return b;
}

let v2 = false;
const write = (b) => process.stdout.write(b);
for (;;) {
  const line = await readLine();
  if (line === null) break;
  const req = JSON.parse(line);
  if (req.type === 'hello') {
    v2 = Array.isArray(req.protocols) && req.protocols.includes(2);
    write(JSON.stringify({ lemmata: 1, type: 'hello', name: 'hostile-v2', ops: { 'nn.softmax': ['float32', 'float64'] }, protocols: [1, 2] }) + '\n');
    continue;
  }
  if (!v2) throw new Error('hostile-v2 needs protocol version 2');
  const blob = await readBytes(req.blob ?? 0);
  if (blob === null) break;
  const behaviour = plan[(req.id - 1) % plan.length];
  const xs = req.batch.map((a) => values(a.x, blob));
  const answers = xs.map(softmax);
  // one reply per item: [ref, bytes] with the item's tensor at `offset`
  const good = (dtype = req.dtype, shapeOf = (y) => [y.length], data = (y) => y) => {
    let at = 0;
    const parts = [];
    const results = answers.map((y) => {
      const bytes = tensorBytes(dtype, data(y));
      const ref = { dtype, shape: shapeOf(y), offset: at, nbytes: bytes.length };
      parts.push(bytes);
      at += bytes.length;
      return { ok: ref };
    });
    return { header: { id: req.id, results }, parts };
  };
  const send = ({ header, parts }) => write(frame(header, parts));
  switch (behaviour) {
    case 'ok': send(good()); break;
    case 'echo': {
      const parts = req.batch.map((a) => blob.subarray(a.x.offset, a.x.offset + a.x.nbytes)); // (refs only)
      let at = 0;
      const results = req.batch.map((a) => { const r = { ok: { ...a.x, offset: at } }; at += a.x.nbytes; return r; });
      send({ header: { id: req.id, results }, parts });
      break;
    }
    // the right values, the wrong dtype: float64 in a float32 request (or float32 in a float64 one)
    case 'wrong-dtype': send(good(req.dtype === 'float32' ? 'float64' : 'float32', undefined, (y) => y.map(Math.fround))); break;
    // integers where the result has floats (the right values when every input has one element)
    case 'int-dtype': send(good('int32', undefined, (y) => y.map(Math.round))); break;
    case 'unknown-dtype': { const g = good(); g.header.results.forEach((r) => { r.ok.dtype = 'float16'; }); send(g); break; }
    // shape [n + 1] with nbytes to match: the bytes run into the next item's
    case 'wrong-shape': { const g = good(); g.header.results.forEach((r) => { r.ok.shape = [r.ok.shape[0] + 1]; r.ok.nbytes += ITEM[req.dtype]; }); g.parts.push(Buffer.alloc(8)); send(g); break; }
    case 'short-nbytes': { const g = good(); g.header.results.forEach((r) => { r.ok.nbytes -= 1; }); send(g); break; }
    case 'outside-blob': { const g = good(); g.header.results.forEach((r) => { r.ok.offset += 1 << 20; }); send(g); break; }
    case 'negative-offset': { const g = good(); g.header.results.forEach((r) => { r.ok.offset = -4; }); send(g); break; }
    case 'fraction-offset': { const g = good(); g.header.results.forEach((r) => { r.ok.offset += 0.5; }); send(g); break; }
    case 'extra-ref-field': { const g = good(); g.header.results.forEach((r) => { r.ok.data = [1]; }); send(g); break; }
    // the header promises more bytes than come: the runner waits for them (a timeout)
    case 'blob-short': { const f = frame(good().header, good().parts); const h = JSON.parse(f.subarray(0, f.indexOf(10)).toString()); write(Buffer.concat([Buffer.from(JSON.stringify({ ...h, blob: h.blob + 100 }) + '\n'), f.subarray(f.indexOf(10) + 1)])); break; }
    // more bytes than the header says: output after the reply
    case 'blob-long': write(Buffer.concat([frame(good().header, good().parts), Buffer.from('\x00\x01\x02\x03\x04\x05\x06\x07')])); break;
    case 'eof-mid-blob': { const f = frame(good().header, good().parts); write(f.subarray(0, f.length - 3)); process.stdout.end(() => process.exit(5)); await new Promise(() => {}); break; }
    case 'eof-mid-header': write('{"id":' + req.id + ',"results":[{"ok":'); process.stdout.end(() => process.exit(6)); await new Promise(() => {}); break;
    case 'huge-blob': write(JSON.stringify({ id: req.id, results: [], blob: 1 << 30 }) + '\n'); break;
    case 'not-object-header': write('[1,2,3]\n'); break;
    case 'garbage-header': write('\x00\x01 not json at all\n'); break;
    case 'bad-blob-field': write(JSON.stringify({ id: req.id, results: good().header.results, blob: 'lots' }) + '\n'); break;
    case 'negative-blob': write(JSON.stringify({ id: req.id, results: good().header.results, blob: -8 }) + '\n'); break;
    case 'duplicate-frame': { const f = frame(good().header, good().parts); write(Buffer.concat([f, f])); break; }
    case 'v1-line': write(JSON.stringify({ id: req.id, results: answers.map((y) => ({ ok: y })) }) + '\n'); break; // a plain line is a frame with no blob
    case 'hang-mid-blob': { const f = frame(good().header, good().parts); write(f.subarray(0, f.length - 1)); await new Promise(() => {}); break; }
    default: throw new Error(`unknown behaviour ${behaviour}`);
  }
}
