/** Statements of the notes in the retrieval domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '004', lines: [2899, 2920],
    quote: String.raw`$$S_{q,d} = \sum_{i \in q} \max_{j \in d} (v_i \cdot u_j)$$ … Similarity matrix: $N_q \times N_d$ … Find the single best-matching token in the document. … 3 Summation Add the best-match similarity for all query tokens.`,
    parts: { 'ret.maxsim': 'exact' },
  },
  {
    file: '004', lines: [2991, 2997],
    quote: String.raw`Teacher softmax … P1: 0.92 … P2: 0.07 … P3: 0.01`,
    parts: { 'ret.teacher-softmax': 'wrong-value', 'ret.teacher-softmax#no-temperature': 'wrong-value' },
    corrected: String.raw`$\operatorname{softmax}(10.2, 3.1, -0.8) = (0.99916, 0.00082, 0.000017)$; no temperature $T$ gives $(0.92, 0.07, 0.01)$ (the odds $0.92/0.07$ and $0.07/0.01$ need $T\approx2.76$ and $T\approx2.00$)`,
  },
  {
    file: '004', lines: [3005, 3011],
    quote: String.raw`Student softmax … P1: 0.88 … P2: 0.10 … P3: 0.02`,
    parts: { 'ret.student-softmax': 'wrong-value' },
    corrected: String.raw`$\operatorname{softmax}(8.7, 2.5, -0.2) = (0.99784, 0.00203, 0.00014)$`,
  },
  {
    file: '004', lines: [3017, 3019],
    quote: String.raw`Loss: $\mathcal{L} = KL(T \parallel S)$ … Which expands to: $\sum_i T_i \cdot \log \frac{T_i}{S_i}$`,
    parts: { 'ret.kl': 'exact' },
  },
  {
    file: '004', lines: [3022, 3022],
    quote: String.raw`This penalizes ColBERT when it disagrees with teacher.`,
    parts: { 'ret.kl#gibbs': 'exact' },
  },
];
