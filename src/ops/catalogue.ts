/**
 * The op catalogue: the contract between lemmata and any implementation under test.
 * Arguments are one plain JSON-compatible object; matrices are arrays of rows.
 * Every op here has an oracle (src/oracles/), an error-bound model (src/numerics/bounds.ts)
 * and arbitraries (src/properties/arbitraries.ts).
 */
import type { OpDef } from '../registry/types.js';
import { OPS_EXTRA as statsOps } from './catalogue-stats2.js';
import { OPS_EXTRA as optimOps } from './catalogue-optim.js';
import { OPS_EXTRA as gradOps } from './catalogue-grad.js';
import { OPS_EXTRA as statisticalOps } from './catalogue-statistical.js';
import { OPS_EXTRA as ssmOps } from './catalogue-ssm.js';
import { OPS_EXTRA as lstmOps } from './catalogue-lstm.js';
import { OPS_EXTRA as miscOps } from './catalogue-misc.js';

const CORE_OPS: readonly OpDef[] = [
  {
    id: 'nn.softmax',
    signature: '{ x: number[n] } → number[n]',
    description: 'softmax(x)_i = exp(x_i) / Σ_j exp(x_j).',
    tensors: { x: 'float' },
  },
  {
    id: 'attn.sdpa',
    signature: '{ q: number[T][d], k: number[S][d], v: number[S][e], causal: boolean } → number[T][e]',
    description: 'Scaled dot-product attention softmax(QKᵀ/√d)V; with causal = true, query t attends to keys s ≤ t (requires T = S).',
    tensors: { q: 'float', k: 'float', v: 'float' },
  },
  {
    id: 'norm.layernorm',
    signature: '{ x: number[N][D], gamma: number[D], beta: number[D], eps: number } → number[N][D]',
    description: 'y = γ ⊙ (x − μ)/√(σ² + ε) + β over the last axis, σ² the biased (1/D) variance.',
    tensors: { x: 'float', gamma: 'float', beta: 'float' },
  },
  {
    id: 'stats.variance',
    signature: '{ x: number[n], correction: 0 | 1 } → number',
    description: 'Σ(x_i − x̄)² / (n − correction); correction 1 is the unbiased S², 0 the biased (maximum-likelihood) variance.',
    tensors: { x: 'float' },
  },
  {
    id: 'reg.ridge-solve',
    signature: '{ X: number[m][n], y: number[m], lambda: number } → number[n]',
    description: 'The ridge estimate w = (XᵀX + λI)⁻¹Xᵀy (λ ≥ 0; XᵀX + λI must be nonsingular).',
    tensors: { X: 'float', y: 'float' },
  },
  {
    id: 'quant.affine-params',
    signature: '{ xmin: number, xmax: number, qmin: integer, qmax: integer } → { scale: number, zeroPoint: integer }',
    description: 'Asymmetric quantisation parameters: range widened to contain 0, s = (x_max − x_min)/(q_max − q_min), z = clamp(q_min − round(x_min/s)).',
    tensors: {},
  },
  {
    id: 'quant.quantize',
    signature: '{ x: number[n], scale: number, zeroPoint: integer, qmin: integer, qmax: integer } → integer[n]',
    description: 'q = clamp(round_half_even(x/s) + z, q_min, q_max).',
    tensors: { x: 'float' },
  },
  {
    id: 'quant.dequantize',
    signature: '{ q: integer[n], scale: number, zeroPoint: integer } → number[n]',
    description: 'x̂ = s·(q − z).',
    tensors: { q: 'int' },
  },
  {
    id: 'cnn.conv2d-shape',
    signature: '{ height, width, kernel: [kh, kw], stride: [sh, sw], padding: [ph, pw] } → [outH, outW]',
    description: 'Output spatial size of a 2-D convolution with symmetric zero padding p on each side.',
    tensors: {},
  },
  {
    id: 'seq.crf-viterbi',
    signature: '{ emissions: number[T][L], transitions: number[L][L], start?: number[L], end?: number[L] } → { path: integer[T], score: number }',
    description: 'A highest-scoring label path of a linear-chain CRF; score(y) = start[y₀] + Σ_t E[t][y_t] + Σ_{t≥1} A[y_{t−1}][y_t] + end[y_{T−1}].',
    tensors: { emissions: 'float', transitions: 'float', start: 'float', end: 'float' },
  },
  {
    id: 'seq.crf-logz',
    signature: '{ emissions: number[T][L], transitions: number[L][L], start?: number[L], end?: number[L] } → number',
    description: 'log Z = log Σ_paths exp(score(path)) (forward algorithm).',
    tensors: { emissions: 'float', transitions: 'float', start: 'float', end: 'float' },
  },
  {
    id: 'text.bpe-train',
    signature: "{ words: Record<string, count>, merges: integer, endOfWord: string, tieBreak: 'lexicographic' | 'first-occurrence' | 'none' } → [string, string][]",
    description: 'Learn up to `merges` BPE merges, each a most frequent adjacent symbol pair (counts weighted by word frequency).',
    tensors: {},
  },
  {
    id: 'text.bpe-encode',
    signature: '{ word: string, merges: [string, string][], endOfWord: string } → string[]',
    description: 'Segment one word by applying the merges in rank order.',
    tensors: {},
  },
];

export const OPS: readonly OpDef[] = [...CORE_OPS, ...statsOps, ...optimOps, ...gradOps, ...statisticalOps, ...ssmOps, ...lstmOps, ...miscOps];

export function opById(id: string): OpDef | undefined {
  return OPS.find((o) => o.id === id);
}
