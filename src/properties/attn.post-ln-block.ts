/**
 * attn.post-ln-block — the residual block with layer normalisation after the residual sum (Post-LN,
 * the original Transformer: LayerNorm(x + Sublayer(x)), 000:469) and before the sublayer (Pre-LN,
 * GPT-2/3: x + Sublayer(LayerNorm(x)), 000:502–505 and 004:2173–2174). Exact: layer-norm outputs are kept
 * in Q(1/√s) (s = σ² + ε per row; src/oracles/attention.ts `Surd`), which linear maps and ReLU preserve.
 * Post-LN: every block output is normalised (row mean 0, mean square σ²/(σ² + ε)) whatever the sublayer.
 * Pre-LN: the residual path carries x unchanged — a zero sublayer makes the block the identity — and the
 * update Sublayer(LN(x)) is invariant to x ↦ αx + β1 (α > 0, ε = 0).
 * Seed 000_1c190711b4cfcedd.txt, line 469.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { QMatrix } from '../numerics/matrix.js';
import { Rational } from '../numerics/rational.js';
import { ffnRelu, lnParts, surdSign, type Surd } from '../oracles/attention.js';
import { qmatArb, qvecArb, prop } from './attn-shared.js';

interface BlockCase { X: QMatrix; W1: QMatrix; b1: Rational[]; W2: QMatrix; b2: Rational[]; eps: Rational; alpha: Rational; beta: Rational }

const blockArb: fc.Arbitrary<BlockCase> = fc.record({ n: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 2, max: 4 }), m: fc.integer({ min: 1, max: 4 }) })
  .chain(({ n, d, m }) => fc.record({
    X: qmatArb(n, d), W1: qmatArb(d, m), b1: qvecArb(m), W2: qmatArb(m, d), b2: qvecArb(d),
    eps: fc.constantFrom(Rational.ZERO, Rational.of(1, 100), Rational.of(1, 4), Rational.ONE),
    alpha: fc.integer({ min: 1, max: 12 }).chain((p) => fc.integer({ min: 1, max: 5 }).map((q) => Rational.of(p, q))),
    beta: fc.integer({ min: -9, max: 9 }).map((b) => Rational.of(b, 2)),
  }));

/** A row with nonzero variance (layer norm with ε = 0 needs it). */
const rowVarPositive = (row: readonly Rational[]) => row.some((x) => !x.eq(row[0]!));

/** The sublayer FFN (ReLU(uW₁ + b₁)W₂ + b₂) applied to u = LN(x) = c/√s, kept as r + t/√s per output entry. */
function ffnOnLn(c: readonly Rational[], s: Rational, W1: QMatrix, b1: readonly Rational[], W2: QMatrix, b2: readonly Rational[]): Surd[] {
  const m = W1.cols, d = W2.cols;
  const hidden: Surd[] = [];
  for (let j = 0; j < m; j++) {
    const t = Rational.sum(c.map((ci, i) => ci.mul(W1.get(i, j))));
    const z: Surd = { r: b1[j]!, t };
    hidden.push(surdSign(z, s) > 0 ? z : { r: Rational.ZERO, t: Rational.ZERO });
  }
  const out: Surd[] = [];
  for (let k = 0; k < d; k++) {
    out.push({
      r: Rational.sum(hidden.map((h, j) => h.r.mul(W2.get(j, k)))).add(b2[k]!),
      t: Rational.sum(hidden.map((h, j) => h.t.mul(W2.get(j, k)))),
    });
  }
  return out;
}

/** r + t/√s = r′ + t′/√s′ exactly. */
function surdEq(a: Surd, s: Rational, b: Surd, s2: Rational): boolean {
  if (!a.r.eq(b.r)) return false;
  if (a.t.sign() !== b.t.sign()) return false;
  return a.t.mul(a.t).mul(s2).eq(b.t.mul(b.t).mul(s));
}

