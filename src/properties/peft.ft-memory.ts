/**
 * peft.ft-memory — full fine-tuning of a 65B model stores weights, gradients and AdamW's two moments: "over
 * 780 GB", far above an 80 GB A100. Exact bytes per training state and precision profile.
 * Seed 004_975819c312b074f9.txt, line 3026: the paragraph on full fine-tuning ("… which can necessitate over 780 GB of GPU memory merely to load the training state …").
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { TRAIN_STATES, trainStateBytes } from '../oracles/peft.js';

const GB = 10n ** 9n;

export const claim: ClaimModule = {
  id: 'peft.ft-memory',
  properties: [
    {
      name: 'bytes-by-tensor',
      kind: 'identity',
      description: 'The training state of n parameters (weights, gradients, optional fp32 master copy, Adam m and v) summed tensor by tensor equals n × (bytes per parameter) for every profile, and adding activations only increases it.',
      arbitrary: fc.record({ n: fc.bigInt({ min: 1n, max: 10n ** 12n }), profile: fc.constantFrom(...Object.keys(TRAIN_STATES)) }),
      runs: 100,
      check: ({ n, profile }) => {
        const s = TRAIN_STATES[profile]!;
        const byTensor = [s.weights, s.grads, s.master, s.adamM, s.adamV].reduce((t, b) => t + n * BigInt(b), 0n);
        return byTensor === trainStateBytes(n, s) ? { ok: true } : { ok: false, detail: `${byTensor} vs ${trainStateBytes(n, s)}` };
      },
    },
  ],
  audit: () => {
    const n = 65n * GB;
    const rows = Object.entries(TRAIN_STATES).map(([name, s]) => ({ name, bytes: trainStateBytes(n, s) }));
    const table = rows.map((r) => `${r.name}: ${Rational.of(r.bytes, GB)} GB`).join('; ');
    const withAdamFull = rows.filter((r) => !r.name.startsWith('bf16 weights, grads, Adam'));
    const allOver = withAdamFull.every((r) => r.bytes >= 780n * GB);
    return [
      {
        id: 'peft.ft-memory',
        verdict: allOver ? 'confirmed' : 'refuted',
        evidence: `65·10⁹ parameters, training state without activations: ${table}. With fp32 Adam moments (the standard AdamW) the state is at least 12 bytes per parameter = 780 GB exactly (16-bit weights and gradients, no master copy), 1,040 GB with fp32 weights or a master copy; activations only add to it, so "over 780 GB" holds (it is the 12-byte lower bound, the QLoRA paper's figure). ` +
          `780 GB / 80 GB = ${Rational.of(780, 80)} A100s: "far exceeding" is right.`,
      },
    ];
  },
};
