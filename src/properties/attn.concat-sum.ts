/**
 * attn.concat-sum — concatenate-then-project equals the sum of per-head projections:
 * W_O^H R^H = [W_O^1, …, W_O^H][r^1; …; r^H] = Σ_h W_O^h r^h (column convention of 002:777–783), and in
 * the row convention Concat(head_1, …, head_h)W^O = Σ_i head_i W^O_i (W^O_i the i-th block of d_k rows).
 * Seed 002_606757b0cdfd2eb0.txt, line 783.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { QMatrix } from '../numerics/matrix.js';
import { Rational } from '../numerics/rational.js';
import { hconcat, vconcat, sumMatrices, multiheadConcat, multiheadSum, headOutput } from '../oracles/attention.js';
import { qmatArb, stochasticArb, showM, prop } from './attn-shared.js';
import { mhaArb, mhaArgs, compareMha } from './attn-mha-shared.js';

/** Column convention: H heads, W_O^h ∈ Q^{d_model×d_head}, r^h ∈ Q^{d_head×n}. */
const colArb = fc.record({ H: fc.integer({ min: 1, max: 4 }), dm: fc.integer({ min: 1, max: 5 }), dh: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 4 }) })
  .chain(({ H, dm, dh, n }) => fc.record({
    WO: fc.array(qmatArb(dm, dh), { minLength: H, maxLength: H }),
    r: fc.array(qmatArb(dh, n), { minLength: H, maxLength: H }),
  }));

/** Row convention with real heads A_i(XW_i^V). */
const rowArb = fc.record({ h: fc.integer({ min: 1, max: 4 }), dk: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 4 }), dOut: fc.integer({ min: 1, max: 4 }) })
  .chain(({ h, dk, n, dOut }) => fc.record({
    X: qmatArb(n, h * dk),
    WV: fc.array(qmatArb(h * dk, dk), { minLength: h, maxLength: h }),
    A: fc.array(stochasticArb(n, n), { minLength: h, maxLength: h }),
    WO: qmatArb(h * dk, dOut),
  }));

export const claim: ClaimModule = {
  id: 'attn.concat-sum',
  properties: [
    prop({
      name: 'block-product',
      kind: 'identity',
      description: '[W_O^1, …, W_O^H]·[r^1; …; r^H] = Σ_h W_O^h r^h exactly for rational blocks of any compatible shapes (002:783).',
      arbitrary: colArb,
      runs: 100,
      check: ({ WO, r }) => {
        const lhs = hconcat(WO).mul(vconcat(r));
        const rhs = sumMatrices(WO.map((W, h) => W.mul(r[h]!)));
        return lhs.equals(rhs) ? { ok: true } : { ok: false, detail: `concat ${showM(lhs)} ≠ sum ${showM(rhs)}` };
      },
    }),
    prop({
      name: 'heads-row-convention',
      kind: 'identity',
      description: 'Concat(head_1, …, head_h)W^O = Σ_i head_i W^O_i for real heads head_i = A_i(XW_i^V) (row-stochastic rational patterns A_i), W^O_i the i-th block of d_k rows of W^O.',
      arbitrary: rowArb,
      runs: 100,
      check: ({ X, WV, A, WO }) => {
        const heads = WV.map((W, i) => headOutput(X, W, A[i]!));
        const a = multiheadConcat(heads, WO), b = multiheadSum(heads, WO);
        return a.equals(b) ? { ok: true } : { ok: false, detail: `${showM(a)} ≠ ${showM(b)}` };
      },
    }),
    {
      name: 'mha-conformance',
      kind: 'conformance',
      description: 'attn.mha (multi-head attention with in- and out-projections, PyTorch nn.MultiheadAttention semantics) within the derived bound of the rigorous enclosure: heads are the column blocks [h·dh, (h+1)·dh) of the projections, concatenated in order and projected by Woᵀ (src/numerics/bounds-mha.ts).',
      arbitrary: mhaArb,
      ops: ['attn.mha'],
      runs: 60,
      check: (c0, impl) => {
        const a = mhaArgs(c0, impl!.dtype);
        return compareMha(a, impl!.ops['attn.mha']!(a) as number[][][], impl!);
      },
    },
  ],
  audit: () => {
    const q = (rows: number[][]) => QMatrix.from(rows.map((r) => r.map((v) => Rational.of(v))));
    const WO = [q([[1, 2], [0, -1], [3, 1]]), q([[2, 0], [1, 1], [-1, 4]])];
    const r = [q([[1, 0, 2], [-1, 3, 1]]), q([[0, 1, 1], [2, -2, 5]])];
    const lhs = hconcat(WO).mul(vconcat(r)), rhs = sumMatrices(WO.map((W, h) => W.mul(r[h]!)));
    return [
      {
        id: 'attn.concat-sum',
        verdict: lhs.equals(rhs) ? 'confirmed' : 'refuted',
        evidence: `Block multiplication: [W_O^1, W_O^2][r^1; r^2] = W_O^1r^1 + W_O^2r^2 for every conformable partition. Instance d_model = 3, d_head = 2, n = 3: both sides = ${lhs.toString()}.`,
      },
      {
        id: 'attn.concat-sum#r-shape-typo',
        verdict: 'confirmed',
        evidence: 'Typo, graded on the intended meaning: 002:779 gives the head output r^h ∈ R^{d_model×n_context}; W_0^h ∈ R^{d_model×d_head} (same line) and the stacking of r^1..r^H under W_0^H ∈ R^{d_model×(d_head·H)} (002:777, 783) fix r^h ∈ R^{d_head×n_context}; no step uses the written shape.',
      },
    ];
  },
};
