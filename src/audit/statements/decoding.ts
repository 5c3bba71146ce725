/** Statements of the notes in the decoding domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '003', lines: [794, 794],
    quote: String.raw`$$\hat{w}_t = \operatorname{argmax}_{w \in V} P(w / w < t)$$`,
    parts: { 'dec.greedy': 'exact' },
  },
  {
    file: '004', lines: [1131, 1139],
    quote: String.raw`Beam Search keeps **top K best partial sequences** instead of 1. … 3. Score them using cumulative probability`,
    parts: { 'dec.beam': 'exact' },
  },
  {
    file: '004', lines: [1142, 1146],
    quote: String.raw`This gives: … - Higher quality sequence … - Avoids greedy mistakes`,
    parts: { 'dec.beam#not-monotone': 'counterexample' },
    corrected: String.raw`Beam search usually, but not always, finds a more probable sequence than greedy decoding; it is not monotone in $K$ (a beam of width 2 can return probability $1/20$ where greedy finds $2/15$), and only $K \ge V^{T-1}$ guarantees the most probable sequence.`,
  },
  {
    file: '003', lines: [817, 820],
    quote: String.raw`$$\text{Score}(y) = \log p(y|x)$$ … $$= \sum_{i=1}^t \log (p(y_1|x) p(y_2|y_1, x) \dots)$$`,
    parts: { 'dec.beam#score-sum': 'typo' },
    typo: String.raw`003:819 puts $\sum_{i=1}^t$ in front of the log of the whole product (read literally, $t\log p(y\mid x)$); the sum belongs only to the next line.`,
    corrected: String.raw`$\text{Score}(y) = \log p(y\mid x) = \log\big(p(y_1\mid x)\,p(y_2\mid y_1,x)\cdots\big) = \sum_{i=1}^t \log p(y_i\mid y_1,\dots,y_{i-1},x)$`,
  },
  {
    file: '003', lines: [826, 827],
    quote: String.raw`- sort the words by their likelihood and throw any word that is not one of the top n most probable words. … - normalise the score of n words to be a legitimate probability distribution`,
    parts: { 'dec.top-k': 'exact' },
  },
  {
    file: '003', lines: [836, 838],
    quote: String.raw`the top-p vocabulary $V^{(p)}$ is the smallest set of words such that … $$\sum_{w \in V^{(p)}} p(w_0/w_{\text{ct}}) \geq p$$`,
    parts: { 'dec.top-p': 'exact' },
  },
  {
    file: '003', lines: [852, 860],
    quote: String.raw`$$y = \text{softmax}(u/\tau)$$ … $\tau \rightarrow 1$ doesn't make any change … probability distribution become more greedy`,
    parts: { 'dec.temperature': 'exact' },
  },
];
