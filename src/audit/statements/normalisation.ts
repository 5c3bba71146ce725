/** Statements of the notes in the normalisation domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '002', lines: [390, 394],
    quote: String.raw`\left[\sum_{i=1}^n - \frac{r}{n} \frac{\partial L}{\partial y_i} \right] … $$= r \left[\frac{\partial L}{\partial y_i} - \frac{1}{n} \sum_{j=1}^n \frac{\partial L}{\partial y_j} \right]$$`,
    parts: { 'bn.backward': 'exact', 'bn.backward#full-bn': 'assumption-needed' },
    typo: String.raw`002:392 writes the bracket as $\sum_{i=1}^n -\frac{r}{n}\frac{\partial L}{\partial y_i}$, reusing $i$ as the summation index; read $\sum_{j=1}^n$.`,
    corrected: String.raw`$\frac{\partial L}{\partial x_i} = r\Big[\frac{\partial L}{\partial y_i} - \frac1n\sum_{j=1}^n \frac{\partial L}{\partial y_j}\Big]$ for $y_i = r(x_i-\bar x)+\beta$ with $r$ constant; training-mode BN ($r=\gamma/\sqrt{\sigma^2+\epsilon}$) adds $-\frac{r}{n}\hat x_i\sum_j \frac{\partial L}{\partial y_j}\hat x_j$.`,
  },
  {
    file: '000', lines: [473, 473],
    quote: String.raw`$$\text{LayerNorm}(x) = \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}} \cdot \gamma + \beta,$$`,
    parts: { 'norm.layernorm': 'across-notes' },
    corrected: String.raw`$\text{LayerNorm}(x) = \gamma\,\frac{x-\mu}{\sqrt{\sigma^2+\epsilon}}+\beta$ with the biased $\sigma^2=\frac1d\sum_i(x_i-\mu)^2$ (lemmata's convention, as PyTorch, Keras and ONNX); 003:492 puts $\epsilon$ outside the root, $\gamma\frac{x-u}{\sigma+\epsilon}+\beta$, which differs by up to $1/\sqrt{\epsilon}\approx 316\times$ for near-constant rows.`,
  },
  {
    file: '003', lines: [492, 492],
    quote: String.raw`$$\text{LayerNorm} = \gamma \left(\frac{x - u}{\sigma + \epsilon} \right) + \beta$$`,
    parts: { 'norm.layernorm': 'across-notes' },
    corrected: String.raw`$\text{LayerNorm}(x) = \gamma\,\frac{x-u}{\sqrt{\sigma^2+\epsilon}}+\beta$ (convention of 000:473); the written $\sigma+\epsilon$ is the other convention, within a relative $\epsilon/\sigma$ of it only when $\sigma\gg\sqrt\epsilon$.`,
  },
];
