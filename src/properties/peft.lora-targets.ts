/**
 * peft.lora-targets — which matrices LoRA adapts, and at what parameter cost: with L layers and targets of
 * shape d_out × d_in the count is L·Σ r(d_out + d_in). The notes (004:3124) state that W_q and W_k give the best
 * results and that most implementations (HuggingFace PEFT, LLaMA-LoRA) attach LoRA primarily to Q and K.
 * Seed 004_975819c312b074f9.txt, line 3124: "Wq and Wk give the best results, so most implementations (HuggingFace, PEFT, LLaMA-LoRA papers) attach LoRA *primarily* to Q & K."
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { GPT3_175B, loraTargetParams } from '../oracles/peft.js';

const d = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });

/** The seven configurations of Hu et al. (2021), Table 5 (GPT-3 175B; WikiSQL and MultiNLI accuracy, %). */
export const HU_TABLE5 = [
  { targets: ['Wq'], r: 8, wikisql: 70.4, mnli: 91.0 },
  { targets: ['Wk'], r: 8, wikisql: 70.0, mnli: 90.8 },
  { targets: ['Wv'], r: 8, wikisql: 73.0, mnli: 91.0 },
  { targets: ['Wo'], r: 8, wikisql: 73.2, mnli: 91.3 },
  { targets: ['Wq', 'Wk'], r: 4, wikisql: 71.4, mnli: 91.3 },
  { targets: ['Wq', 'Wv'], r: 4, wikisql: 73.7, mnli: 91.3 },
  { targets: ['Wq', 'Wk', 'Wv', 'Wo'], r: 2, wikisql: 73.7, mnli: 91.7 },
] as const;

export const claim: ClaimModule = {
  id: 'peft.lora-targets',
  properties: [
    {
      name: 'equal-budget',
      kind: 'identity',
      description: 'For square d×d attention projections, one target at rank r, two at r/2 and four at r/4 cost the same L·2dr parameters (the equal-budget comparison of Hu et al., Table 5), and the count is additive over targets and layers.',
      arbitrary: fc.record({ layers: d(1, 96), dm: d(1, 12288), r4: d(1, 16), dOut: d(1, 4096), dIn: d(1, 4096) }),
      runs: 100,
      check: ({ layers, dm, r4, dOut, dIn }) => {
        const sq = { dOut: dm, dIn: dm };
        const one = loraTargetParams({ layers, rank: 4 * r4, targets: [sq] });
        const two = loraTargetParams({ layers, rank: 2 * r4, targets: [sq, sq] });
        const four = loraTargetParams({ layers, rank: r4, targets: [sq, sq, sq, sq] });
        if (one !== two || two !== four || one !== BigInt(layers) * 2n * BigInt(dm) * BigInt(4 * r4)) return { ok: false, detail: `budgets ${one}, ${two}, ${four}` };
        const mixed = loraTargetParams({ layers, rank: r4, targets: [sq, { dOut, dIn }] });
        const parts = loraTargetParams({ layers, rank: r4, targets: [sq] }) + loraTargetParams({ layers, rank: r4, targets: [{ dOut, dIn }] });
        return mixed === parts ? { ok: true } : { ok: false, detail: `not additive: ${mixed} vs ${parts}` };
      },
    },
  ],
  audit: () => {
    const budgets = HU_TABLE5.map((c) => loraTargetParams({ layers: GPT3_175B.layers, rank: c.r, targets: c.targets.map(() => ({ dOut: GPT3_175B.d, dIn: GPT3_175B.d })) }));
    const equal = budgets.every((b) => b === budgets[0]);
    const qk = HU_TABLE5[4], qv = HU_TABLE5[5];
    return [
      {
        id: 'peft.lora-targets',
        verdict: 'refuted',
        evidence: `The equal-budget comparison of Hu et al. (2021, Table 5, GPT-3 175B): every configuration has exactly ${budgets[0]} trainable parameters (${equal ? 'all seven equal' : 'NOT equal'}: L·Σ r(d_out + d_in) with L = 96, d = 12288). ` +
          `At that budget W_q, W_k (r = 4) reaches ${qk.wikisql} % on WikiSQL against ${qv.wikisql} % for W_q, W_v (r = 4) (MultiNLI ${qk.mnli} vs ${qv.mnli}); the paper concludes W_q, W_v, and HuggingFace PEFT's default targets (TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING: llama → q_proj, v_proj; bert/roberta → query, value) are Q and V, not Q and K. ` +
          `The notes' own 004:3193 lists "Query W_q, Value W_v" as the common targets. Correct: Q and V (or all four projections at equal budget) are the usual targets.`,
      },
      {
        id: 'peft.lora-targets#linear-only',
        verdict: 'confirmed',
        evidence: `LoRA adds BA to a weight matrix (004:3109, "only to linear projection matrices"): the count L·Σ r(d_out + d_in) is over matrices; for the four attention projections of GPT-3 at r = 2 it is ${budgets[6]}.`,
      },
    ];
  },
};
