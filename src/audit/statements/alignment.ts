/** Statements of the notes in the alignment domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '003', lines: [979, 985],
    quote: String.raw`$$\rightarrow \nabla_{\Theta} E_{S \sim p_\theta(S)} [R(S)] = \sum_S R(S) \frac{\nabla_{\Theta} p_\theta(S)}{\downarrow}$$ … $$p_\theta(S) \nabla_{\Theta} \log p_\theta(S)$$ … $$= E_{S \sim p_\theta(S)} [R(S) \nabla_{\Theta} \log p_\theta(S)]$$`,
    parts: { 'rlhf.reinforce': 'exact' },
  },
  {
    file: '003', lines: [989, 991],
    quote: String.raw`This can be averaged over all the prompts … $$\frac{1}{m} \sum_{i=1}^m R(s_i) \nabla_{\theta} \log p_{\theta}(s_i)$$`,
    parts: { 'rlhf.reinforce#estimator': 'exact' },
  },
  {
    file: '003', lines: [995, 1001],
    quote: String.raw`if reward is +ve, … maximize $p_{\theta}(s_i)$ … if reward is -ve … minimize $p_{\theta}(s_i)$`,
    parts: { 'rlhf.reinforce#direction': 'exact' },
  },
  {
    file: '003', lines: [1017, 1023],
    quote: String.raw`$$J_{RM}(\phi) = -\mathbb{E}_{(s^w, s^d) \sim D} \left[\log \sigma(RM_{\phi}(s^w) - RM_{\phi}(s^d)) \right]$$ … winning sample … (should score higher) … losing sample`,
    parts: { 'rlhf.rm-loss': 'exact' },
  },
  {
    file: '003', lines: [1041, 1043],
    quote: String.raw`$$R(s) = RM_p(s) - \beta \log \left(\frac{p_\theta^{KL}(s)}{p_\theta^{PT}(s)} \right)$$ … $p_\theta^{KL}(s) > p_\theta^{PT}(s)$ → Penalty`,
    parts: { 'rlhf.kl-penalty': 'exact' },
  },
  {
    file: '003', lines: [1055, 1055],
    quote: String.raw`$$L_{DPO} = -E_{(\pi_0; \pi_{ref})} [y_w, y_b] \sim D \left[\log \alpha (\beta \log \frac{\pi_0(y_w|x)}{\pi_{ref}(y_w|x)} - \beta \log \frac{\pi_0(y_b|x)}{\pi_{ref}(y_b|x)}) \right]$$`,
    parts: { 'rlhf.dpo': 'typo' },
    typo: String.raw`$\log\alpha(\cdot)$ should read $\log\sigma(\cdot)$, the logistic function of the "classification objective" (003:1053) and of $J_{RM}$ (003:1017)`,
    corrected: String.raw`$L_{DPO} = -\mathbb E_{(x, y_w, y_l)\sim D}\left[\log\sigma\left(\beta\log\frac{\pi_\theta(y_w|x)}{\pi_{ref}(y_w|x)} - \beta\log\frac{\pi_\theta(y_l|x)}{\pi_{ref}(y_l|x)}\right)\right]$`,
  },
];
