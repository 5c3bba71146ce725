/**
 * attn.multihead-F3 — multi-head attention shapes: with h heads of width d_k = d_model/h, each head is
 * N×d_k, the concatenation N×h·d_k = N×d_model, and W^O ∈ R^{h·d_k×d_model} maps it back. The notes'
 * file 003 gives every head d_model×d_model projections and an N×d_model output, and still concatenates
 * to N×d_model: with h > 1 the concatenation is N×h·d_model and W^O ∈ R^{d_model×d_model} does not fit.
 * Seed 003_c2e944a0f3874627.txt, lines 384–403: "Each head, output shape? $N \times d_{\text{model}}$ …
 * all the outputs are concatenated $\rightarrow N \times d_{\text{model}}$".
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { QMatrix } from '../numerics/matrix.js';
import { headOutput, hconcat } from '../oracles/attention.js';
import { qmatArb, stochasticArb, prop } from './attn-shared.js';

interface MhCase { n: number; h: number; dk: number; X: QMatrix; WV: QMatrix[]; A: QMatrix[]; WO: QMatrix }

/** h 1–4 heads of width d_k 1–3, d_model = h·d_k, N 1–4 tokens; value projections, patterns and W^O. */
const mhArb: fc.Arbitrary<MhCase> = fc.record({ n: fc.integer({ min: 1, max: 4 }), h: fc.integer({ min: 1, max: 4 }), dk: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, h, dk }) => fc.record({
    n: fc.constant(n), h: fc.constant(h), dk: fc.constant(dk),
    X: qmatArb(n, h * dk),
    WV: fc.array(qmatArb(h * dk, dk), { minLength: h, maxLength: h }),
    A: fc.array(stochasticArb(n, n), { minLength: h, maxLength: h }),
    WO: qmatArb(h * dk, h * dk),
  }));

/** The shapes the notes' 003:384–403 prescribe, built with real matrices: per-head d_model×d_model value projections. */
function notesConcatWidth(c: MhCase): number {
  const dm = c.h * c.dk;
  const heads = c.A.map((A) => headOutput(c.X, QMatrix.identity(dm), A)); // w_i^V ∈ R^{d_model×d_model}
  return hconcat(heads).cols;
}

export const claim: ClaimModule = {
  id: 'attn.multihead-F3',
  properties: [
    prop({
      name: 'concat-shape',
      kind: 'identity',
      description: 'With d_k = d_model/h, each head A_i(XW_i^V) is N×d_k, the concatenation N×d_model, and Concat·W^O (W^O ∈ R^{hd_k×d_model}) is N×d_model — computed with real rational matrices.',
      arbitrary: mhArb,
      runs: 100,
      check: (c) => {
        const heads = c.WV.map((W, i) => headOutput(c.X, W, c.A[i]!));
        if (heads.some((H) => H.rows !== c.n || H.cols !== c.dk)) return { ok: false, detail: `a head is not N×d_k = ${c.n}×${c.dk}` };
        const C = hconcat(heads);
        if (C.rows !== c.n || C.cols !== c.h * c.dk) return { ok: false, detail: `concatenation ${C.rows}×${C.cols}, expected ${c.n}×${c.h * c.dk}` };
        const out = C.mul(c.WO);
        return out.rows === c.n && out.cols === c.h * c.dk ? { ok: true } : { ok: false, detail: `output ${out.rows}×${out.cols}` };
      },
    }),
    prop({
      name: 'notes-shapes-width',
      kind: 'identity',
      description: 'With the notes’ per-head d_model×d_model projections (003:384–398) the concatenation of h heads is N×h·d_model: it equals N×d_model (what 003:401 states, and what W^O ∈ R^{d_model×d_model} needs) exactly when h = 1.',
      arbitrary: mhArb,
      runs: 60,
      check: (c) => {
        const w = notesConcatWidth(c), dm = c.h * c.dk;
        if (w !== c.h * dm) return { ok: false, detail: `concatenated width ${w}, expected h·d_model = ${c.h * dm}` };
        return (w === dm) === (c.h === 1) ? { ok: true } : { ok: false, detail: `h = ${c.h}: width ${w} vs d_model ${dm}` };
      },
    }),
    prop({
      name: 'parameter-count',
      kind: 'identity',
      description: 'Counting the entries of the real projection matrices: with d_k = d_model/h the Q, K, V projections of all heads plus W^O have 4·d_model² parameters for every h; with the notes’ d_model×d_model per-head projections, 3h·d_model² + d_model² (plus an h·d_model×d_model W^O to fit the concatenation).',
      arbitrary: fc.record({ h: fc.integer({ min: 1, max: 16 }), dk: fc.integer({ min: 1, max: 64 }) }),
      runs: 100,
      check: ({ h, dk }) => {
        const dm = h * dk;
        const count = 3 * h * (dm * dk) + (h * dk) * dm;
        const notes = 3 * h * dm * dm + dm * dm;
        if (count !== 4 * dm * dm) return { ok: false, detail: `count ${count} ≠ 4·d_model² = ${4 * dm * dm}` };
        return (notes === count) === (h === 1) ? { ok: true } : { ok: false, detail: `notes' count ${notes} vs ${count} at h = ${h}` };
      },
    }),
  ],
  audit: () => {
    const h = 8, dm = 512, dk = dm / h;
    return [
      {
        id: 'attn.multihead-F3',
        verdict: 'refuted',
        evidence: `003:384–388 give every head w_i^Q, w_i^K, w_i^V ∈ R^{d_model×d_model}, so (003:398) each head is N×d_model; concatenating h heads is then N×h·d_model, not N×d_model (003:401), and w^O ∈ R^{d_model×d_model} (003:403) cannot multiply it. ` +
          `Counterexample h = ${h}, d_model = ${dm}, N = 10: concatenation 10×${h * dm}, w^O 512×512. With d_k = d_model/h = ${dk} per head (the standard reading, 004:1460) the concatenation is 10×${h * dk} = 10×512 and w^O fits.`,
      },
      {
        id: 'attn.multihead-F3#shapes-000',
        verdict: 'confirmed',
        evidence: `000:453: W_O ∈ R^{hd_k×d} and MultiHead(Q,K,V) ∈ R^{n×d}: Concat(head_1..head_h) is n×hd_k, times hd_k×d gives n×d for every h, d_k (checked with real matrices, property concat-shape).`,
      },
      {
        id: 'attn.multihead-F3#d-k-004',
        verdict: 'confirmed',
        evidence: `004:1460–1466: d_model = 512, h = 8 give d_k = 512/8 = ${dk}; the concatenation has width h·d_k = ${h * dk} = d_model. ("a matrix of dimension h × d_k" reads as the product h·d_k, as the next line's "h × d_k = d_model" says.)`,
      },
    ];
  },
};
