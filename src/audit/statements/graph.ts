/** Statements of the notes in the graph domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '002', lines: [438, 440],
    quote: String.raw`equals to **the number of path from i to j who total distance is k**`,
    parts: { 'gnn.walks': 'two-readings', 'gnn.walks#walk-not-path': 'two-readings' },
    corrected: String.raw`The $i$-th output of node $j$ at layer $k$ is $(A^k)_{ij}$, the number of **walks** (vertices may repeat) of length $k$ from $i$ to $j$; it is not the number of simple paths.`,
  },
  {
    file: '002', lines: [444, 444],
    quote: String.raw`(d): If replace 'sum' func with 'max'. Then the i -th output of node j at layer k represents: if there's a`,
    parts: { 'gnn.walks': 'two-readings' },
    corrected: String.raw`With max aggregation the $i$-th output of node $j$ at layer $k$ is $1$ iff there is a **walk** of length exactly $k$ from $i$ to $j$.`,
  },
  {
    file: '002', lines: [458, 463],
    quote: String.raw`$$\frac{1}{n} \sum_k (y(x) \log \hat{y}(x) + (1-y(x)) \log (1 - \hat{y}(x)))$$`,
    parts: { 'gnn.bce': 'typo', 'gnn.bce#logit-form': 'exact', 'gnn.bce#sum-index': 'typo' },
    typo: String.raw`The loss lacks its minus sign, and the sum runs over $k$ while the summand is indexed by $x$.`,
    corrected: String.raw`$\text{BCE} = -\frac{1}{n}\sum_{x}\big(y(x)\log\hat y(x) + (1-y(x))\log(1-\hat y(x))\big)\ \ge 0$, minimised at $\hat y = y$.`,
  },
];
