/** Statements of the notes in the pca domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '002', lines: [516, 524],
    quote: String.raw`$$\mathcal{L}(W_1, W_2; X) = \|X - W_2 W_1 X\|_F^2$$`,
    parts: { 'pca.trace-rules': 'exact' },
  },
  {
    file: '002', lines: [526, 528],
    quote: String.raw`$$\therefore \nabla_{A^T} \text{tr}(ABBA) = \nabla_{A^T} \text{tr}(ABBC) / C=A + \nabla_{A^T} \text{tr}(CBBA)`,
    parts: { 'pca.trace-rules#transpose-label': 'typo' },
    typo: String.raw`With $\nabla_M f = [\partial f/\partial M_{ij}]$ (the convention of 002:524) the matrix $(BBA)^\top + (ABB)^\top$ is $\nabla_A\operatorname{tr}(ABBA)$, not $\nabla_{A^\top}$.`,
    corrected: String.raw`$\nabla_{A}\operatorname{tr}(ABBA) = (BBA)^\top + (ABB)^\top$, $\nabla_{A^\top}\operatorname{tr}(ABBA) = BBA + ABB$`,
  },
  {
    file: '002', lines: [532, 534],
    quote: String.raw`$$\begin{aligned}\nabla_{W_2} \mathcal{L} &= \nabla_{W_2} \text{tr}(XX^T W_2 W_1 X X^T W_1^T W_2^T - 2 W_2 W_1`,
    parts: { 'pca.ae-grad': 'exact', 'pca.trace-rules#expanded-loss': 'typo' },
    typo: String.raw`The expansion inside $\nabla_{W_2}$ has an extra $XX^\top$ in front: the quadratic term is $\operatorname{tr}(W_2W_1XX^\top W_1^\top W_2^\top)$ (the constant $\operatorname{tr}(XX^\top)$ may be dropped under $\nabla$).`,
    corrected: String.raw`$\nabla_{W_2}\mathcal L = \nabla_{W_2}\operatorname{tr}(W_2W_1XX^\top W_1^\top W_2^\top - 2W_2W_1XX^\top) = 2(W_2W_1-I)XX^\top W_1^\top$`,
  },
  {
    file: '002', lines: [536, 540],
    quote: String.raw`Back to PCA. $X = U \Sigma V^T$, $D = \Sigma^T$.`,
    parts: { 'pca.ae-grad#d-sigma': 'typo' },
    typo: String.raw`For $X = U\Sigma V^\top$, $XX^\top = U\Sigma\Sigma^\top U^\top$, so $D = \Sigma\Sigma^\top = \operatorname{diag}(\sigma_i^2)$, not $\Sigma^\top$ (002:518 itself calls $\sigma_i^2$ the eigenvalues of $XX^\top$).`,
    corrected: String.raw`$X = U\Sigma V^\top$, $D = \Sigma\Sigma^\top$: $W_2^\top(W_2W_1-I)UDU^\top = 0$, $(W_2W_1-I)UDU^\top W_1^\top = 0$`,
  },
  {
    file: '002', lines: [542, 548],
    quote: String.raw`$$(V_2 V_1 - I) D V_1^T = 0 \quad V_2^T (V_2 V_1 - I) D = 0$$`,
    parts: { 'pca.ae-optimum': 'exact', 'pca.ae-optimum#non-unique': 'exact' },
  },
  {
    file: '002', lines: [574, 574],
    quote: String.raw`Regularization: $\lambda \sum_{i=1}^k (\frac{1}{6} \epsilon_i^2 + \frac{1}{6} \epsilon_i^{-2}) \Rightarrow$`,
    parts: { 'pca.reg-ae#pinv-coefficient': 'counterexample' },
    corrected: String.raw`If $W_2 = W_1^+$ and $W_1$ has singular values $\epsilon_i$: $\lambda(\|W_1\|_F^2+\|W_2\|_F^2) = \lambda\sum_{i=1}^k(\epsilon_i^2+\epsilon_i^{-2})$, minimised at $\epsilon_i = 1$.`,
  },
  {
    file: '002', lines: [576, 576],
    quote: String.raw`$$\Rightarrow W_1 W_1^T = I, \quad W_2 W_2^T = I$$`,
    parts: { 'pca.reg-ae': 'counterexample', 'pca.reg-ae#w2-orientation': 'counterexample', 'pca.reg-ae#orthogonality': 'asymptotic' },
    corrected: String.raw`At the optimum $W_2 = W_1^\top$ and $W_1W_1^\top = I_k - \lambda\operatorname{diag}(1/s_i)$ ($s_i$ the top eigenvalues of $XX^\top/n$), so $W_1W_1^\top \to I_k$ only as $\lambda/s_k\to0$; the orthogonality of the decoder is $W_2^\top W_2 \approx I_k$ ($W_2W_2^\top$ is $m\times m$ of rank $\le k$ and never $I_m$).`,
  },
];
