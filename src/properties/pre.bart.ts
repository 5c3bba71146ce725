/**
 * pre.bart — BART's noising (004:2041–2140): token masking keeps the length; deletion yields a
 * subsequence; text infilling replaces each span — length ~ Poisson(λ = 3), 0 allowed — by ONE <mask>
 * (a 0-length span inserts one); rotation is a cyclic shift. Span lengths: P(0) = e^{−3} ≈ 0.0498, mean 3,
 * modes 2 and 3.
 * Seed 004_975819c312b074f9.txt, line 2069: "Span lengths ~ Poisson($\lambda = 3$)."
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { bartInfill, isSubsequence, poissonFactor, type Span } from '../oracles/pretraining.js';
import { expEnclosure } from '../numerics/interval.js';

/** Disjoint spans of length 0..4 in order (0-length spans are insertions). */
const infillArb = fc.integer({ min: 0, max: 16 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: 4 })), { maxLength: 4 }).map((raw) => {
  const out: Span[] = []; let pos = 0;
  for (const [at, len] of raw.sort((a, b) => a[0] - b[0])) {
    const start = Math.max(pos, at);
    if (start + len > n) break;
    out.push({ start, length: len }); pos = start + len + 1;
  }
  return out;
})));

export const claim: ClaimModule = {
  id: 'pre.bart',
  properties: [
    {
      name: 'infilling-invariants',
      kind: 'identity',
      description: 'Text infilling of spans with lengths k₁…k_m (0 allowed) gives n − Σk + m tokens with exactly m <mask> tokens, and removing the masks leaves the kept tokens in order (the text minus the spans).',
      arbitrary: infillArb,
      runs: 150,
      check: ([n, spans]: [number, Span[]]) => {
        const toks = Array.from({ length: n }, (_, i) => `w${i}`);
        const out = bartInfill(toks, spans);
        const m = spans.length, K = spans.reduce((s, x) => s + x.length, 0);
        if (out.length !== n - K + m) return { ok: false, detail: `length ${out.length}, expected ${n - K + m}` };
        if (out.filter((t) => t === '<mask>').length !== m) return { ok: false, detail: 'mask count' };
        const kept = out.filter((t) => t !== '<mask>');
        return kept.length === n - K && isSubsequence(kept, toks) ? { ok: true } : { ok: false, detail: `kept ${kept.join(' ')}` };
      },
    },
    {
      name: 'poisson-span-law',
      kind: 'identity',
      description: 'Poisson(3) pmf P(k) = e^{−3}3^k/k!: the exact factors 3^k/k! have P(2) = P(3) (two modes), Σ_k k·3^k/k! = 3·Σ 3^k/k! on a truncation (mean 3 up to the tail), and P(0) = e^{−3} lies in [0.0497, 0.0498] (rigorous enclosure).',
      arbitrary: fc.integer({ min: 8, max: 40 }),
      runs: 20,
      check: (N) => {
        if (!poissonFactor(3, 2).eq(poissonFactor(3, 3))) return { ok: false, detail: 'P(2) ≠ P(3)' };
        let s = Rational.ZERO, mean = Rational.ZERO;
        for (let k = 0; k <= N; k++) { s = s.add(poissonFactor(3, k)); mean = mean.add(poissonFactor(3, k).mul(Rational.fromInt(k))); }
        // Σ_{k≤N} k f_k = 3 Σ_{k≤N−1} f_k exactly
        const sPrev = s.sub(poissonFactor(3, N));
        if (!mean.eq(sPrev.mul(Rational.fromInt(3)))) return { ok: false, detail: 'mean identity' };
        const [lo, hi] = expEnclosure(-3);
        return lo >= 0.0497 && hi <= 0.0498 ? { ok: true } : { ok: false, detail: `e^-3 ∈ [${lo}, ${hi}]` };
      },
    },
  ],
  audit: () => {
    const [lo, hi] = expEnclosure(-3);
    const del = isSubsequence('The economy slowing inflation .'.split(' '), 'The economy is slowing due to inflation .'.split(' '));
    const orig = 'Artificial intelligence is transforming global industries at scale .'.split(' ');
    const inf = bartInfill(orig, [{ start: 3, length: 3 }]).join(' ');
    return [{
      id: 'pre.bart',
      verdict: 'confirmed',
      evidence: `Poisson(λ = 3) span lengths (Lewis et al. 2020 §2.2): P(0) = e^{−3} ∈ [${lo.toFixed(6)}, ${hi.toFixed(6)}] (a 0-length span inserts a <mask>, 004:2081), mean 3 (004:2082), P(2) = P(3) = 4.5e^{−3} ≈ 0.224. ` +
        `The examples satisfy the invariants: deletion "The economy slowing inflation." is a subsequence (${del}); infilling of the 3-token span gives "${inf}" (one mask for three tokens); masking keeps the length; the rotation example is a cyclic shift at "Investors".`,
    }];
  },
};
