/** The built-in implementation (TensorFlow.js) of the decoding domain's ops. Never imports an oracle or lemmata's numerics. */
import type { TF } from './types.js';
import { tfSeed } from './backend.js';

/** `dec.top-k-filter` as HF's TopKLogitsWarper: threshold = the k-th value of tf.topk, keep logits ≥ threshold. */
function topK(tf: TF, a: { logits: number[]; k: number }): number[] {
  const V = a.logits.length;
  const k = Math.min(a.k, V);
  return tf.tidy(() => {
    const x = tf.tensor1d(a.logits);
    const kth = tf.topk(x, k).values.slice([k - 1], [1]);
    return Array.from(tf.greaterEqual(x, kth).cast('int32').dataSync() as Int32Array);
  });
}

/** `dec.top-p-filter` as HF's TopPLogitsWarper on probabilities: sort ascending, cumulative sum, remove the prefix ≤ 1 − p, keep at least the largest. */
function topP(tf: TF, a: { probs: number[]; p: number }): number[] {
  const V = a.probs.length;
  const { order, cum } = tf.tidy(() => {
    const x = tf.tensor1d(a.probs);
    const desc = tf.topk(x, V); // descending values and indices
    const asc = tf.reverse(desc.values);
    return { order: Array.from(tf.reverse(desc.indices).dataSync() as Int32Array), cum: Array.from(tf.cumsum(asc).dataSync() as Float32Array | Float64Array) };
  });
  const thr = 1 - a.p;
  const keep = new Array<number>(V).fill(1);
  for (let r = 0; r < V - 1; r++) if (cum[r]! <= thr) keep[order[r]!] = 0; // never remove the most probable word
  return keep;
}

interface BeamArgs { logProbs: number[][]; T: number; width: number; eos: number; lengthPenalty: number }

/**
 * `dec.beam-search` (declared semantics of src/ops/decoding.ts): scores of all extensions as one
 * tf.add of the beam's scores [B, 1] and the beam's table rows [B, V]; finished hypotheses (last token
 * eos) are carried unchanged; candidates sorted by (score desc, sequence asc), K kept; final choice
 * by s / |y|^α computed in the tensor dtype.
 */
function beamSearch(tf: TF, a: BeamArgs): number[] {
  const V = a.logProbs[0]!.length;
  const row = (y: number[]) => { let off = 0, p = 1; for (let i = 0; i < y.length; i++) { off += p; p *= V; } let c = 0; for (const w of y) c = c * V + w; return off + c; };
  const table = tf.tensor2d(a.logProbs);
  type H = { y: number[]; s: number };
  const done = (h: H) => h.y.length > 0 && h.y[h.y.length - 1] === a.eos;
  const lex = (p: number[], q: number[]) => { for (let i = 0; i < Math.min(p.length, q.length); i++) if (p[i] !== q[i]) return p[i]! - q[i]!; return p.length - q.length; };
  let beam: H[] = [{ y: [], s: 0 }];
  try {
    for (let t = 0; t < a.T; t++) {
      const open = beam.filter((h) => !done(h));
      const cand: H[] = beam.filter(done);
      if (open.length > 0) {
        const scores = tf.tidy(() => {
          const rows = tf.gather(table, tf.tensor1d(open.map((h) => row(h.y)), 'int32'));
          return tf.add(tf.tensor2d(open.map((h) => [h.s]), [open.length, 1], table.dtype), rows).arraySync() as number[][];
        });
        open.forEach((h, i) => scores[i]!.forEach((s, w) => cand.push({ y: [...h.y, w], s })));
      }
      cand.sort((p, q) => (q.s !== p.s ? q.s - p.s : lex(p.y, q.y)));
      beam = cand.slice(0, a.width);
    }
    const norm = tf.tidy(() => tf.div(tf.tensor1d(beam.map((h) => h.s), table.dtype), tf.pow(tf.tensor1d(beam.map((h) => h.y.length), table.dtype), a.lengthPenalty)).arraySync() as number[]);
    let b = 0;
    for (let i = 1; i < beam.length; i++) if (norm[i]! > norm[b]!) b = i;
    return beam[b]!.y;
  } finally {
    table.dispose();
  }
}

interface SampleArgs { logits: number[]; temperature: number; topK: number; topP: number; n: number; seed: number }

/**
 * `dec.sample`: z = logits/τ; top-k as topK above (the k-th value of tf.topk, keep ≥); top-p on the
 * softmax of the kept z in descending order, the shortest prefix whose cumulative sum reaches p; then
 * tf.multinomial over the kept z only (so a dropped word can never be drawn: tf.multinomial gives the
 * last category the rounding remainder 1 − cdf), seeded by the decimal string of the seed (tfjs treats a
 * falsy numeric seed as "unseeded").
 */
function sample(tf: TF, a: SampleArgs): number[] {
  const V = a.logits.length;
  if (a.n === 0) return [];
  let kept = a.topK > 0 ? topK(tf, { logits: a.logits, k: a.topK }) : new Array<number>(V).fill(1);
  const z = tf.tidy(() => Array.from(tf.div(tf.tensor1d(a.logits), tf.scalar(a.temperature)).dataSync()));
  if (a.topP < 1) {
    const idx = kept.flatMap((k, i) => (k ? [i] : [])).sort((i, j) => a.logits[j]! - a.logits[i]! || i - j);
    const cum = tf.tidy(() => Array.from(tf.cumsum(tf.softmax(tf.tensor1d(idx.map((i) => z[i]!)))).dataSync()));
    let m = idx.length;
    for (let r = 0; r < idx.length; r++) if (cum[r]! >= a.topP) { m = r + 1; break; }
    const keep = new Set(idx.slice(0, m));
    kept = kept.map((_, i) => (keep.has(i) ? 1 : 0));
  }
  const ks = kept.flatMap((k, i) => (k ? [i] : []));
  if (ks.length === 1) return new Array<number>(a.n).fill(ks[0]!);
  const draws = tf.tidy(() => Array.from(tf.multinomial(tf.tensor1d(ks.map((i) => z[i]!)), a.n, tfSeed(a.seed)).dataSync()));
  return draws.map((r) => ks[r]!);
}

export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'dec.top-k-filter': (a: { logits: number[]; k: number }) => topK(tf, a),
    'dec.top-p-filter': (a: { probs: number[]; p: number }) => topP(tf, a),
    'dec.beam-search': (a: BeamArgs) => beamSearch(tf, a),
    'dec.sample': (a: SampleArgs) => sample(tf, a),
  };
}
