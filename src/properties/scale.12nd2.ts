/**
 * scale.12nd2 — N ≈ 2·d·n_layer·(2·d_attn + d_ff) = 12·n_layer·d² with d_attn = d_ff/4 = d, against exact counts.
 * Seed 003_c2e944a0f3874627.txt, lines 879–883.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { gptParamCount, kaplanApprox, twelveNd2, type GptShape } from '../oracles/scaling.js';

const shapeArb = fc.record({
  nLayer: fc.integer({ min: 1, max: 128 }),
  dModel: fc.integer({ min: 1, max: 256 }).map((k) => 64 * k),
  vocab: fc.integer({ min: 1000, max: 256000 }),
  context: fc.constantFrom(512, 1024, 2048, 4096, 8192),
}).map((s) => ({ ...s, dAttn: s.dModel, dFf: 4 * s.dModel }));

/** Published shapes and their parameter counts: GPT-2 small (Hugging Face `gpt2`: 124,439,808 parameters, tied output embedding) and GPT-3 175B. */
export const GPT2_SMALL: GptShape = { nLayer: 12, dModel: 768, dAttn: 768, dFf: 3072, vocab: 50257, context: 1024 };
export const GPT3_175B: GptShape = { nLayer: 96, dModel: 12288, dAttn: 12288, dFf: 49152, vocab: 50257, context: 2048 };

const pct = (num: bigint, den: bigint) => (Number((num * 1_000_000n) / den) / 10_000).toFixed(4);

export const claim: ClaimModule = {
  id: 'scale.12nd2',
  properties: [
    {
      name: 'kaplan-reduces-to-12nd2',
      kind: 'identity',
      description: 'Exactly: with d_attn = d_ff/4 = d, 2·d·n_layer·(2·d_attn + d_ff) = 12·n_layer·d²; the exact non-embedding count (biases and layer norms included) exceeds it by exactly 13·n_layer·d + 2d, so its relative error is (13 + 2/n_layer)/(12d) < 1.3/d.',
      arbitrary: shapeArb,
      runs: 200,
      check: (s: GptShape) => {
        const k = kaplanApprox(s), t = twelveNd2(s.nLayer, s.dModel);
        if (k !== t) return { ok: false, detail: `Kaplan ${k} ≠ 12nd² ${t}` };
        const c = gptParamCount(s);
        const gap = c.nonEmbedding - t;
        const want = 13n * BigInt(s.nLayer) * BigInt(s.dModel) + 2n * BigInt(s.dModel);
        if (gap !== want) return { ok: false, detail: `exact − 12nd² = ${gap}, expected 13nd + 2d = ${want}` };
        if (!(gap * 10n * BigInt(s.dModel) < 13n * t)) return { ok: false, detail: 'relative error not below 1.3/d' };
        if (c.total !== c.nonEmbedding + BigInt(s.vocab + s.context) * BigInt(s.dModel)) return { ok: false, detail: 'embedding count' };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const g2 = gptParamCount(GPT2_SMALL), g3 = gptParamCount(GPT3_175B);
    const a2 = twelveNd2(12, 768), a3 = twelveNd2(96, 12288);
    const knownGpt2 = 124_439_808n;
    return [
      {
        id: 'scale.12nd2',
        verdict: kaplanApprox(GPT3_175B) === a3 && g2.total === knownGpt2 ? 'confirmed' : 'refuted',
        evidence: `With d_attn = d_ff/4 = d (003:883), 2d·n_layer(2d_attn + d_ff) = 2d·n_layer·6d = 12·n_layer·d² exactly (003:879–881). ` +
          `It counts the weight matrices only: per layer the exact count is 12d² + 13d (biases of Q, K, V, O and the MLP, two layer norms), plus 2d for the final norm and (V + n_ctx)·d for the embeddings. ` +
          `GPT-2 small (12 layers, d = 768): 12nd² = ${a2}, exact non-embedding ${g2.nonEmbedding} (${pct(g2.nonEmbedding - a2, a2)}% more), with embeddings ${g2.total} = the published 124,439,808. ` +
          `GPT-3 (96 layers, d = 12288): 12nd² = ${a3}, exact non-embedding ${g3.nonEmbedding} (+${pct(g3.nonEmbedding - a3, a3)}%), total ${g3.total} (the embeddings add ${pct(g3.embedding, a3)}%). ` +
          `As an approximation (≈) of the non-embedding count it is good to (13 + 2/n_layer)/(12d).`,
      },
    ];
  },
};
