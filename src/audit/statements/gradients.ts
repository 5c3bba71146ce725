/** Statements of the notes in the gradients domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '002', lines: [254, 258],
    quote: String.raw`$$p(x) = (2\pi\sigma^2)^{-\frac{k}{2}} \exp(-\|x - \mu\|_2^2 / (2\sigma^2)).$$`,
    parts: { 'grad.score-gaussian': 'exact' },
  },
  {
    file: '002', lines: [260, 262],
    quote: String.raw`For any p_θ : $\nabla_\theta \mathcal{F}(\theta) = \int_K \nabla_\theta p_\theta(x) f(x) dx … Else, decouple: $x = g(z, \theta)$ Distribution unaffected by θ $\rightarrow \mathbb{E}_{x \sim p_\theta} [\nabla_\theta \log p_\theta(x) f(x)]$`,
    parts: { 'grad.log-derivative': 'exact' },
    typo: String.raw`002:262 attaches "$\rightarrow \mathbb{E}_{x\sim p_\theta}[\nabla_\theta\log p_\theta(x) f(x)]$" to the reparameterisation line ("Else, decouple"); that expectation is the result of 002:260.`,
    corrected: String.raw`$\nabla_\theta \mathcal{F}(\theta) = \int \nabla_\theta p_\theta(x) f(x)\,dx = \mathbb{E}_{x\sim p_\theta}[\nabla_\theta \log p_\theta(x)\, f(x)]$`,
  },
  {
    file: '002', lines: [264, 264],
    quote: String.raw`Then $\nabla_\theta \mathcal{F}(\theta) = \mathbb{E}_{z \sim p(z)} [\nabla_\theta g(z, \theta)^\top \nabla_x f`,
    parts: { 'grad.reparam': 'exact' },
  },
  {
    file: '003', lines: [979, 985],
    quote: String.raw`$$\rightarrow \nabla_{\Theta} E_{S \sim p_\theta(S)} [R(S)] = \sum_S R(S) \frac{\nabla_{\Theta}`,
    parts: { 'grad.log-derivative': 'exact' },
  },
];
