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
  // ================================================================================================
  // attn-ops block (branch attn-ops): attn.causal-mask, attn.gqa, attn.rope, attn.sinusoidal-pe
  // ================================================================================================
  {
    file: '000', lines: [509, 509],
    quote: String.raw`- Use same W_K and W_V across heads, and each head has its own W_Q .`,
    parts: { 'attn.gqa#mqa': 'exact' },
  },
  {
    file: '000', lines: [510, 510],
    quote: String.raw`- Better: divide heads into groups. Heads in the same group share W_K and W_V`,
    parts: { 'attn.gqa': 'exact' },
  },
  {
    file: '000', lines: [539, 540],
    quote: String.raw`- Scalability: adding new words does not change the embedding of previous words … - The dot product of the embeddings of two words does not depend on absolute position.`,
    parts: { 'attn.rope#relative': 'exact' },
  },
  {
    file: '002', lines: [703, 703],
    quote: String.raw`if $z_t = x_t^{(1)} + j x_t^{(2)}$, then $\text{RoPE}(z_t, t) = e^{jtw} z_t$, hence $\text{RoPE}(x, m)^\top \text{RoPE}(y, n)$`,
    parts: { 'attn.rope': 'exact' },
  },
  {
    file: '002', lines: [711, 711],
    quote: String.raw`RoPE doesn't add any learnable parameter! w is fixed! $w^{(1)} = 10000^{-2} \cdot \frac{i-1}{d}$`,
    parts: { 'attn.rope#frequencies': 'wrong-value' },
    corrected: String.raw`$w^{(i)} = 10000^{-2(i-1)/d}$ for $i = 1, \dots, d/2$ (geometric frequencies; the first pair rotates by $t$)`,
  },
  {
    file: '003', lines: [462, 464],
    quote: String.raw`$$PE_{(pos, 2i)} = \sin(pos/10000^{2i/d_{\text{model}}})$$ … $$PE_{(pos, 2i+1)} = \cos(pos/10000^{2i/d_{\text{model}}})$$`,
    parts: { 'attn.sinusoidal-pe': 'exact' },
  },
  {
    file: '004', lines: [1505, 1507],
    quote: String.raw`$$PE_{(pos,2i)} = \sin\left(\frac{pos}{10000^{2i/d_{model}}}\right)$$ … $$PE_{(pos,2i+1)} = \cos\left(\frac{pos}{10000^{2i/d_{model}}}\right)$$`,
    parts: { 'attn.sinusoidal-pe': 'exact' },
  },
  {
    file: '004', lines: [1511, 1512],
    quote: String.raw`- **High Frequencies (Low dimensions):** These behave like the Least Significant Bits. … ensuring that the pattern does not repeat over long distances.`,
    parts: { 'attn.sinusoidal-pe#frequency-order': 'exact' },
  },
  {
    file: '004', lines: [1569, 1574],
    quote: String.raw`- The 1st word can only look at the 1st position. … - **No word can see the future.**`,
    parts: { 'attn.causal-mask#look-ahead': 'exact' },
  },
  {
    file: '004', lines: [1579, 1587],
    quote: String.raw`Because we masked the future, we don't need to loop through the sentence one word at a time … The mask guarantees that the calculation for "The" didn't accidentally use data from "sat", even though "sat" was physically present in the memory.`,
    parts: { 'attn.causal-mask': 'exact' },
  },
];
