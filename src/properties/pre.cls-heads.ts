/**
 * pre.cls-heads — BERT's fine-tuning heads: sequence classification P = softmax(C Wᵀ), W ∈ R^{K×H}
 * (004:1758–1765: K·H weights); token classification W ∈ R^{E×H} with E = 9 for CoNLL-2003 (004:1805–1806:
 * BIO over PER, ORG, LOC, MISC plus O = 2·4 + 1); QA: two vectors S, E ∈ R^H (004:1855–1858: 2H scalars).
 * Seed 004_975819c312b074f9.txt, line 1806: "- E = number of entity tag classes - (Example: 9 for CoNLL-2003: PER, ORG, LOC, MISC, O, etc.)"
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { headParams } from '../oracles/pretraining.js';
import { bioTagSet } from '../oracles/sequence.js';

export const claim: ClaimModule = {
  id: 'pre.cls-heads',
  properties: [
    {
      name: 'head-counts',
      kind: 'identity',
      description: 'A BIO tag set over t entity types has 2t + 1 distinct tags, and a linear head from R^H onto K classes has K·H weights (+K with a bias) — counted by enumerating the entries of W (and b).',
      arbitrary: fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 64 }), fc.boolean()),
      runs: 100,
      check: ([t, K, H, bias]) => {
        const tags = bioTagSet(Array.from({ length: t }, (_, i) => `T${i}`));
        if (new Set(tags).size !== 2 * t + 1) return { ok: false, detail: `${new Set(tags).size} tags for ${t} types` };
        let n = 0;
        for (let k = 0; k < K; k++) { for (let h = 0; h < H; h++) n++; if (bias) n++; }
        return n === headParams(K, H, bias) ? { ok: true } : { ok: false, detail: `enumerated ${n}, formula ${headParams(K, H, bias)}` };
      },
    },
  ],
  audit: () => {
    const H = 768;
    const conll = bioTagSet(['PER', 'ORG', 'LOC', 'MISC']);
    return [{
      id: 'pre.cls-heads',
      verdict: 'confirmed',
      evidence: `CoNLL-2003 in BIO: ${conll.join(', ')} — ${conll.length} classes (2·4 + 1), as stated. Head sizes for BERT-base (H = ${H}): sentiment K = 2: ${headParams(2, H, false)} weights (${headParams(2, H, true)} with the bias HF adds); MNLI K = 3: ${headParams(3, H, false)} (${headParams(3, H, true)}); ` +
        `NER E = 9: ${headParams(9, H, false)} (${headParams(9, H, true)}); QA "two new learnable parameters" are two vectors S, E ∈ R^H = ${2 * H} scalars (HF's qa_outputs Linear(H, 2): ${headParams(2, H, true)}).`,
    }];
  },
};
