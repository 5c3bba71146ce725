/** Statements of the notes in the pretraining domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '003', lines: [585, 585],
    quote: String.raw`- 12 layers of transformers blocks, with 12 multihead attention layers each.`,
    parts: { 'pre.bert-base#heads': 'wrong-value' },
    corrected: String.raw`12 transformer blocks, each with one multi-head self-attention layer of 12 heads (head size 64).`,
  },
  {
    file: '003', lines: [586, 586],
    quote: String.raw`- The resulting model has about 100M parameters.`,
    parts: { 'pre.bert-base': 'exact' },
  },
  {
    file: '003', lines: [603, 603],
    quote: String.raw`of these 80% replaced with [mask], 10% are selected tokens, and the remaining 10% are left unchanged.`,
    parts: { 'pre.mlm#003-selected': 'wrong-value' },
    corrected: String.raw`Of the selected 15%, 80% are replaced with [MASK], 10% with a random token, and 10% are left unchanged.`,
  },
  {
    file: '003', lines: [699, 713],
    quote: String.raw`- Once a span is chosen for masking, all the tokens within the span are substituted according to the same regime used in BERT:- … $$L_{SBO}(x_i) = -\log p(x_i | x_{s-1}, x_{e+1}, p_{i-s+1})$$`,
    parts: { 'pre.spanbert': 'exact' },
  },
  {
    file: '003', lines: [724, 724],
    quote: String.raw`- We only introduce a start vector $S \in \mathbb{R}^n$ and end vector $E \in \mathbb{R}^n$ during fine tuning`,
    parts: { 'pre.squad#003-dimension': 'wrong-value' },
    corrected: String.raw`A start vector $S \in \mathbb{R}^H$ and an end vector $E \in \mathbb{R}^H$, $H$ the hidden size of the output vectors $T_i$.`,
  },
  {
    file: '003', lines: [780, 780],
    quote: String.raw`- N patches of dimensions $P \times P$: $N = H \times W / P \times P$`,
    parts: { 'pre.vit': 'typo' },
    typo: String.raw`"$N = H \times W / P \times P$" read left to right is $(HW/P)\cdot P = HW$; the denominator is $P \times P = P^2$.`,
    corrected: String.raw`$N = HW/P^2$ (for $P \mid H$ and $P \mid W$).`,
  },
  {
    file: '004', lines: [1695, 1703],
    quote: String.raw`1. **80% of the time:** The token is replaced with the [MASK] token. … 2. **10% of the time:** The token is replaced with a **random word** from the vocabulary. … 3. **10% of the time:** The token remains **unchanged**.`,
    parts: { 'pre.mlm': 'exact' },
  },
  {
    file: '004', lines: [1806, 1806],
    quote: String.raw`- E = number of entity tag classes - (Example: 9 for CoNLL-2003: PER, ORG, LOC, MISC, O, etc.)`,
    parts: { 'pre.cls-heads': 'exact' },
  },
  {
    file: '004', lines: [1836, 1836],
    quote: String.raw`(start index = 5, end index = 5)`,
    parts: { 'pre.squad-index': 'two-readings' },
    corrected: String.raw`"Hawaii" is passage word 5 (0-based); in BERT's input [CLS] Where was Obama born ? [SEP] Barack Obama was born in Hawaii . [SEP] the start/end targets are position 12 (0-based).`,
  },
  {
    file: '004', lines: [1894, 1894],
    quote: String.raw`$$(i^*, j^*) = \arg \max_{j \geq i} (S \cdot T_i + E \cdot T_j)$$`,
    parts: { 'pre.squad': 'exact' },
  },
  {
    file: '004', lines: [2009, 2021],
    quote: String.raw`Artificial intelligence is <extra_id_0> industries across the <extra_id_1> by enabling <extra_id_2> enhanced decision-making . … <extra_id_0> transforming <extra_id_1> world <extra_id_2> automation insights and <Z>`,
    parts: { 'pre.t5-span': 'exact' },
  },
  {
    file: '004', lines: [2023, 2023],
    quote: String.raw`All spans and In correct order and With their sentinel markers and Ends with <Z> (EOS)`,
    parts: { 'pre.t5-span#final-sentinel': 'wrong-value' },
    corrected: String.raw`The target ends with a final sentinel (the paper's <Z>, here <extra_id_3>), followed by the end-of-sequence token </s>.`,
  },
  {
    file: '004', lines: [2069, 2069],
    quote: String.raw`Span lengths ~ Poisson($\lambda = 3$).`,
    parts: { 'pre.bart': 'exact' },
  },
  {
    file: '004', lines: [2398, 2412],
    quote: String.raw`GPT receives the input tokens, shifted by one position: … [The, cat, sat, on, the] … [cat, sat, on, the, mat]`,
    parts: { 'pre.gpt-shift': 'exact' },
  },
];
