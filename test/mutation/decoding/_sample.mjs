// Shared helper of the dec.sample corpus entries (not an entry): the declared sampler in plain JS (float64),
// seeded by xoshiro128** (test/mutation/sampling/_rng.mjs), with bug switches.
import { xoshiro } from '../sampling/_rng.mjs';

export function sample(a, o = {}) {
  const V = a.logits.length;
  const tau = o.tauTimes ? 1 / a.temperature : a.temperature;
  let z = a.logits.map((x) => (o.tauAfterSoftmax ? x : x / tau));
  let kept = new Array(V).fill(true);
  if (a.topK > 0 && a.topK < V) {
    const s = a.logits.slice().sort((x, y) => y - x);
    const t = s[a.topK - 1];
    if (o.exactlyK) { const idx = a.logits.map((x, i) => i).sort((i, j) => a.logits[j] - a.logits[i] || i - j).slice(0, a.topK); kept = kept.map((_, i) => idx.includes(i)); }
    else kept = a.logits.map((x) => x >= t);
  }
  const softmaxOver = (ids) => { const m = Math.max(...ids.map((i) => z[i])); const e = ids.map((i) => Math.exp(z[i] - m)); const s = e.reduce((x, y) => x + y, 0); return e.map((v) => v / s); };
  if (a.topP < 1) {
    const idx = kept.flatMap((k, i) => (k ? [i] : [])).sort((i, j) => a.logits[j] - a.logits[i] || i - j);
    const pr = softmaxOver(idx);
    let cum = 0, m = idx.length;
    for (let r = 0; r < idx.length; r++) {
      cum += pr[r];
      if (cum >= a.topP) { m = o.dropThreshold ? r : o.oneMore ? r + 2 : r + 1; break; }
    }
    m = Math.max(1, Math.min(m, idx.length));
    const keep = new Set(idx.slice(0, m));
    kept = kept.map((_, i) => keep.has(i));
  }
  const ks = kept.flatMap((k, i) => (k ? [i] : []));
  let p = softmaxOver(ks);
  if (o.tauAfterSoftmax) { p = p.map((v) => v / a.temperature); const s = p.reduce((x, y) => x + y, 0); p = p.map((v) => v / s); }
  const rng = xoshiro(o.seedIgnored ? 7 : a.seed, 11);
  const out = new Array(a.n);
  if (o.gumbel) {
    for (let t = 0; t < a.n; t++) { let b = 0, bv = -Infinity; ks.forEach((i, r) => { const g = Math.log(p[r]) - Math.log(-Math.log(1 - rng.uniform())); if (g > bv) { bv = g; b = i; } }); out[t] = b; }
    return out;
  }
  const cdf = []; let c = 0; for (const v of p) { c += v; cdf.push(c); }
  for (let t = 0; t < a.n; t++) { const u = rng.uniform(); let r = cdf.findIndex((v) => u < v); if (r < 0) r = ks.length - 1; out[t] = o.greedy ? ks[p.indexOf(Math.max(...p))] : ks[r]; }
  return out;
}

export function sampleEntry(name, o) {
  return { name, dtypes: ['float32', 'float64'], ops: { 'dec.sample': (a) => sample(a, o) } };
}
