/** Statements of the notes in the regression domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '000', lines: [273, 279],
    quote: String.raw`$$\frac{\partial L}{\partial \beta} = 0.$$`,
    parts: { 'reg.ols': 'exact' },
  },
  {
    file: '000', lines: [281, 281],
    quote: String.raw`$$\begin{aligned}\hat{\beta}_0 &= \bar{y} - \hat{\beta}_1 \bar{x}, \\ \hat{\beta}_1 &= \frac{\text{cov}(x,`,
    parts: { 'reg.simple-ols': 'exact' },
  },
  {
    file: '000', lines: [285, 286],
    quote: String.raw`$\text{ESS} = \sum (\hat{y}_i - \bar{y}_i)$, i.e., how much variation there is in the modeled values.`,
    parts: { 'reg.ss-decomposition#typos': 'typo' },
    typo: String.raw`ESS and TSS lack their squares: $\sum(\hat y_i-\bar y)^2$ and $\sum(y_i-\bar y)^2$ (also $\bar y_i$ for $\bar y$).`,
    corrected: String.raw`$\text{ESS} = \sum_i(\hat y_i-\bar y)^2$, $\text{TSS} = \sum_i(y_i-\bar y)^2$`,
  },
  {
    file: '000', lines: [287, 287],
    quote: String.raw`In linear regression, $\text{TSS} = \text{RSS} + \text{ESS}$.`,
    parts: { 'reg.ss-decomposition': 'counterexample' },
    corrected: String.raw`$\text{TSS} = \text{RSS} + \text{ESS}$ for least squares **with an intercept** (the constant vector in the column space of $X$).`,
  },
  {
    file: '000', lines: [292, 296],
    quote: String.raw`$$\bar{R}^2 = 1 - \frac{\text{RSS}/\text{df}_{\text{res}}}{\text{TSS}/\text{df}_{\text{tot}}},$$`,
    parts: { 'reg.r2': 'exact', 'reg.r2#adjusted-can-drop': 'exact' },
  },
  {
    file: '002', lines: [54, 63],
    quote: String.raw`Assume $w_0 = 0$, we know $w^* = X^T(XX^T)^{-1}y$ … $$\therefore w'' = -V^T X^T (XX^T)^{-1} y = \dots = -[\Sigma_1, V^T y]`,
    parts: { 'reg.min-norm': 'exact' },
    typo: String.raw`002:61–63 are garbled: $w'' = -V^\top w^*$ is written $-[\Sigma_1, V^\top y]$; read as the statement that its last $d-n$ coordinates vanish.`,
    corrected: String.raw`$w^* = X^\top(XX^\top)^{-1}y$ and $w'' = -V^\top w^* = -\begin{bmatrix}\Sigma_1^{-1}U^\top y\\ 0_{d-n}\end{bmatrix}$: only the first $n$ coordinates can be non-zero.`,
  },
  {
    file: '002', lines: [116, 116],
    quote: String.raw`Topic 4. Another perspective of: $(X^T X + \lambda I)^{-1} X^T y = X^T (X X^T + \lambda I)^{-1} y$`,
    parts: { 'reg.ridge-push-through': 'exact' },
  },
  {
    file: '002', lines: [118, 136],
    quote: String.raw`\therefore A = \sum w_y \cdot \sum r_y^T … Y = XW + \sqrt{N}N`,
    parts: { 'reg.ridge-push-through#derivation-typos': 'typo', 'reg.ridge-posterior': 'exact' },
    typo: String.raw`002:120 concludes $A = \Sigma_{WY}\Sigma_{YY}^\top$ where $\Sigma_{YY}^{-1}$ is meant; 002:128–136 write the noise as $\sqrt N\,N$ where $\sqrt\lambda\,N$ is meant.`,
    corrected: String.raw`$A = \Sigma_{WY}\Sigma_{YY}^{-1}$; with $Y = XW + \sqrt\lambda N$: $\Sigma_{WY} = X^\top$, $\Sigma_{YY} = XX^\top + \lambda I$, $\hat W = \mathbb{E}[W\mid Y=y] = X^\top(XX^\top+\lambda I)^{-1}y$`,
  },
  {
    file: '002', lines: [122, 126],
    quote: String.raw`$$\therefore W = Z + AY, \quad \mathbb{E}[W|Y=y] = \mathbb{E}[Z|Y=y] + Ay, \quad \text{bring in } Z = W - AY$$`,
    parts: { 'reg.ridge-posterior#needs-gaussian': 'assumption-needed' },
  },
  {
    file: '002', lines: [144, 152],
    quote: String.raw`\prod_{i=1}^n \frac{e^{-\frac{(y_i - x_i^T w)^2}{2}}}{\sqrt{2\pi}}`,
    parts: { 'reg.ridge-map#likelihood-variance': 'counterexample' },
    corrected: String.raw`Under $Y = XW+\sqrt\lambda N$ the likelihood factors are $\frac{1}{\sqrt{2\pi\lambda}}e^{-(y_i-x_i^\top w)^2/(2\lambda)}$, giving $\operatorname{argmin}_w \|w\|_2^2 + \frac1\lambda\|y-Xw\|_2^2$.`,
  },
  {
    file: '002', lines: [146, 154],
    quote: String.raw`Vector version: $Y = XW + \sqrt{\lambda} N$`,
    parts: { 'reg.ridge-map': 'exact' },
  },
  {
    file: '002', lines: [402, 420],
    quote: String.raw`It turns out we can rewrite and get: $L(\tilde{w}) = \|y - P\tilde{X}\tilde{w}\|_2^2 + p(1-p)\|\tilde{T}\tilde{w}\|_2^2$ … Then we can tell: $\tilde{T} = \sqrt{\frac{1-p}{p}} \tilde{I}$ … we conclude that: dropout is actually BN (even include rescale!).`,
    parts: { 'reg.dropout-ridge': 'counterexample', 'reg.dropout-ridge#identity': 'exact', 'reg.dropout-ridge#ridge-form': 'counterexample' },
    corrected: String.raw`$\mathbb{E}_R\|y-(R\odot X)w\|_2^2 = \|y-pXw\|_2^2 + p(1-p)\|\Gamma w\|_2^2$, $\Gamma = \operatorname{diag}(\|X_{:,j}\|_2)$; with $u = p\Gamma w$, $\tilde X = X\Gamma^{-1}$ this is $\|y-\tilde Xu\|_2^2 + \frac{1-p}{p}\|u\|_2^2$ — ridge on **column-normalised** features, isotropic in $w$ only when all columns of $X$ have equal norm.`,
  },
  {
    file: '002', lines: [617, 631],
    quote: String.raw`$$\hat{W} = U \cdot \begin{bmatrix} \frac{\sigma_1^2}{\sigma_1^2 + \lambda} & & \\ &`,
    parts: { 'reg.linear-purification': 'exact' },
  },
];
