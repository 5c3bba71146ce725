// Shared helper of the pre.mlm-mask corpus entries (not an entry): HF's cascade in plain JS, seeded by
// xoshiro128** (test/mutation/sampling/_rng.mjs), with bug switches.
import { xoshiro } from '../sampling/_rng.mjs';

export function mlm(a, o = {}) {
  const rng = xoshiro(a.seed, 5);
  const special = new Set(o.specialsMasked ? [] : a.special);
  const q = o.rate ?? 0.15, pm = o.swapped ? 0.1 : 0.8, pr = o.swapped ? 8 / 9 : 0.5;
  const input = a.tokens.slice(), labels = a.tokens.map(() => -100);
  a.tokens.forEach((t, i) => {
    const u1 = rng.uniform(), u2 = rng.uniform(), u3 = rng.uniform(), u4 = rng.uniform();
    if (o.oneUniform) {
      if (special.has(t) || u1 >= 0.15) return;
      labels[i] = t;
      if (u1 < 0.12) input[i] = a.maskId; else if (u1 < 0.135) input[i] = Math.floor(u4 * a.vocab);
      return;
    }
    if (special.has(t) || !(u1 < q)) { if (o.labelsEverywhere) labels[i] = t; return; }
    labels[i] = o.labelMask ? a.maskId : t;
    if (u2 < pm) input[i] = a.maskId;
    else if (o.noKeep || u3 < pr) input[i] = Math.floor(u4 * a.vocab);
  });
  return { input, labels };
}

export function mlmEntry(name, o) {
  return { name, dtypes: ['float32', 'float64'], ops: { 'pre.mlm-mask': (a) => mlm(a, o) } };
}
