/** Statements of the notes in the attention domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '000', lines: [429, 429],
    quote: String.raw`4. Divide scores by square root of dimension (8; this gives more stable gradients) and softmax.`,
    parts: { 'attn.sdpa': 'exact' },
  },
  {
    file: '000', lines: [439, 439],
    quote: String.raw`$$\text{Attention}(Q, K, V) = \text{softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right) \times V \in \mathbb{R}^{n`,
    parts: { 'attn.sdpa': 'exact' },
  },
  {
    file: '002', lines: [727, 727],
    quote: String.raw`$$\begin{cases} Q = xW_Q, \quad K = xW_K, \quad V = xW_V \\ A_L(x) = V' =`,
    parts: { 'attn.sdpa': 'exact' },
  },
  {
    file: '003', lines: [384, 403],
    quote: String.raw`$$w_i^Q \in \mathbb{R}^{d_{\text{model}} \times d_{\text{model}}}$$ … all the outputs are concatenated $\rightarrow N \times d_{\text{model}}$`,
    parts: { 'attn.sdpa#multihead-shapes': 'counterexample' },
    corrected: String.raw`With $h$ heads each head has width $d_k = d_{\text{model}}/h$: $w_i^Q, w_i^K, w_i^V \in \mathbb{R}^{d_{\text{model}}\times d_k}$, each head outputs $N\times d_k$, and the concatenation is $N\times h d_k = N\times d_{\text{model}}$, so $w^O\in\mathbb{R}^{d_{\text{model}}\times d_{\text{model}}}$ fits.`,
  },
  {
    file: '003', lines: [505, 509],
    quote: String.raw`q1·k1	-∞	-∞	-∞	-∞`,
    parts: { 'attn.sdpa': 'exact' },
  },
  {
    file: '003', lines: [578, 578],
    quote: String.raw`$$\text{Self-Attention } (Q, K, V) = \text{softmax} \left(\frac{QK^T}{\sqrt{d_h}} \right) V$$`,
    parts: { 'attn.sdpa': 'exact' },
  },
  {
    file: '004', lines: [1450, 1450],
    quote: String.raw`$$\text{Attention}(Q, K, V) = \text{softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right)V$$`,
    parts: { 'attn.sdpa': 'exact' },
  },
  {
    file: '004', lines: [1598, 1602],
    quote: String.raw`| 1 ✓ X X X X | |`,
    parts: { 'attn.sdpa': 'exact' },
  },
  {
    file: '004', lines: [2418, 2418],
    quote: String.raw`At each position t , the model can attend only to positions $\leq t$.`,
    parts: { 'attn.sdpa': 'exact' },
  },
  {
    file: '002', lines: [671, 671],
    quote: String.raw`$$E[q_h^T k] = E\left[\sum_{i=1}^d q_{hi} k_i\right] = \sum_{i=1}^d E[q_{hi}] E[k_i] = \sum_{i=1}^d \mu_i =`,
    parts: { 'attn.sqrt-d-variance#mean-typo': 'typo' },
    typo: String.raw`$\sum_i E[q_{hi}]E[k_i] = \sum_i \mu_i$ should read $\sum_i \mu_i^2$ (the line's last equality, $\|\mu\|_2^2$, is right).`,
    corrected: String.raw`$E[q_h^\top k] = \sum_{i=1}^d E[q_{hi}]E[k_i] = \sum_{i=1}^d \mu_i^2 = \|\mu\|_2^2$`,
  },
  {
    file: '002', lines: [673, 684],
    quote: String.raw`$$E[(q_h^T k)^2] - E[k^T q_h q_h^T k]^2 = \dots ?$$`,
    parts: { 'attn.sqrt-d-variance': 'exact', 'attn.sqrt-d-variance#nonzero-mean': 'assumption-needed' },
  },
];
