/** Statements of the notes in the statistics domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '000', lines: [11, 11],
    quote: String.raw`Sample variance: $S^2 = \frac{1}{n-1} \sum (X_i - \bar{X})^2$.`,
    parts: { 'stats.sample-variance': 'exact' },
  },
  {
    file: '002', lines: [199, 199],
    quote: String.raw`If $S = \sum_{i=1}^n X_i$, then $\text{Var}(S) = \text{Var}(\sum_{i=1}^n X_i) = \sum_{i=1}^n \text{Var}(X_i)$`,
    parts: { 'stats.iid-sum-variance': 'exact' },
  },
  {
    file: '000', lines: [51, 51],
    quote: String.raw`Note that $\text{MSE}(\hat{\theta}) = \text{Var}(\hat{\theta}) + \text{Bias}(\hat{\theta})^2.$`,
    parts: { 'stats.mse-decomposition': 'exact' },
  },
  {
    file: '000', lines: [90, 92],
    quote: String.raw`$$s(\theta) = \frac{\partial l}{\partial \theta}.$$`,
    parts: { 'stats.score-fisher': 'exact', 'stats.score-fisher#regularity': 'assumption-needed' },
  },
  {
    file: '000', lines: [96, 100],
    quote: String.raw`$$\text{Var}(\hat{\theta}) \geq \frac{1}{I(\theta)}.$$`,
    parts: { 'stats.cramer-rao': 'exact' },
  },
  {
    file: '000', lines: [102, 106],
    quote: String.raw`$$\text{cov}(T(X)) \geq I(\theta)^{-1},$$`,
    parts: { 'stats.cramer-rao#multivariate': 'exact' },
  },
  {
    file: '000', lines: [108, 112],
    quote: String.raw`$$e(T) = \frac{1/I(\theta)}{\text{Var}(T)}.$$`,
    parts: { 'stats.efficiency': 'exact' },
  },
  {
    file: '000', lines: [118, 118],
    quote: String.raw`$\sqrt{n}(\hat{\theta} - \theta) \xrightarrow{D} N(0, I(\theta)^{-1})$, so $\hat{\theta}$ is asymptotically`,
    parts: { 'stats.mle-asymptotic': 'own-convention' },
    corrected: String.raw`$\sqrt n(\hat\theta-\theta)\xrightarrow{D}N\big(0, I_1(\theta)^{-1}\big) = N\big(0, n\,I(\theta)^{-1}\big)$, with $I(\theta)$ the whole-sample information of 000:82 and $I_1(\theta) = I(\theta)/n$ that of one observation.`,
  },
  {
    file: '000', lines: [119, 120],
    quote: String.raw`$\hat{\theta} \xrightarrow{P} \theta$, i.e., $\hat{\theta}$ is consistent.`,
    parts: { 'stats.mle-asymptotic#invariance': 'exact' },
  },
  {
    file: '000', lines: [127, 164],
    quote: String.raw`$$\alpha = \sup_{\theta \in \Theta_0} P(\text{reject } H_0 \mid \theta)$$`,
    parts: { 'stats.test-defs': 'exact' },
  },
  {
    file: '000', lines: [132, 134],
    quote: String.raw`The p -value or *significance level* is`,
    parts: { 'stats.test-defs#p-value-vs-level': 'two-readings' },
    corrected: String.raw`The $p$-value (the *observed* significance level) is $p = P(t(\mathbf X)\ge t_{\text{obs}}\mid H_0)$; the significance level of a test is its size $\alpha$, fixed before the data, and "reject iff $p\le\alpha$".`,
  },
  {
    file: '000', lines: [170, 176],
    quote: String.raw`$$t = \frac{\bar{x} - \mu_0}{s/\sqrt{n}},$$`,
    parts: { 'stats.t-test': 'exact' },
  },
  {
    file: '000', lines: [181, 189],
    quote: String.raw`$$T = \frac{Z + \mu}{\sqrt{V/\nu}},$$`,
    parts: { 'stats.noncentral-power': 'exact' },
  },
  {
    file: '000', lines: [195, 195],
    quote: String.raw`Note that as n increases, power increases.`,
    parts: { 'stats.noncentral-power': 'exact', 'stats.noncentral-power#direction': 'assumption-needed', 'stats.test-defs#power-grows-with-n': 'assumption-needed' },
  },
  {
    file: '000', lines: [211, 214],
    quote: String.raw`$$\begin{aligned}f(x_{n+1} \mid \mathbf{x}) &= \int f(x_{n+1}, \theta \mid \mathbf{x}) d\theta \\ &= \int`,
    parts: { 'stats.posterior-predictive': 'exact', 'stats.posterior-predictive#conditional-independence': 'assumption-needed' },
  },
  {
    file: '000', lines: [243, 245],
    quote: String.raw`$$\frac{P(H_0 \mid \mathbf{x})}{P(H_1 \mid \mathbf{x})} = \frac{P(\mathbf{x} \mid H_0)}{P(\mathbf{x} \mid`,
    parts: { 'stats.bayes-odds': 'exact' },
  },
];
