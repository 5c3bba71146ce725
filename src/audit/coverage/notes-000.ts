/** Coverage map of notes file 000 (src/audit/coverage.ts): sections by domain, and the items out of scope with the reason. */
import type { CoverageMap } from './types.js';

export const MAP: CoverageMap = {
  sections: [
    { lines: [1, 256], domain: 'statistics', title: 'Statistics: estimation, testing, Bayesian inference' },
    { lines: [257, 305], domain: 'regression', title: 'Linear regression' },
    { lines: [306, 372], domain: 'recurrent', title: 'RNN and LSTM' },
    { lines: [373, 409], domain: 'architectures', title: 'Seq2seq and seq2seq with attention' },
    { lines: [410, 464], domain: 'attention', title: 'Transformer ingredients: self-attention, multi-head, FNN' },
    { lines: [465, 484], domain: 'normalisation', title: 'Residual connections and layer normalisation' },
    { lines: [485, 506], domain: 'attention', title: 'Original and modern transformer architecture' },
    { lines: [507, 511], domain: 'attention', title: 'Grouped-query attention' },
    { lines: [512, 548], domain: 'attention', title: 'Relative positions and RoPE' },
    { lines: [549, 560], domain: 'attention-variants', title: 'Sparse attention, mixture of experts' },
    { lines: [561, 647], domain: 'fine-tuning', title: 'LoRA, QLoRA, (IA)³' },
    { lines: [648, 727], domain: 'signal-processing', title: 'Fourier transforms; references' },
  ],
  outOfScope: [
    // attn-ops (branch attn-ops): relative positions and RoPE
    { lines: [521, 521], reason: 'definition: relative attention (Shaw et al.), outputs with relative value terms a_ij^V' },
    { lines: [525, 525], reason: 'definition: relative attention scores e_ij (QKᵀ stands for its (i, j) entry x_iW_Q(x_jW_K)ᵀ)' },
    { lines: [529, 530], reason: 'definition: clipped relative offsets a_ij = w_clip(j−i, k)' },
    { lines: [543, 543], reason: 'definition: RoPE as a block-diagonal rotation of the row Q_m (the relative-position property it serves is audited at 000:539–540, attn.rope#relative)' },
    { lines: [20, 30], reason: 'definition: the three modes of convergence (in distribution, in probability, almost surely)' },
    { lines: [63, 63], reason: 'definition: asymptotic normality of an estimator' },
    { lines: [71, 75], reason: 'definition: the observed information J(θ)' },
    { lines: [82, 86], reason: 'definition: the Fisher information I(θ) (whole sample; spec/conventions.md, fisher-information)' },
    { lines: [193, 193], reason: 'definition: the power of a test' },
    { lines: [205, 205], reason: "definition: the posterior, by Bayes' rule" },
    { lines: [221, 221], reason: 'definition: a credible set' },
    { lines: [235, 239], reason: 'definition: prior and posterior odds' },
    { lines: [249, 253], reason: 'definition: the Bayes factor and the marginal likelihood (their use is audited at 000:243–245)' },
    { lines: [263, 269], reason: 'definition: the linear model and its MSE loss' },
    { lines: [290, 290], reason: 'definition: the coefficient of determination' },
    { lines: [299, 299], reason: 'prose: the regression assumptions (weak exogeneity, …) are hypotheses, not results' },
    { lines: [320, 320], reason: 'definition: the RNN recurrence (its gradient, 000:326, is audited)' },
    { lines: [435, 435], reason: 'definition: the query, key and value projections' },
    { lines: [447, 451], reason: 'definition: multi-head attention (W_O ∈ ℝ^{hd_k×d}; the shapes are consistent)' },
    { lines: [463, 463], reason: 'definition: the position-wise feed-forward network' },
    { lines: [469, 469], reason: 'definition: the post-norm residual sub-layer' },
    { lines: [477, 479], reason: 'definition: the layer-norm statistics, with the biased 1/d variance (spec/conventions.md, sample-variance)' },
  ],
};
