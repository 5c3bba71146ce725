/**
 * pre.gpt-shift — causal LM training pairs (004:2396–2410): input x_1…x_{n−1}, targets x_2…x_n, so the
 * prediction at position t is scored against token t + 1 using only positions ≤ t (004:2420–2424). Equal to
 * HF's convention (labels = input_ids, the model compares logits[:, :−1] with labels[:, 1:]).
 * Seed 004_975819c312b074f9.txt, line 2398: "GPT receives the input tokens, shifted by one position:"
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { gptShift } from '../oracles/pretraining.js';

export const claim: ClaimModule = {
  id: 'pre.gpt-shift',
  properties: [
    {
      name: 'shift-pairs',
      kind: 'identity',
      description: 'The shifted pairs (input x_{1..n−1}, target x_{2..n}) are exactly the pairs (context x_{≤t}, next token x_{t+1}) of the chain rule, and equal HF’s in-model shift (logits[:−1] vs labels[1:] of the unshifted sequence).',
      arbitrary: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 20 }),
      runs: 100,
      check: (x: number[]) => {
        const { input, target } = gptShift(x);
        if (input.length !== x.length - 1 || target.length !== x.length - 1) return { ok: false, detail: 'lengths' };
        for (let t = 0; t < input.length; t++) {
          const context = x.slice(0, t + 1);
          if (context[context.length - 1] !== input[t] || target[t] !== x[t + 1]) return { ok: false, detail: `pair ${t}` };
        }
        const hfLogitsPos = x.slice(0, -1).map((_, t) => t), hfLabels = x.slice(1);
        return hfLogitsPos.every((t, i) => input[t] === x[t] && hfLabels[i] === target[i]) ? { ok: true } : { ok: false, detail: 'HF shift differs' };
      },
    },
  ],
  audit: () => {
    const x = ['The', 'cat', 'sat', 'on', 'the', 'mat'];
    const { input, target } = gptShift(x);
    return [{
      id: 'pre.gpt-shift',
      verdict: 'confirmed',
      evidence: `x = ${x.join(' ')}: input [${input.join(', ')}], targets [${target.join(', ')}] — as in 004:2402–2406; n − 1 = ${input.length} predictions, the one at position t (1-based) sees x_1…x_t under the causal mask ("sat" at position 3 sees The, cat, sat).`,
    }];
  },
};
