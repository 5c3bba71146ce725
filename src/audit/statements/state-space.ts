/** Statements of the notes in the state-space domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '002', lines: [552, 556],
    quote: String.raw`$$x_3 = A^2Bu_0 + ABu_1 + Bu_2 \dots \quad y_t = C x_t$$`,
    parts: { 'ssm.kernel': 'exact' },
  },
  {
    file: '002', lines: [582, 583],
    quote: String.raw`Previously, we've known: $\{y\} = K * \{u\}$, i.e., $y_k = \sum_{l=0}^L k_l u_{k-l}$`,
    parts: { 'ssm.kernel': 'exact' },
    typo: String.raw`The upper bound of $\sum_{l=0}^{L}$ is read as $\sum_{l=0}^{k}$ (with $u_{\le 0}=0$ the extra terms vanish).`,
    corrected: String.raw`$y_k = \sum_{l=0}^{k} K_l u_{k-l}$, $K = (D, CB, CAB, CA^2B,\dots)$, states starting at $x_0 = 0$.`,
  },
  {
    file: '002', lines: [587, 589],
    quote: String.raw`If unroll in a recursive way, we have to compute y_{L-1}, \dots if want y_L .`,
    parts: { 'ssm.depth': 'exact' },
  },
  {
    file: '002', lines: [591, 591],
    quote: String.raw`But if using FFT, depth of computation graph: $O(\log L)$; each with depth $O(\log n)$, so total: $O(\log L`,
    parts: { 'ssm.depth': 'exact', 'ssm.depth#fft-stage': 'exact', 'ssm.kernel#fft': 'exact' },
  },
  {
    file: '002', lines: [597, 599],
    quote: String.raw`$$X^L = (X^{L/2}, A^{L/2} X^{L/2}), \quad A^L = A^{L/2} A^{L/2}$$`,
    parts: { 'ssm.doubling': 'exact' },
  },
  {
    file: '002', lines: [605, 609],
    quote: String.raw`(P P^T)^L = P(P^T P)^{L-1} P^T = P P^T \cdot L^{L-1}, \text{ where } L = \|P\|_2^2 … Then $A^L = I_n + P P^T \sum_{l=1}^L \left[\binom{L}{l} L^{l-1} \right]$`,
    parts: { 'ssm.rank1-power': 'typo', 'ssm.rank1-power#log-cost': 'exact' },
    typo: String.raw`The letter $L$ is both the exponent and the name of $\|P\|_2^2$ (002:607, 609); read the second as $\lambda = \|P\|_2^2$.`,
    corrected: String.raw`$(PP^\top)^l = \lambda^{l-1}PP^\top$ and $A^L = I_n + PP^\top\sum_{l=1}^{L}\binom{L}{l}\lambda^{l-1} = I_n + PP^\top\,\frac{(1+\lambda)^L-1}{\lambda}$, $\lambda = \|P\|_2^2$.`,
  },
];
