import { test } from 'vitest';
import { bpeTrain } from '../../src/impl/js/bpe.js';
test('prof', () => {
  let s = 0x9e3779b9;
  const rnd = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
  const m = new Map<string, number>();
  const letters = 'etaoinshrdlcumwfgypbvkjxqz';
  while (m.size < 5000) { const len = 3 + Math.floor(rnd() * 10); let w = ''; for (let i = 0; i < len; i++) w += letters[Math.floor(26 * rnd() ** 2)]; if (!m.has(w)) m.set(w, 1 + Math.floor(1000 / (m.size + 1))); }
  for (const tb of ['none', 'first-occurrence'] as const) for (const k of [0, 0, 50, 200, 1000, 2000]) { const t0 = performance.now(); bpeTrain(m, k, { tieBreak: tb }); console.log(tb, k, (performance.now() - t0).toFixed(1)); }
});
