// A line-protocol "implementation" that misbehaves on purpose, for the robustness test.
//   node hostile.mjs HELLO_BEHAVIOUR PLAN
// PLAN is a comma-separated list of behaviours; request with id k gets behaviour PLAN[(k−1) mod n].
// Correct answers come from a float64 softmax rounded to float32.
import readline from 'node:readline';

const [helloMode = 'ok', planArg = 'ok'] = process.argv.slice(2);
const plan = planArg.split(',');
const out = (s) => process.stdout.write(s);
const line = (o) => out(JSON.stringify(o) + '\n');

function softmax(t) {
  const x = Array.isArray(t) ? t : t.data;
  if (x.length === 0) return [];
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => Math.fround(v / s));
}

const rl = readline.createInterface({ input: process.stdin });
for await (const text of rl) {
  const req = JSON.parse(text);
  if (req.type === 'hello') {
    switch (helloMode) {
      case 'ok': line({ lemmata: 1, type: 'hello', name: 'hostile', ops: { 'nn.softmax': ['float32'] } }); break;
      case 'garbage': out('this is not json\n'); break;
      case 'wrong-version': line({ lemmata: 2, type: 'hello', name: 'x', ops: {} }); break;
      case 'no-ops': line({ lemmata: 1, type: 'hello', name: 'x' }); break;
      case 'crash': process.exit(7); break;
      case 'hang': break;
      default: throw new Error(`unknown hello mode ${helloMode}`);
    }
    continue;
  }
  const b = plan[(req.id - 1) % plan.length];
  const good = () => req.batch.map((a) => ({ ok: softmax(a.x) }));
  switch (b) {
    case 'ok': line({ id: req.id, results: good() }); break;
    case 'slow': await new Promise((r) => setTimeout(r, 30)); line({ id: req.id, results: good() }); break;
    case 'garbage': out('{"id": oops\n'); break;
    case 'not-object': line([1, 2, 3]); break;
    case 'crash': process.exit(3); break;
    case 'partial-then-crash': out('{"id":' + req.id + ',"results":['); process.exit(4); break;
    case 'hang': await new Promise(() => setInterval(() => {}, 3_600_000)); break; // forever, stdin closed or not (as hostile.py sleeps)
    case 'wrong-id': line({ id: req.id + 1000, results: good() }); break;
    case 'wrong-count': line({ id: req.id, results: good().concat([{ ok: [1] }]) }); break;
    case 'no-results': line({ id: req.id, answer: 42 }); break;
    case 'huge': out('{"id":' + req.id + ',"results":[{"ok":[' + '0,'.repeat(600_000) + '0]}]}\n'); break;
    case 'nan': line({ id: req.id, results: req.batch.map((a) => ({ ok: { dtype: 'float32', shape: [a.x.shape[0]], data: a.x.data.map(() => 'NaN') } })) }); break;
    case 'wrong-shape': line({ id: req.id, results: req.batch.map(() => ({ ok: [0.5] })) }); break;
    case 'bad-tensor': line({ id: req.id, results: req.batch.map(() => ({ ok: { dtype: 'float32', shape: [3], data: [1, 'x'] } })) }); break;
    case 'bad-b64': line({ id: req.id, results: req.batch.map(() => ({ ok: { dtype: 'float32', shape: [2], b64: 'AAAA' } })) }); break;
    case 'item-error': line({ id: req.id, results: req.batch.map(() => ({ error: 'deliberate failure' })) }); break;
    case 'request-error': line({ id: req.id, error: 'deliberate request failure' }); break;
    case 'bad-item': line({ id: req.id, results: req.batch.map(() => 17) }); break;
    case 'extra-line': line({ id: req.id, results: good() }); line({ note: 'unsolicited' }); break;
    case 'stderr-spam': process.stderr.write('x'.repeat(100_000) + '\n'); line({ id: req.id, results: good() }); break;
    case 'deep': line({ id: req.id, results: req.batch.map(() => ({ ok: JSON.parse('['.repeat(200) + ']'.repeat(200)) })) }); break;
    case 'proto-key': out('{"id":' + req.id + ',"results":[{"ok":{"__proto__":{"polluted":true},"x":1}}]}\n'); break;
    default: throw new Error(`unknown behaviour ${b}`);
  }
}
