/**
 * attn.residual-stream — X^{l+1} = X^l + f^{(l)}(X^l) ⇒ X^final = X⁰ + Σ_l f^{(l)}(X^l) (002:775), for a
 * one-layer attention-only model X^final = X⁰ + Σ_i W_O^iW_V^iX⁰(A^i)ᵀ (002:807–809), and each head writes to
 * a subspace of dimension ≤ d_head of the d_model-dimensional stream (002:811).
 * Seed 002_606757b0cdfd2eb0.txt, line 775.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { QMatrix } from '../numerics/matrix.js';
import type { Rational } from '../numerics/rational.js';
import { ffnRelu, sumMatrices } from '../oracles/attention.js';
import { qmatArb, qvecArb, stochasticArb, showM, prop } from './attn-shared.js';

/** L blocks, each an attention head (column convention) or a ReLU MLP acting on the stream X ∈ Q^{d×n}. */
const streamArb = fc.record({ L: fc.integer({ min: 1, max: 4 }), d: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 3 }), dh: fc.integer({ min: 1, max: 2 }) })
  .chain(({ L, d, n, dh }) => fc.record({
    X0: qmatArb(d, n),
    blocks: fc.array(fc.oneof(
      fc.record({ kind: fc.constant('attn' as const), WV: qmatArb(dh, d, 3, 2), WO: qmatArb(d, dh, 3, 2), A: stochasticArb(n, n) }),
      fc.record({ kind: fc.constant('mlp' as const), W1: qmatArb(d, 2, 3, 2), b1: qvecArb(2, 3, 2), W2: qmatArb(2, d, 3, 2), b2: qvecArb(d, 3, 2) }),
    ), { minLength: L, maxLength: L }),
  }));

type Block = { kind: 'attn'; WV: QMatrix; WO: QMatrix; A: QMatrix } | { kind: 'mlp'; W1: QMatrix; b1: Rational[]; W2: QMatrix; b2: Rational[] };
function apply(b: Block, X: QMatrix): QMatrix {
  if (b.kind === 'attn') return b.WO.mul(b.WV).mul(X).mul(b.A.transpose());
  return ffnRelu(X.transpose(), b.W1, b.b1, b.W2, b.b2).transpose(); // position-wise on the token columns
}

export const claim: ClaimModule = {
  id: 'attn.residual-stream',
  properties: [
    prop({
      name: 'telescoping',
      kind: 'identity',
      description: 'Running X^{l+1} = X^l + f^{(l)}(X^l) through L ≤ 4 blocks (attention heads and ReLU MLPs, rational weights) ends at X⁰ + Σ_l f^{(l)}(X^l) exactly, the f evaluated on the intermediate streams.',
      arbitrary: streamArb,
      runs: 100,
      check: ({ X0, blocks }) => {
        let X = X0;
        const updates: QMatrix[] = [];
        for (const b of blocks as Block[]) { const f = apply(b, X); updates.push(f); X = X.add(f); }
        const tele = X0.add(sumMatrices(updates));
        return X.equals(tele) ? { ok: true } : { ok: false, detail: `${showM(X)} ≠ ${showM(tele)}` };
      },
    }),
    prop({
      name: 'one-layer-heads',
      kind: 'identity',
      description: 'One attention layer with H heads added to the stream: X¹ = X⁰ + Σ_i W_O^iW_V^iX⁰(A^i)ᵀ equals X⁰ + W_O^H·Concat-rows(W_V^iX⁰(A^i)ᵀ), and each head’s write has rank ≤ d_head (002:807–811).',
      arbitrary: streamArb,
      runs: 100,
      check: ({ X0, blocks }) => {
        const heads = (blocks as Block[]).filter((b): b is Extract<Block, { kind: 'attn' }> => b.kind === 'attn');
        if (heads.length === 0) return { ok: true };
        const writes = heads.map((h) => h.WO.mul(h.WV).mul(X0).mul(h.A.transpose()));
        const sum = X0.add(sumMatrices(writes));
        const cols = heads.reduce((s, h) => s + h.WO.cols, 0);
        const data: QMatrix['data'] = [];
        for (let i = 0; i < X0.rows; i++) for (const h of heads) for (let j = 0; j < h.WO.cols; j++) data.push(h.WO.get(i, j));
        const WOcat = new QMatrix(X0.rows, cols, data);
        const R = new QMatrix(cols, X0.cols, heads.flatMap((h) => h.WV.mul(X0).mul(h.A.transpose()).data));
        const concat = X0.add(WOcat.mul(R));
        if (!sum.equals(concat)) return { ok: false, detail: `${showM(sum)} ≠ ${showM(concat)}` };
        const bad = writes.findIndex((w, i) => w.rank() > heads[i]!.WO.cols);
        return bad < 0 ? { ok: true } : { ok: false, detail: `head ${bad} writes rank ${writes[bad]!.rank()}` };
      },
    }),
  ],
  audit: () => [
    {
      id: 'attn.residual-stream',
      verdict: 'confirmed',
      evidence: 'X^{l+1} − X^l = f^{(l)}(X^l) summed over l = 0..L−1 telescopes: X^L = X⁰ + Σ_l f^{(l)}(X^l) for any blocks f^{(l)} (property telescoping: L ≤ 4 attention heads and ReLU MLPs, exact).',
    },
    {
      id: 'attn.residual-stream#one-layer',
      verdict: 'confirmed',
      evidence: '002:807–809 for one attention layer (the model of 002:805): X^final = X⁰ + Σ_i h_i(X⁰) = X⁰ + Σ_i W_O^iW_VX⁰(A^i)ᵀ, the residual update with the heads’ sum (concat view = additive view, attn.concat-sum).',
    },
    {
      id: 'attn.residual-stream#low-dim-write',
      verdict: 'confirmed',
      evidence: '002:811: h_i(X) = W_O^i(W_V^iX(A^i)ᵀ) has its columns in Col(W_O^i), of dimension ≤ d_head < d_model (property one-layer-heads checks rank ≤ d_head; attn.qk-ov#ov-column-space for the subspace).',
    },
  ],
};
