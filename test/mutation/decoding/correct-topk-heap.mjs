// Correct: a min-heap of the k largest logits (partial selection, O(V log k)); threshold = the heap's minimum, keep logits >= it.
export const meta = { op: 'dec.top-k-filter', kind: 'correct', class: 'heap selection', description: 'k-element min-heap, threshold = its root' };
function f({ logits, k }) {
  const K = Math.min(k, logits.length), h = [];
  const up = (i) => { while (i > 0) { const p = (i - 1) >> 1; if (h[p] <= h[i]) break; [h[p], h[i]] = [h[i], h[p]]; i = p; } };
  const down = (i) => { for (;;) { const l = 2 * i + 1, r = l + 1; let m = i; if (l < h.length && h[l] < h[m]) m = l; if (r < h.length && h[r] < h[m]) m = r; if (m === i) break; [h[m], h[i]] = [h[i], h[m]]; i = m; } };
  for (const x of logits) { if (h.length < K) { h.push(x); up(h.length - 1); } else if (x > h[0]) { h[0] = x; down(0); } }
  return logits.map((x) => (x >= h[0] ? 1 : 0));
}
export default { name: 'correct-topk-heap', dtype: 'float64', ops: { 'dec.top-k-filter': f } };