export const claim: ClaimModule = {
  id: 'attn.post-ln-block',
  properties: [
    prop({
      name: 'post-ln-normalised',
      kind: 'identity',
      description: 'Post-LN: every row of LayerNorm(x + FFN(x)) (γ = 1, β = 0) has mean exactly 0 and mean square exactly σ²/(σ² + ε) ≤ 1 — for any sublayer, so the block output’s scale is reset whatever the residual sum carried.',
      arbitrary: blockArb,
      runs: 100,
      check: ({ X, W1, b1, W2, b2, eps }) => {
        const Z = X.add(ffnRelu(X, W1, b1, W2, b2));
        for (const row of Z.toArray()) {
          if (eps.isZero() && !rowVarPositive(row)) continue;
          const { c, s } = lnParts(row, eps);
          const d = Rational.fromInt(row.length);
          const mean = Rational.sum(c);
          const var0 = s.sub(eps);
          const meanSq = Rational.sum(c.map((x) => x.mul(x).div(s))).div(d);
          if (!mean.isZero()) return { ok: false, detail: `row mean ${mean}` };
          if (!meanSq.eq(var0.div(s))) return { ok: false, detail: `mean square ${meanSq} ≠ σ²/(σ²+ε) = ${var0.div(s)}` };
        }
        return { ok: true };
      },
    }),
    prop({
      name: 'pre-ln-identity-path',
      kind: 'identity',
      description: 'Pre-LN: with a zero sublayer (W₂ = 0, b₂ = 0, as at a zero-initialised output projection) the block x + Sublayer(LN(x)) returns x exactly, while the Post-LN block LN(x + 0) returns LN(x) (mean-0 rows, ≠ x unless x is already normalised): the Pre-LN residual stream has an identity path.',
      arbitrary: blockArb,
      runs: 100,
      check: ({ X, W1, b1, eps }) => {
        const d = X.cols;
        const W2 = QMatrix.zeros(W1.cols, d), b2 = new Array<Rational>(d).fill(Rational.ZERO);
        for (const row of X.toArray()) {
          if (eps.isZero() && !rowVarPositive(row)) continue;
          const { c, s } = lnParts(row, eps);
          const upd = ffnOnLn(c, s, W1, b1, W2, b2);
          const pre = upd.map((u, k) => ({ r: row[k]!.add(u.r), t: u.t }));
          if (pre.some((p, k) => !p.r.eq(row[k]!) || !p.t.isZero())) return { ok: false, detail: 'pre-LN block with a zero sublayer changed x' };
          // post-LN: LN(x) = c/√s has entries t = c_k, r = 0: equal to x only if x_k = c_k/√s for all k
          const postIsX = row.every((x, k) => surdEq({ r: x, t: Rational.ZERO }, s, { r: Rational.ZERO, t: c[k]! }, s));
          const normalised = Rational.sum(row).isZero() && Rational.sum(row.map((x) => x.mul(x))).eq(Rational.fromInt(d).mul(s.sub(eps)).div(s));
          if (postIsX !== normalised) return { ok: false, detail: `post-LN(x) = x is ${postIsX} but x normalised is ${normalised}` };
        }
        return { ok: true };
      },
    }),
    prop({
      name: 'pre-ln-scale-free-update',
      kind: 'identity',
      description: 'Pre-LN with ε = 0: the update Sublayer(LN(x)) (a ReLU FFN) is the same for x and αx + β1 (α > 0), exactly in Q(1/√s); the residual path carries the scale of x untouched.',
      arbitrary: blockArb,
      runs: 100,
      check: ({ X, W1, b1, W2, b2, alpha, beta }) => {
        for (const row of X.toArray()) {
          if (!rowVarPositive(row)) continue;
          const a = lnParts(row, Rational.ZERO), b = lnParts(row.map((x) => alpha.mul(x).add(beta)), Rational.ZERO);
          const u = ffnOnLn(a.c, a.s, W1, b1, W2, b2), v = ffnOnLn(b.c, b.s, W1, b1, W2, b2);
          if (u.some((x, k) => !surdEq(x, a.s, v[k]!, b.s))) return { ok: false, detail: `update changed under x ↦ ${alpha}x + ${beta}` };
        }
        return { ok: true };
      },
    }),
  ],
  audit: () => {
    const row = [Rational.of(1), Rational.of(2), Rational.of(6)];
    const { c, s } = lnParts(row, Rational.ZERO);
    return [
      {
        id: 'attn.post-ln-block',
        verdict: 'confirmed',
        evidence: `000:469 "each sub-layer is followed by LayerNorm(x + Sublayer(x))" is the Post-LN block of the original Transformer (Vaswani et al. 2017, §5.4 / §3.1), as 000:490–497 repeat. Its output is normalised whatever the sublayer: x + Sublayer(x) = (1, 2, 6) gives centred (${c.join(', ')}), σ² = ${s}, LN = (${c.join(', ')})/√${s}: mean 0, mean square 1 (ε = 0).`,
      },
      {
        id: 'attn.post-ln-block#placement',
        verdict: 'confirmed',
        evidence: '004:2173–2174: Post-LN (LN after each residual sum) is the original Transformer; Pre-LN (LN at the input of the attention and FFN sub-blocks, x + F(LN(x)), plus a final LN) is GPT-2’s and GPT-3’s (Radford et al. 2019 §2.3; Brown et al. 2020 §2.1), as is 000:502–505’s "Layer Norm → Self-Attention → Residual". With a zero sublayer the Pre-LN block is the identity exactly (property pre-ln-identity-path).',
      },
    ];
  },
};
