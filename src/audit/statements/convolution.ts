/** Statements of the notes in the convolution domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '002', lines: [346, 350],
    quote: String.raw`$$W' = \left\lfloor \frac{W-K+2P}{S} \right\rfloor + 1$$`,
    parts: { 'cnn.out-size': 'exact' },
  },
  {
    file: '002', lines: [354, 356],
    quote: String.raw`$$W' = \frac{W-K}{S} + 1$$`,
    parts: { 'cnn.pool-size': 'counterexample', 'cnn.out-size#pool-floor': 'counterexample' },
    corrected: String.raw`$W' = \left\lfloor \frac{W-K}{S} \right\rfloor + 1,\quad H' = \left\lfloor \frac{H-K}{S} \right\rfloor + 1$ (floor mode; exact without the floor only when $S$ divides $W-K$).`,
  },
  {
    file: '002', lines: [360, 360],
    quote: String.raw`Suppose L layers with kernel size of K , and stride is 1. The final output's receptive field size is $L \times`,
    parts: { 'cnn.receptive-field': 'exact' },
  },
  {
    file: '002', lines: [366, 374],
    quote: String.raw`$y_{i,j} = \sum_{h=1}^K \sum_{l=1}^k x_{ith-1, j+l-1} w_{h,l}$ … \Rightarrow dW = X * dY`,
    parts: { 'cnn.dW': 'exact' },
    typo: String.raw`The subscript $x_{ith-1,\,j+l-1}$ (002:366, 372, 374) is a typo for $x_{i+h-1,\,j+l-1}$; 002:372 writes the partial $\partial y_{i,j}/\partial w_{h,l}$ as the value of the whole sum.`,
    corrected: String.raw`$dW_{h,l} = \sum_{i=1}^m\sum_{j=1}^m x_{i+h-1,\,j+l-1}\,dy_{i,j}$, i.e. $dW = X \star dY$ (cross-correlation).`,
  },
  {
    file: '002', lines: [376, 380],
    quote: String.raw`$$\mathbb{E}(dw_{ij}) = 0, \text{Var}(dw_{ij}) = m^2 \sigma_x^2 \sigma_y^2, \text{ where } m = n - k + 1$$`,
    parts: { 'cnn.dW-variance': 'exact', 'cnn.dW-variance#nonzero-mean': 'assumption-needed' },
  },
];
