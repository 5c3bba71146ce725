/** Coverage map of notes file 002 (src/audit/coverage.ts): sections by domain, and the items out of scope with the reason. */
import type { CoverageMap } from './types.js';

export const MAP: CoverageMap = {
  sections: [
    { lines: [1, 115], domain: 'optimisation', title: 'HW1: GD step sizes, SGD convergence, noise as regularisation' },
    { lines: [116, 157], domain: 'regression', title: 'Ridge push-through, Gaussian conditioning, MAP' },
    { lines: [158, 246], domain: 'optimisation', title: 'Steepest descent, μP' },
    { lines: [247, 265], domain: 'gradients', title: 'Score-function and reparameterisation gradients' },
    { lines: [266, 335], domain: 'optimisation', title: 'Newton–Schulz, μP at unit scale, Muon' },
    { lines: [336, 385], domain: 'convolution', title: 'CNN feature sizes and gradients' },
    { lines: [386, 399], domain: 'normalisation', title: 'Batch-norm backward' },
    { lines: [400, 421], domain: 'regression', title: 'Dropout as ridge' },
    { lines: [422, 476], domain: 'graph', title: 'Graph dynamics and GNNs' },
    { lines: [477, 509], domain: 'recurrent', title: 'RNN gradients' },
    { lines: [510, 549], domain: 'pca', title: 'PCA and linear autoencoders' },
    { lines: [550, 557], domain: 'state-space', title: 'SSM as kernel' },
    { lines: [558, 577], domain: 'pca', title: 'Autoencoders, regularised' },
    { lines: [578, 610], domain: 'state-space', title: 'SSM kernels, doubling, rank-one powers' },
    { lines: [611, 632], domain: 'regression', title: 'Linear purification' },
    { lines: [633, 662], domain: 'attention-variants', title: 'Ridge attention, Sherman–Morrison' },
    { lines: [663, 685], domain: 'attention', title: 'Justifying scaled dot-product attention' },
    { lines: [686, 696], domain: 'architectures', title: 'Attention for the RNN bottleneck' },
    { lines: [697, 716], domain: 'attention', title: 'RoPE' },
    { lines: [717, 748], domain: 'attention-variants', title: 'Kernelised linear attention' },
    { lines: [749, 770], domain: 'peft', title: 'LoRA' },
    { lines: [771, 810], domain: 'interpretability', title: 'Residual stream, QK/OV circuits' },
  ],
  outOfScope: [
    // attn-ops (branch attn-ops): RoPE
    { lines: [701, 701], reason: 'definition: RoPE of a 2-vector as a rotation matrix (its equality with the complex form, 002:703, is audited: attn.rope)' },
    { lines: [705, 705], reason: 'prose: announces the 2n-dimensional extension' },
    { lines: [707, 707], reason: 'restatement: the dot product of 002:703 repeated (the derivation between is missing in the notes)' },
    { lines: [709, 709], reason: 'definition: the 2n-dimensional RoPE with adjacent (interleaved) pairs' },
    { lines: [67, 67], reason: 'definition: the reduced design X̃ = UΣ₁ of the SGD analysis (audited at 002:77–92)' },
    { lines: [228, 228], reason: 'definition: the spectral-scaling hypotheses of the μP argument' },
    { lines: [280, 280], reason: 'definition: the Newton–Schulz polynomial p(W) (audited at 002:272)' },
    { lines: [304, 306], reason: 'prose: fp8 initialisation motivation' },
    { lines: [358, 358], reason: "definition: pooling acts per channel, C' = C" },
    { lines: [465, 465], reason: 'definition: an example GNN update rule' },
    { lines: [471, 475], reason: 'figure: the update of nodes 2 and 3 refers to a graph drawn in a figure the notes do not contain (its neighbour counts n_i cannot be checked)' },
    { lines: [568, 568], reason: 'definition: the regularised autoencoder loss (its optimum is audited at 002:576)' },
  ],
};
