/** Statements of the notes in the text domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '004', lines: [104, 119],
    quote: String.raw`Example Corpus : (low: 5), (lower: 2), (newest: 6), (widest: 3)`,
    parts: { 'text.bpe-learner': 'exact' },
  },
  {
    file: '004', lines: [111, 119],
    quote: String.raw`| 1 | es | 9 (from newest, widest) | es | es | (low_: 5), (lower_: 2), (newest_: 6), (widest_: 3) |`,
    parts: { 'text.bpe-learner#corpus-column': 'wrong-value' },
    corrected: String.raw`After the six merges the corpus is (low _: 5), (low e r _: 2), (ne w est_: 6), (w i d est_: 3); each row of the last column should show the corpus after that row's merge.`,
  },
  {
    file: '004', lines: [124, 137],
    quote: String.raw`Rule 1 (e + s -> es): Yes. Word becomes: lowes t_ … The final tokenization is the list of remaining symbols: ["low", "est_"].`,
    parts: { 'text.bpe-segment': 'exact', 'text.bpe-rank-order': 'assumption-needed' },
    typo: String.raw`004:130–132 drop the spaces between symbols ("lowes t_" for l o w es t _).`,
    corrected: String.raw`lowest_ → l o w es t _ → l o w est _ → l o w est_ → lo w est_ → low est_ = ["low", "est_"]`,
  },
  // ── issue 14: pre-tokenisation, n-gram models, perplexity, BoW, TF-IDF, BM25, word2vec, fastText ──
  {
    file: '004', lines: [77, 77],
    quote: String.raw`[("Call", (0, 4)), ("911", (5, 8)), ("!", (8, 9))]`,
    parts: { 'text.pretok-offsets': 'exact', 'text.pretok-offsets#digits': 'exact' },
  },
  {
    file: '004', lines: [149, 155],
    quote: String.raw`["the black", "black cat", "cat sat", "sat on", "on the", "the mat"]`,
    parts: { 'text.ngrams': 'exact' },
  },
  {
    file: '004', lines: [161, 163],
    quote: String.raw`$$P(\text{"its water is so"}) = P(\text{"its"}) \times P(\text{"water"}|\text{"its"})`,
    parts: { 'text.chain-rule': 'exact' },
  },
  {
    file: '004', lines: [174, 178],
    quote: String.raw`$$P(w_i|w_{i-1}) = \frac{\text{Count}(w_{i-1}, w_i)}{\text{Count}(w_{i-1})}$$`,
    parts: { 'text.ngram-mle': 'exact', 'text.ngram-mle#normalisation': 'assumption-needed' },
  },
  {
    file: '004', lines: [180, 184],
    quote: String.raw`If "black cat" appears 100 times and "black" appears 1000 times in the corpus, the probability is $100/1000 = 0.1$.`,
    parts: { 'text.ngram-mle#example': 'exact' },
  },
  {
    file: '004', lines: [190, 202],
    quote: String.raw`$P(\text{"catapult"} | \text{"black"}) = \frac{0}{1000} = 0$`,
    parts: { 'text.zero-prob#unseen-bigram': 'exact' },
  },
  {
    file: '004', lines: [204, 208],
    quote: String.raw`P(\dots) &= (0.01) \times (0.05) \times (0)`,
    parts: { 'text.zero-prob': 'exact' },
  },
  {
    file: '004', lines: [222, 225],
    quote: String.raw`$P_{\text{Laplace}}(w_i|w_{i-1}) = \frac{\text{Count}(w_{i-1}, w_i) + 1}{\text{Count}(w_{i-1}) + V}$`,
    parts: { 'text.laplace': 'exact' },
  },
  {
    file: '004', lines: [227, 227],
    quote: String.raw`For a large vocabulary (e.g., $V = 50,000$), it "moves too much probability mass".`,
    parts: { 'text.laplace#too-much-mass': 'exact' },
  },
  {
    file: '004', lines: [241, 243],
    quote: String.raw`A perplexity score of K can be interpreted as the model being, on average, as "confused" at each step as if it had to choose uniformly and randomly from K possible options.`,
    parts: { 'text.perplexity#uniform-K': 'exact' },
  },
  {
    file: '004', lines: [247, 251],
    quote: String.raw`$$PPL(W) = 2^{H(W)}$$`,
    parts: { 'text.perplexity': 'two-readings' },
    corrected: String.raw`$PPL(W) = P(w_1\dots w_N)^{-1/N} = 2^{H_2(W)} = e^{H_e(W)}$: $2^{H}$ with the cross-entropy $H$ in bits ($\log_2$), $e^{H}$ with $H$ in nats (the usual deep-learning loss).`,
  },
  {
    file: '004', lines: [253, 253],
    quote: String.raw`Therefore, the act of training a deep learning model (minimizing cross-entropy loss) is *mathematically identical* to the act of *minimizing the model's perplexity*.`,
    parts: { 'text.perplexity#monotone': 'exact' },
  },
  {
    file: '004', lines: [273, 274],
    quote: String.raw`- The vocabulary has 7 unique words, so our vectors will be 7-dimensional.`,
    parts: { 'text.bow#vocabulary': 'exact' },
  },
  {
    file: '004', lines: [276, 281],
    quote: String.raw`| D1 | 1 | 1 | 2 | 1 | 1 | 0 | 0 |`,
    parts: { 'text.bow': 'exact' },
  },
  {
    file: '004', lines: [305, 323],
    quote: String.raw`So $N = 2$ documents … Total = **8 unique terms**`,
    parts: { 'text.tfidf-v1#unique-terms': 'exact' },
  },
  {
    file: '004', lines: [325, 348],
    quote: String.raw`| he | 0.25 | 0.301 | 0.0753 | she | 0.20 | 0.301 | 0.0602 |`,
    parts: { 'text.tfidf-v1': 'exact' },
  },
  {
    file: '004', lines: [356, 356],
    quote: String.raw`resulting in an $IDF = \log(N/N) = \log(1) = 0$`,
    parts: { 'text.tfidf-v1#ubiquitous': 'exact' },
  },
  {
    file: '004', lines: [376, 394],
    quote: String.raw`["India", "wins", "cup", "next"]`,
    parts: { 'text.cbow#context': 'two-readings' },
    corrected: String.raw`With window 2 the context of "world" in "India wins the world cup next year" is [wins, the, cup, next]; [India, wins, cup, next] is the window-2 context after the stop word "the" is removed.`,
  },
  {
    file: '004', lines: [414, 418],
    quote: String.raw`$$v_{\text{context}} = \frac{v_{w-2} + v_{w-1} + v_{w+1} + v_{w+2}}{4}$$`,
    parts: { 'text.cbow': 'exact' },
  },
  {
    file: '004', lines: [441, 453],
    quote: String.raw`$$P(\text{world}) = \frac{e^{W_{\text{world}}}}{\sum_{i=1}^V e^{W_i}}$$`,
    parts: { 'text.softmax-cost': 'exact' },
  },
  {
    file: '004', lines: [483, 501],
    quote: String.raw`For example, if $k = 5$:`,
    parts: { 'text.neg-sampling#k-five': 'exact' },
  },
  {
    file: '004', lines: [503, 503],
    quote: String.raw`These negative words are sampled using a special probability distribution (typically proportional to word frequency raised to the power 0.75).`,
    parts: { 'text.neg-sampling': 'exact' },
  },
  {
    file: '004', lines: [531, 539],
    quote: String.raw`- building a **binary Huffman tree**`,
    parts: { 'text.hierarchical-softmax': 'exact' },
  },
  {
    file: '004', lines: [561, 568],
    quote: String.raw`- "play", "layi", "ying" (4-grams)`,
    parts: { 'text.fasttext': 'wrong-value' },
    corrected: String.raw`The 4-grams of "<playing>" are "<pla", "play", "layi", "ayin", "ying", "ing>"; with n = 3 to 6 fastText produces 7 + 6 + 5 + 4 = 22 n-grams, plus the word itself.`,
  },
  {
    file: '004', lines: [596, 625],
    quote: String.raw`"playfulness"`,
    parts: { 'text.fasttext#shared': 'exact' },
  },
  {
    file: '004', lines: [643, 643],
    quote: String.raw`$$v(\text{word}) = \sum(\text{embeddings of n-grams}) + \text{embedding}(\text{word})$$`,
    parts: { 'text.fasttext#sum': 'exact' },
  },
  {
    file: '004', lines: [652, 664],
    quote: String.raw`Its 3-grams:`,
    parts: { 'text.fasttext#india': 'exact' },
  },
  {
    file: '004', lines: [2732, 2740],
    quote: String.raw`| sweet | 1 | 1 | 3 | 0.125 | 0.125 | 0.383 |`,
    parts: { 'text.tfidf-v2': 'own-convention' },
    corrected: String.raw`With $tf_{t,d} = \log_{10}(1 + count(t,d))$ (004:2726) a query count of 1 gives $tf = \log_{10}2 \approx 0.301$, not 1; the tables use $tf = 1 + \log_{10} count$ for $count > 0$ — state that definition, or recompute (query weights $0.0376, 0.0906$).`,
  },
  {
    file: '004', lines: [2742, 2742],
    quote: String.raw`$$|q| = \sqrt{.125^2 + .301^2} = .326$$`,
    parts: { 'text.tfidf-v2#norms': 'exact' },
  },
  {
    file: '004', lines: [2744, 2762],
    quote: String.raw`| sweet | 2 | 1.301 | 0.163 | 0.357 | 0.137 | 1 | 1.000 | 0.125 |`,
    parts: { 'text.tfidf-v2#documents': 'own-convention' },
    corrected: String.raw`Under $tf = \log_{10}(1 + count)$: "sweet" twice in Doc 1 has $tf = \log_{10}3 \approx 0.477$ (tf-idf $\approx 0.0596$), a count of 1 has $tf \approx 0.301$; the printed 1.301 and 1.000 are $1 + \log_{10} count$.`,
  },
  {
    file: '004', lines: [2764, 2766],
    quote: String.raw`$$|d_1| = \sqrt{.163^2 + .301^2 + .301^2} = .456$$`,
    parts: { 'text.tfidf-v2#norms': 'exact' },
  },
  {
    file: '004', lines: [2768, 2770],
    quote: String.raw`Cosine: \sum of column: **0.747**`,
    parts: { 'text.tfidf-v2#cosines': 'own-convention' },
    corrected: String.raw`With the notes' $tf = \log_{10}(1 + count)$ the cosines are $\approx 0.754$ (Doc 1) and $\approx 0.0778$ (Doc 2); 0.747 and 0.0779 hold for $tf = 1 + \log_{10} count$.`,
  },
  {
    file: '004', lines: [2795, 2797],
    quote: String.raw`As $tf \rightarrow \infty$, the score approaches $k_1 + 1$.`,
    parts: { 'text.bm25': 'exact' },
  },
  {
    file: '004', lines: [2807, 2812],
    quote: String.raw`The term: $1 - b + b \cdot \frac{|D|}{avgdl}$`,
    parts: { 'text.bm25#length': 'exact' },
  },
  {
    file: '004', lines: [2824, 2829],
    quote: String.raw`BM25 \rightarrow **score = 0**`,
    parts: { 'text.bm25#lexical-gap': 'exact' },
  },
  {
    file: '003', lines: [19, 23],
    quote: String.raw`$$= \prod_{t=1}^T P(x^{(t)} | x^{(t-1)}, \dots, x^{(1)}).$$`,
    parts: { 'text.chain-rule#003': 'exact' },
  },
  {
    file: '003', lines: [27, 30],
    quote: String.raw`$$= \frac{P(x^{(t+1)}, x^{(t)}, \dots, x^{(t-m+2)})}{P(x^{(t)}, \dots, x^{(t-m+2)})}$$`,
    parts: { 'text.ngram-mle#markov-ratio': 'exact' },
  },
  {
    file: '003', lines: [35, 35],
    quote: String.raw`$$\approx \frac{\text{count}(x^{(t+1)}, \dots, x^{(t-n+2)})}{\text{count}(x^{(t)}, \dots, x^{(t-n+2)})}$$`,
    parts: { 'text.ngram-mle#count-ratio': 'typo' },
    typo: String.raw`003:35 writes $n$ for the $m$ of 003:27–30 (an $m$-gram model: $x^{(t-m+2)}$).`,
    corrected: String.raw`$P(x^{(t+1)} \mid x^{(t)},\dots,x^{(t-m+2)}) \approx \dfrac{\mathrm{count}(x^{(t-m+2)},\dots,x^{(t+1)})}{\mathrm{count}(x^{(t-m+2)},\dots,x^{(t)})}$`,
  },
  {
    file: '003', lines: [37, 42],
    quote: String.raw`$$P(w / \text{students opened their}) = \frac{\text{Count students opened their } w)}{\text{Count students opened their}}$$`,
    parts: { 'text.ngram-mle#four-gram': 'exact' },
  },
  {
    file: '003', lines: [117, 119],
    quote: String.raw`$$J(w) = -\frac{1}{T} \sum_{t=1}^T \sum_{\substack{-m \leq j \leq m \\ j \neq 0}} \log p(w_{t+j} | w_t; \theta)$$`,
    parts: { 'text.skipgram#objective': 'exact' },
  },
  {
    file: '003', lines: [124, 129],
    quote: String.raw`$$p(c|w) = \frac{\exp(u_w^T v_c)}{\sum_{w \in V} \exp(u_w^T v_c)}$$`,
    parts: { 'text.skipgram': 'typo' },
    typo: String.raw`003:129 writes $p(c|w)$ for $p(w \mid c)$ (the conditional transposed; 003:112 says "the probability of o given c"), reusing $w$ as the summation index.`,
    corrected: String.raw`$p(o \mid c) = \dfrac{\exp(u_o^\top v_c)}{\sum_{w \in V} \exp(u_w^\top v_c)}$`,
  },
];
