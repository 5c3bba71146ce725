/** Statements of the notes in the scaling domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '003', lines: [879, 883],
    quote: String.raw`$$N \approx 2d n_{\text{layer}} (2d_{\text{atten}} + d_{\text{ff}})$$ … $$N \approx 12n_{\text{layer}} d^2$$ … $$\text{datttn} = \frac{d_{\text{ff}}}{4} = d$$`,
    parts: { 'scale.12nd2': 'exact' },
  },
  {
    file: '003', lines: [893, 893],
    quote: String.raw`$$L(N) = \left(\frac{n_c}{N} \right)^{\alpha_N} \quad L(D) = \left(\frac{D_c}{D} \right)^{\alpha_D} \quad L(C) = \left(\frac{C_c}{C} \right)^{\alpha_C}$$`,
    parts: { 'scale.power-laws': 'typo' },
    typo: String.raw`$n_c$ should read $N_c$ (the other two laws write $D_c$, $C_c$)`,
    corrected: String.raw`$L(N) = (N_c/N)^{\alpha_N}$, $L(D) = (D_c/D)^{\alpha_D}$, $L(C) = (C_c/C)^{\alpha_C}$`,
  },
  {
    file: '004', lines: [2211, 2217],
    quote: String.raw`Effective Epochs (300B Training) … | StackOverflow answer | 0.92 | ✓ Yes | WebText2 | 19 Billion | 22% | 2.9 | |`,
    parts: { 'scale.gpt3-mix': 'wrong-value' },
    corrected: String.raw`WebText2: $300\text{B}\times 22\%/19\text{B} = 3.47$ effective epochs (the other rows agree with their weights and sizes up to rounding)`,
  },
  {
    file: '004', lines: [2568, 2576],
    quote: String.raw`| English | 150B | … | Swahili | 20M | … 150,000,000,000 vs 20,000,000 \rightarrow 7500x more`,
    parts: { 'ml.token-ratio': 'exact' },
  },
  {
    file: '004', lines: [2591, 2591],
    quote: String.raw`If $0 < \alpha < 1$ (Flattening) The distribution becomes **flatter**: HRLs get **downsampled** LRLs get **oversampled**`,
    parts: { 'ml.temp-sampling#flattening': 'exact' },
  },
  {
    file: '004', lines: [2595, 2597],
    quote: String.raw`If $\alpha \rightarrow 0$ … All languages become **equally likely**, regardless of corpus size.`,
    parts: { 'ml.temp-sampling#alpha-to-zero': 'exact' },
  },
  {
    file: '004', lines: [2617, 2626],
    quote: String.raw`Case 2: $\alpha = 0.5$ … $$0.9^{0.5} = 0.949, 0.1^{0.5} = 0.316$$ … - English: $0.949 / (0.949 + 0.316) = 0.75$ … - Swahili: $0.316 / (0.949 + 0.316) = 0.25$`,
    parts: { 'ml.temp-sampling': 'exact' },
  },
  {
    file: '004', lines: [2615, 2628],
    quote: String.raw`Model sees English 9x more. … Now English is only 3x more frequent`,
    parts: { 'ml.token-ratio#odds': 'exact' },
  },
];
