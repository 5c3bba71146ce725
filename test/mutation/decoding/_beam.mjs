// Shared helper of the dec.beam-search corpus entries (not an entry): the declared beam search in plain JS
// (float64 sums; grid inputs make them exact) with bug switches.
const row = (V, y) => { let off = 0, p = 1; for (let i = 0; i < y.length; i++) { off += p; p *= V; } let c = 0; for (const w of y) c = c * V + w; return off + c; };
const lex = (a, b) => { for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i]; return a.length - b.length; };

export function beam(a, o = {}) {
  const V = a.logProbs[0].length;
  const done = (h) => h.y.length > 0 && h.y[h.y.length - 1] === a.eos;
  const len = (h) => (o.lenNoEos && done(h) ? h.y.length - 1 : h.y.length) || 1;
  const norm = (h) => (a.lengthPenalty === 0 ? h.s : h.s / len(h) ** a.lengthPenalty);
  const key = o.pruneNormalised ? norm : (h) => h.s;
  const order = (p, q) => (key(q) !== key(p) ? key(q) - key(p) : (o.tiesReversed ? -lex(p.y, q.y) : lex(p.y, q.y)));
  let beamH = [{ y: [], s: 0, last: 0 }];
  const finished = [];
  for (let t = 0; t < a.T; t++) {
    const cand = [];
    for (const h of beamH) {
      if (done(h) && !o.noFreeze) { if (!o.finishedLeave) cand.push(h); continue; }
      const r = a.logProbs[row(V, h.y)];
      for (let w = 0; w < V; w++) cand.push({ y: [...h.y, w], s: o.lastTokenScore ? r[w] : h.s + r[w] });
    }
    if (o.select) {
      beamH = [];
      const pool = cand.slice();
      while (beamH.length < a.width && pool.length) { let b = 0; for (let i = 1; i < pool.length; i++) if (order(pool[i], pool[b]) < 0) b = i; beamH.push(pool.splice(b, 1)[0]); }
    } else {
      cand.sort(order);
      if (o.finishedLeave) {
        beamH = [];
        for (const c of cand) { if (done(c)) { if (finished.length < a.width) finished.push(c); } else if (beamH.length < a.width) beamH.push(c); }
      } else beamH = cand.slice(0, a.width);
    }
    if (beamH.length === 0) break;
  }
  const pool = o.finishedLeave ? [...finished, ...beamH] : beamH;
  let b = 0;
  const f = o.finalRaw ? (h) => h.s : norm;
  for (let i = 1; i < pool.length; i++) if (f(pool[i]) > f(pool[b])) b = i;
  return pool[b].y;
}

export function beamEntry(name, o) {
  return { name, dtypes: ['float32', 'float64'], ops: { 'dec.beam-search': (a) => beam(a, o) } };
}
