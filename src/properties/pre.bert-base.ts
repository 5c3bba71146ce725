/**
 * pre.bert-base — the exact parameter count of BERT-base (V = 30522, 512 positions, 2 segment types,
 * H = 768, L = 12, FFN 3072): 109,482,240 with embeddings, LayerNorms and the pooler (HF BertModel), vs the
 * notes' "about 100M" (003:586; Devlin et al. 2019 say 110M).
 * Seed 003_c2e944a0f3874627.txt, line 586: "- The resulting model has about 100M parameters."
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { bertParams, bertParamsByTensors, BERT_BASE, BERT_LARGE } from '../oracles/pretraining.js';

export const claim: ClaimModule = {
  id: 'pre.bert-base',
  properties: [
    {
      name: 'closed-form-equals-tensor-list',
      kind: 'identity',
      description: 'The closed-form count (embeddings V·H + P·H + 2H + 2H, 12H² + 13H-type layer terms, pooler H² + H) equals the sum over the list of every weight tensor’s shape, for generated configurations up to BERT-large sizes.',
      arbitrary: fc.record({ vocab: fc.integer({ min: 1, max: 60000 }), maxPos: fc.integer({ min: 1, max: 1024 }), typeVocab: fc.integer({ min: 1, max: 4 }), hidden: fc.integer({ min: 1, max: 1024 }), layers: fc.integer({ min: 0, max: 24 }), intermediate: fc.integer({ min: 1, max: 4096 }) }),
      runs: 60,
      check: (c) => {
        const a = bertParams(c).total, b = bertParamsByTensors(c);
        return a === b ? { ok: true } : { ok: false, detail: `closed form ${a}, tensor list ${b}` };
      },
    },
  ],
  audit: () => {
    const b = bertParams(BERT_BASE), l = bertParams(BERT_LARGE);
    const withHeads = b.total + b.mlmHead + b.nspHead;
    return [
      {
        id: 'pre.bert-base',
        verdict: 'confirmed',
        evidence: `BERT-base exactly: embeddings ${b.embeddings} (30522·768 + 512·768 + 2·768 + LayerNorm 1536) + 12 × ${b.perLayer} = ${b.layers} + pooler ${b.pooler} = ${b.total} ` +
          `(${withHeads} with the MLM transform/bias and NSP heads, decoder tied). "About 100M" is right to one significant figure (${(b.total / 1e6).toFixed(2)}M); Devlin et al. round to 110M (two figures). BERT-large: ${l.total} (≈ 335M, paper 340M).`,
      },
      {
        id: 'pre.bert-base#heads',
        verdict: 'refuted',
        evidence: `003:585 "12 layers of transformers blocks, with 12 multihead attention layers each": each block has ONE multi-head self-attention layer with 12 heads of size 64 (BERT-base: L = 12, H = 768, A = 12). ` +
          `With 12 attention layers per block the count would add 11 × 12 × ${4 * (768 * 768 + 768)} = ${11 * 12 * 4 * (768 * 768 + 768)} parameters (≈ ${((b.total + 11 * 12 * 4 * (768 * 768 + 768)) / 1e6).toFixed(0)}M in all).`,
      },
    ];
  },
};
