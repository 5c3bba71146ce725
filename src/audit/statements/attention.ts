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
    parts: { 'attn.sdpa#multihead-shapes': 'counterexample', 'attn.multihead-F3': 'counterexample' },
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
  // attn.causal-mask, attn.gqa, attn.rope, attn.sinusoidal-pe
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

  // ── multi-head shapes, concat/sum, QK/OV, score functions, Shaw, T5, Post-/Pre-LN,
  //    polynomial-kernel and linear attention, ridge attention, Sherman–Morrison, residual stream, ReLU FFN ──
  {
    file: '000', lines: [453, 453],
    quote: String.raw`is output of each attention head and $W_O \in \mathbb{R}^{hd_k \times d}$. Note that $\text{MultiHead}(Q, K, V) \in \mathbb{R}^{n \times d}$.`,
    parts: { 'attn.multihead-F3#shapes-000': 'exact' },
  },
  {
    file: '004', lines: [1460, 1466],
    quote: String.raw`$d_{model} = 512$ and $h = 8$. This results in a dimension per head of $d_k = 64$ [24]. … Since $h \times d_k = d_{model}$, the concatenated width matches the original model dimension [13].`,
    parts: { 'attn.multihead-F3#d-k-004': 'exact' },
  },
  {
    file: '002', lines: [777, 783],
    quote: String.raw`Consider $W_0^h \in \mathbb{R}^{d_{\text{model}} \times d_{\text{head}}}$ head output $r^h \in \mathbb{R}^{d_{\text{model}} \times n_{\text{context}}}$ … $$H = W_0^H R^H = [W_0^1, W_0^2, \dots, W_0^H] \begin{bmatrix} r^1 \\ r^2 \\ \vdots \\ r^H \end{bmatrix} = \sum_{h=1}^H W_0^h r^h \quad \text{independently.}$$`,
    parts: { 'attn.concat-sum': 'exact', 'attn.concat-sum#r-shape-typo': 'typo' },
    typo: String.raw`002:779: the head output is $r^h \in \mathbb{R}^{d_{\text{head}} \times n_{\text{context}}}$, not $\mathbb{R}^{d_{\text{model}} \times n_{\text{context}}}$ (so that $W_0^h r^h$ is defined and the $r^h$ stack under $W_0^H \in \mathbb{R}^{d_{\text{model}} \times (d_{\text{head}} H)}$).`,
    corrected: String.raw`With $W_0^h \in \mathbb{R}^{d_{\text{model}}\times d_{\text{head}}}$ and $r^h \in \mathbb{R}^{d_{\text{head}}\times n_{\text{context}}}$: $W_0^H R^H = [W_0^1,\dots,W_0^H][r^1;\dots;r^H] = \sum_h W_0^h r^h$.`,
  },
  {
    file: '002', lines: [797, 797],
    quote: String.raw`Pre-softmax score : $S_{ij} = Q_i^T K_j$, $Q_i = W_Q X_i$, $K_j = W_K X_j \Rightarrow S_{ij} = X_i^T (W_Q^T W_K) X_j$`,
    parts: { 'attn.qk-ov': 'exact' },
  },
  {
    file: '002', lines: [805, 805],
    quote: String.raw`OV Circuit: $h(X^0) = W_0^h W_V X^0 (A^h)^T = W_0^h \underbrace{X^0 (A^h)^T}_{\text{(post-softmax)}}$`,
    parts: { 'attn.qk-ov#ov-missing-wv': 'typo' },
    typo: String.raw`The second form drops $W_V$: $h(X^0) = W_0^h W_V \underbrace{X^0 (A^h)^T}_{\text{(post-softmax)}}$.`,
    corrected: String.raw`$h(X^0) = W_0^h W_V X^0 (A^h)^\top = (W_0^h W_V)\,\big(X^0 (A^h)^\top\big)$`,
  },
  {
    file: '002', lines: [807, 809],
    quote: String.raw`Then: $X^{\text{final}} = X^0 + \sum_{i=1}^H h_i(X^0)$ … $= X^0 + \sum_{i=1}^H W_0^i W_V X^0 (A^i)^T$ We can notice that $h_i(X^0)_t$ (t -th column) $\in \text{Col}(W_V^i)$`,
    parts: { 'attn.qk-ov#ov-column-space': 'counterexample', 'attn.residual-stream#one-layer': 'exact' },
    corrected: String.raw`$X^{\text{final}} = X^0 + \sum_{i=1}^H W_O^i W_V^i X^0 (A^i)^\top$ (one attention layer), and $h_i(X^0)_t \in \operatorname{Col}(W_O^i W_V^i) \subseteq \operatorname{Col}(W_O^i)$, a subspace of dimension $\le d_{\text{head}}$ of $\mathbb{R}^{d_{\text{model}}}$.`,
  },
  {
    file: '002', lines: [811, 811],
    quote: String.raw`Head can only write to a low-dim subspace of the d_{model} -dim residual stream`,
    parts: { 'attn.residual-stream#low-dim-write': 'exact' },
  },
  {
    file: '002', lines: [775, 775],
    quote: String.raw`$$X^{l+1} = X^l + f^{(l)}(X^l) \Rightarrow X^{\text{final}} = X^0 + \sum_{l=0}^{L-1} f^{(l)}(X^l)$$`,
    parts: { 'attn.residual-stream': 'exact' },
  },
  {
    file: '004', lines: [1325, 1325],
    quote: String.raw`(You can think of the general form as projecting one side before doing the dot product.)`,
    parts: { 'attn.score-fns': 'exact' },
  },
  {
    file: '000', lines: [525, 525],
    quote: String.raw`$$e_{ij} = \frac{QK^T + x_i W_Q (a_{ij}^K)^T}{\sqrt{d_k}}.$$`,
    parts: { 'attn.shaw-relative': 'typo' },
    typo: String.raw`$QK^T$ stands for its entry $(QK^T)_{ij} = x_i W_Q (x_j W_K)^T$ in the formula for the scalar $e_{ij}$.`,
    corrected: String.raw`$e_{ij} = \dfrac{(QK^\top)_{ij} + x_i W_Q (a_{ij}^K)^\top}{\sqrt{d_k}} = \dfrac{x_i W_Q (x_j W_K + a_{ij}^K)^\top}{\sqrt{d_k}}$`,
  },
  {
    file: '000', lines: [529, 534],
    quote: String.raw`$$a_{ij} = w_{\text{clip}(j-i, k)}$$ … $$\text{clip}(x, k) = \max(-k, \min(k, x)).$$ … - Clipping allows scalability (i.e., arbitrarily long sequences)`,
    parts: { 'attn.shaw-relative#clip': 'exact' },
  },
  {
    file: '004', lines: [1979, 1979],
    quote: String.raw`Small distances get their own bucket. Large distances get grouped together in logarithmic ranges.`,
    parts: { 'attn.t5-bias': 'exact' },
  },
  {
    file: '004', lines: [1970, 1977],
    quote: String.raw`- $b_{\text{rel}(i, j)}$ = scalar learned for the bucket representing $(i - j)$ … Relative position means: distance = $j - i$`,
    parts: { 'attn.t5-bias#offset-sign': 'exact' },
  },
  {
    file: '000', lines: [469, 469],
    quote: String.raw`$$\text{LayerNorm}(x + \text{Sublayer}(x)).$$`,
    parts: { 'attn.post-ln-block': 'exact' },
  },
  {
    file: '004', lines: [2173, 2174],
    quote: String.raw`1. Post-LayerNorm (original Transformer): LN comes after each residual block. … 2. Pre-LayerNorm (GPT-2 and GPT-3): LN comes before self-attention and FFN blocks.`,
    parts: { 'attn.post-ln-block#placement': 'exact' },
  },
  {
    file: '002', lines: [733, 737],
    quote: String.raw`E.g., degree is 2: $\text{sim}(q_h, k) = (q_h^T k + 1)^2 = \phi(q_h)^T \phi(k)$ … $$\phi(x) = [1, \sqrt{2}x_1, \sqrt{2}x_2, \dots, \sqrt{2}x_D, x_1^2, \dots, x_D^2, \sqrt{2}x_1x_2, \dots, \sqrt{2}x_{D-1}x_D]$$`,
    parts: { 'attn.poly-kernel': 'exact', 'attn.poly-kernel#feature-map': 'exact' },
  },
  {
    file: '002', lines: [741, 741],
    quote: String.raw`$$V_i' = \frac{\sum_{j=1}^N \phi(q_{i \cdot}) \phi(k_{j \cdot})^T V_j}{\sum_{j=1}^N \phi(q_{i \cdot}) \phi(k_{j \cdot})^T} = \frac{\phi(q_{i \cdot}) \sum_{j=1}^N \phi(k_{j \cdot})^T V_j}{\phi(q_{i \cdot}) \sum_{j=1}^N \phi(k_{j \cdot})^T}$$`,
    parts: { 'attn.linear-attn': 'exact' },
  },
  {
    file: '002', lines: [745, 747],
    quote: String.raw`For quadratic kernel, space complexity is $O(ND + D^3)$. … If $N \gg D^2$, then lots of memory can be saved.`,
    parts: { 'attn.linear-attn#memory': 'exact' },
  },
  {
    file: '002', lines: [643, 643],
    quote: String.raw`$$\textcircled{1} A^T A + \lambda I = \lambda I + \sum_{i=1}^n x_i x_i^T \quad \textcircled{2} A^T y = \sum_{i=1}^n x_i y_i$$`,
    parts: { 'attn.ridge-attn#sums': 'exact' },
  },
  {
    file: '002', lines: [647, 651],
    quote: String.raw`so actually we want W^* , and inference: $W^* q$ … For computing $W^* = (I + A^T A)^{-1} A^T B$`,
    parts: { 'attn.ridge-attn': 'exact', 'attn.ridge-attn#inference-transpose': 'typo' },
    typo: String.raw`With $A = [k_j^T]$, $B = [v_j^T]$ the fit is $k^T W^* \approx v^T$, so the inference is $W^{*T} q$, not $W^* q$.`,
    corrected: String.raw`$W^* = (I + A^\top A)^{-1}A^\top B$; inference $\hat v = W^{*\top} q = B^\top (I + AA^\top)^{-1} A q$.`,
  },
  {
    file: '002', lines: [653, 655],
    quote: String.raw`$O(nd^2)$, inverse $O(d^3)$. … \therefore Complexity: $O(nd^2) + O(d^3)$; if $n > d$, then $O(nd^2)$`,
    parts: { 'attn.ridge-attn#complexity': 'exact' },
  },
  {
    file: '002', lines: [659, 659],
    quote: String.raw`$$(M + UV^T)^{-1} = M^{-1} - \frac{1}{1 + V^T M^{-1} U} (M^{-1} U)(V^T M^{-1})$$`,
    parts: { 'attn.sherman-morrison': 'exact', 'attn.sherman-morrison#denominator': 'assumption-needed' },
  },
  {
    file: '002', lines: [661, 661],
    quote: String.raw`if U, V are two d -dimension vector and $M \in \mathbb{R}^{d \times d}$, $O(d^2)$`,
    parts: { 'attn.sherman-morrison#cost': 'exact' },
  },
  {
    file: '004', lines: [2192, 2192],
    quote: String.raw`What is ReLU? $\text{ReLU}(x) = \max(0, x)$ Sharp, piecewise-linear, zero for negative values.`,
    parts: { 'ffn.relu': 'exact' },
  },
  {
    file: '003', lines: [352, 352],
    quote: String.raw`There are dependencies between these paths in the self attention layer but no in FFN.`,
    parts: { 'ffn.relu#position-wise': 'exact' },
  },
];
