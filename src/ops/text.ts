/** Ops of the text domain. Tokenisation: byte-pair encoding. */
import { defineOp, integer, string, oneOf, list, tuple, record, number, float, tensor, optional, boolean } from './schema.js';

const merge = () => tuple([string(), string()], '[left, right]');

export const OPS = [
  defineOp({
    id: 'text.bpe-train',
    description: 'Learn up to `merges` BPE merges, each a most frequent adjacent symbol pair. A word is its code points plus the end-of-word marker as one ' +
      'more symbol (none for ""); pair counts are weighted by word frequency and count every adjacent position ("a a a" holds (a, a) twice, as in subword-nmt ' +
      'and HF tokenizers); a merge replaces occurrences left to right without overlap ("a a a" → "aa a"); training stops early only when no pair is left ' +
      '(no minimum frequency). Ties: lexicographic (left symbol, then right, code-unit order), first-occurrence (corpus order, then position), ' +
      'hf-smallest-id (HF tokenizers BpeTrainer: the smallest (left id, right id), ids = initial symbols in code-point order, then each new merge result ' +
      'string in creation order), sentencepiece (SentencePiece\'s BPE trainer: the shortest merged string in code points, then the merged string in ' +
      'code-point order, then the left symbol), or none (any maximal pair). byteLevel: words start as their UTF-8 bytes in GPT-2\'s byte-to-unicode alphabet ' +
      '(" " → "Ġ"; the merges name those characters; the marker is appended unmapped).',
    args: {
      words: record(integer({ minimum: 1 }), 'word → count (≥ 1), in corpus order'),
      merges: integer({ minimum: 0, description: 'the most merges to learn' }),
      endOfWord: string('appended to each word as one symbol; "" for none'),
      tieBreak: oneOf(['lexicographic', 'first-occurrence', 'none', 'hf-smallest-id', 'sentencepiece'], 'which of tied pairs to merge; none: any (every merge must still be maximal)'),
      byteLevel: optional(boolean('byte-level BPE (GPT-2 byte-to-unicode alphabet); default false: code points')),
      pairCount: optional(oneOf(['every-position', 'non-overlapping'], 'how a run of one symbol counts: every adjacent position (default; "a a a" holds (a, a) twice) ' +
        'or non-overlapping, left-greedy (⌊k/2⌋ pairs in a run of k: SentencePiece ≤ 0.1.98\'s trainer)')),
    },
    result: list(merge(), 'the merges in order: at most `merges`, fewer only when no pair is left'),
    algorithms: [
      { name: 'recount every step', default: true, description: 'count all adjacent pairs afresh, take a maximal one, merge it everywhere (Sennrich et al. 2016; the oracle): exact integers, no tolerance.' },
      { name: 'incremental counts', default: true, description: 'pair → count and pair → words maintained across merges, the maximum from a heap with lazy deletion (subword-nmt, HF BpeTrainer, the built-in implementation): the same merges.' },
    ],
    inputClasses: [
      { name: 'ties', minShare: 0.5, description: 'some step has several maximal pairs (the tie rule decides; with none, any is accepted)' },
      { name: 'repeated-letters', minShare: 0.2, description: 'a word with a letter three times in a row (overlapping pairs, left-to-right replacement)' },
      { name: 'weighted', minShare: 0.4, description: 'word counts differ by a factor ≥ 2 (up to 1000)' },
      { name: 'long-words', minShare: 0.12, description: 'a word of 12 to 24 letters' },
      { name: 'early-stop', minShare: 0.1, description: 'fewer merges than asked because no pair is left' },
      { name: 'count-one-merge', minShare: 0.1, description: 'a merge learned with count 1 (no minimum frequency)' },
      { name: 'marker-none', minShare: 0.1, description: 'endOfWord ""' },
      { name: 'marker-multi', minShare: 0.1, description: 'endOfWord "</w>" (one symbol of four characters)' },
      { name: 'byte-level', minShare: 0.1, description: 'byteLevel true, words with multi-byte characters (é, €, 😀) and spaces' },
      { name: 'spm-order-differs', minShare: 0.3, description: 'the sentencepiece rule (shortest merged string first) and the lexicographic rule learn different merges' },
      { name: 'hf-order-differs', minShare: 0.05, description: 'the hf-smallest-id rule and the lexicographic rule learn different merges (merged symbols, byte-level or non-ASCII ids)' },
    ],
    exactFriendly: 'Discrete: integer counts, compared exactly (merge for merge with a pinned tie rule; maximality of every merge without one).',
  }),
  defineOp({
    id: 'text.bpe-encode',
    description: 'Segment one word by merge rank: split into code points plus the end-of-word marker (one symbol; none for ""), then repeatedly merge the ' +
      'adjacent pair of lowest rank (its index in `merges`; a pair listed more than once keeps the rank of its FIRST occurrence) until no adjacent pair is ' +
      'a merge. Equal ranks go leftmost first; either one merge at a time (HF tokenizers, tiktoken, SentencePiece) or all non-overlapping occurrences ' +
      'of the lowest-ranked pair at once (subword-nmt, GPT-2 encoder.py) — they differ only when a merge creates a lower-ranked pair overlapping another ' +
      'occurrence, and both are accepted. Merges may name symbols the word never forms; the list may be empty.',
    args: {
      word: string(),
      merges: list(merge(), 'merges in rank order'),
      endOfWord: string('appended as one symbol; "" for none'),
      byteLevel: optional(boolean('byte-level: the word starts as its UTF-8 bytes in GPT-2\'s byte-to-unicode alphabet (merges name those characters); default false')),
    },
    result: list(string(), 'the symbols'),
    algorithms: [
      { name: 'one merge at a time', default: true, description: 'lowest rank, leftmost occurrence, one merge, repeat (priority queue or rescan: HF tokenizers, tiktoken, SentencePiece; the oracle bpeSegment).' },
      { name: 'all occurrences at once', default: true, description: 'lowest rank present, all its occurrences left to right without overlap, repeat (subword-nmt apply_bpe, GPT-2 encoder.py; bpeSegmentAllAtOnce).' },
    ],
    inputClasses: [
      { name: 'repeated-pair', minShare: 0.3, description: 'a pair listed more than once (real merge files can contain them)' },
      { name: 'repeat-rank-matters', minShare: 0.08, description: 'keeping the LAST rank of a repeated pair would change a segmentation' },
      { name: 'sequential-differs', minShare: 0.1, description: 'applying each merge once, in list order, would change a segmentation' },
      { name: 'absent-symbols', minShare: 0.35, description: 'an operand the word and the earlier merges never form' },
      { name: 'algorithms-differ', minShare: 0.05, description: 'one merge at a time and all occurrences at once give different segmentations (both accepted)' },
      { name: 'well-formed', minShare: 0.3, description: 'every operand an initial symbol or an earlier result (learned lists, real merge files)' },
      { name: 'empty-merges', minShare: 0.03, description: 'no merges at all' },
      { name: 'long-word', minShare: 0.3, description: 'a word of 32 to 64 letters' },
      { name: 'marker-none', minShare: 0.1, description: 'endOfWord ""' },
      { name: 'marker-multi', minShare: 0.1, description: 'endOfWord "</w>"' },
      { name: 'byte-level', minShare: 0.1, description: 'byteLevel true, a word with a multi-byte character or a space' },
    ],
    exactFriendly: 'Discrete: the segmentation is compared exactly.',
  }),
  defineOp({
    id: 'text.ngram-prob',
    description: 'The add-k n-gram estimate P(word | history) = (Count(history, word) + k) / (C(history) + k·vocabSize) from the training sentences ' +
      '(n = |history| + 1; k = 0 is the MLE, k = 1 Laplace). C(history) is the count of history as the first n − 1 words of an n-gram (historyCount "history", ' +
      'Σ_w Count(history, w)) or its plain count as an (n−1)-gram, sentence-final occurrences included (historyCount "ngram"; for n = 1 the number of tokens). ' +
      'n-grams never cross sentence boundaries; no padding. A zero denominator (MLE with an unseen history) gives 0 (nltk MLE).',
    args: {
      sentences: list(list(string()), 'training sentences, each a list of tokens'),
      history: list(string(), 'the n − 1 preceding words (may be empty: a unigram model)'),
      word: string('the predicted word'),
      k: number({ minimum: 0, description: 'added to every count (0: MLE, 1: Laplace)' }),
      vocabSize: integer({ minimum: 1, description: 'V, the number of possible words' }),
      historyCount: oneOf(['history', 'ngram'], 'how C(history) is counted'),
    },
    result: float('the estimate in [0, 1]'),
    algorithms: [
      { name: 'count and divide', default: true, description: 'numerator c + k and denominator h + k·V in the working precision, one division (the oracle\'s exact ratio rounded).' },
      { name: 'reciprocal multiply', default: true, description: '(c + k)·(1/(h + k·V)): one more rounding.' },
    ],
    inputClasses: [
      { name: 'unseen-history', minShare: 0.1, description: 'the history never occurs as an n-gram prefix (MLE: 0 by convention; add-k: 1/V)' },
      { name: 'unseen-ngram', minShare: 0.3, description: 'Count(history, word) = 0' },
      { name: 'sentence-final-history', minShare: 0.15, description: 'the history ends a sentence, so the two historyCount conventions differ' },
      { name: 'add-k-fraction', minShare: 0.15, description: 'k is not an integer (k·V and c + k round in float32)' },
      { name: 'trigram', minShare: 0.15, description: 'a two-word history' },
      { name: 'unigram', minShare: 0.05, description: 'an empty history' },
      { name: 'large-corpus', minShare: 0.03, description: 'at least 2000 training tokens' },
    ],
    exactFriendly: 'Counts are integers; the estimate is a rational compared within γ_5 relative error (counts < 2^24 are exact in float32).',
  }),
  defineOp({
    id: 'text.perplexity',
    description: 'Perplexity of a model that gave the N test tokens the probabilities p_1..p_N: PPL = (Π p_i)^{−1/N} = exp(H) with H = −(1/N) Σ ln p_i ' +
      '(nats), equivalently 2^{H₂} with H₂ = −(1/N) Σ log₂ p_i (bits). `base` names the logarithm the implementation is asked to use for H; the perplexity ' +
      'is the same number for both (2^{H in nats} is the error 004:249 invites).',
    args: {
      probs: tensor('float', ['N'], { description: 'p_i in (0, 1]' }),
      base: oneOf(['e', '2'], 'the base of the cross-entropy H'),
    },
    result: float('the perplexity, ≥ 1'),
    algorithms: [
      { name: 'mean log then exp', default: true, description: 'H = −mean(ln p), PPL = exp(H) (or log₂ and 2^H): the oracle\'s form; never underflows.' },
      { name: 'product then root', default: false, description: '(Π p)^{−1/N}: correct while the product does not underflow (N·|ln p| < 87 in float32), wrong beyond.' },
    ],
    inputClasses: [
      { name: 'uniform-K', minShare: 0.15, description: 'all p_i = 1/K (PPL = K exactly, K up to 50000)' },
      { name: 'long-underflow', minShare: 0.1, description: 'Π p_i underflows the working precision (N up to 2000)' },
      { name: 'certain', minShare: 0.05, description: 'every p_i = 1 (PPL = 1)' },
      { name: 'tiny-p', minShare: 0.1, description: 'some p_i < 1e-20' },
      { name: 'base-2', minShare: 0.3, description: 'base "2"' },
    ],
    exactFriendly: 'Transcendental: rigorous enclosure of exp(−(1/N)Σ ln p_i); uniform inputs have the exact value K.',
  }),
  ...textStatsOps(),
] as const;

// ---- text.pretokenize / tfidf / bm25 ----
// (a function declaration, hoisted, so that OPS above can spread it)
function textStatsOps() {
  return [
    defineOp({
      id: 'text.pretokenize',
      description: 'Split a string into pre-tokens with their offsets [start, end) in UTF-16 code units of the input (JS string indices; an astral character ' +
        'counts 2). Schemes: "whitespace-split" — maximal runs of non-white-space characters (Python str.split, HF WhitespaceSplit); "word-punct" — HF ' +
        'Whitespace, \\w+|[^\\w\\s]+ (\\w = Alphabetic, Mark, Decimal_Number, Connector_Punctuation, Join_Control); "gpt2" — the GPT-2 pattern ' +
        "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+ (white space kept in the tokens, every character covered); " +
        '"bert" — HF BertPreTokenizer: split at white space, and every punctuation character (ASCII 33–47, 58–64, 91–96, 123–126, or Unicode category P) alone. ' +
        'White space is ECMAScript \\s (Unicode White_Space plus U+FEFF). lowercase: each token\'s text is String.prototype.toLowerCase() of its slice ' +
        '(the offsets still index the original string).',
      args: {
        text: string('the input'),
        scheme: oneOf(['whitespace-split', 'word-punct', 'gpt2', 'bert'], 'the pre-tokenisation convention'),
        lowercase: boolean('lower-case each token (BERT uncased); offsets are unchanged'),
      },
      result: list(tuple([string(), integer({ minimum: 0 }), integer({ minimum: 0 })], '[text, start, end]'), 'the pre-tokens in order, offsets in UTF-16 code units, half-open'),
      algorithms: [
        { name: 'one global regular expression', default: true, description: 'String.prototype.matchAll with the scheme\'s pattern (u flag), offsets = match.index (HF tokenizers, tiktoken, GPT-2 encoder.py with the regex module).' },
        { name: 'character scanner', default: true, description: 'one pass over code points, classifying each (the oracle pretokenizeUtf16): the same tokens.' },
      ],
      inputClasses: [
        { name: 'astral', minShare: 0.3, description: 'a character outside the BMP (emoji, 𝔘): UTF-16 offsets differ from code-point offsets' },
        { name: 'contraction', minShare: 0.15, description: "an apostrophe contraction ('s, 't, 're, 've, 'm, 'll, 'd) — or 'S, which GPT-2 does not split" },
        { name: 'multi-space', minShare: 0.3, description: 'two or more white-space characters in a row (GPT-2 \\s+(?!\\S) backtracking)' },
        { name: 'punct-run', minShare: 0.2, description: 'two punctuation characters in a row (one token for word-punct and gpt2, two for bert)' },
        { name: 'combining-mark', minShare: 0.15, description: 'a combining mark (\\p{M}: a word character for word-punct, neither letter nor number for gpt2)' },
        { name: 'non-ascii-digit', minShare: 0.1, description: 'a decimal digit outside ASCII (٣)' },
        { name: 'lowercase-changes', minShare: 0.15, description: 'lowercase on and some token changes (İ lower-cases to two code units)' },
        { name: 'edge-space', minShare: 0.2, description: 'leading or trailing white space' },
      ],
      exactFriendly: 'Discrete: the token list is compared exactly.',
    }),
    defineOp({
      id: 'text.tfidf',
      description: 'TF-IDF matrix (documents × vocab) of tokenised documents: w = tf(count, |d|) · idf(N, df), then optionally each row divided by its ' +
        'Euclidean norm (an all-zero row stays zero). tf: raw count; relative count/|d|; binary 1; log1p log(1 + count); sublinear 1 + log(count) (0 for count 0: ' +
        'sklearn sublinear_tf). idf: smooth 1 + log((1 + N)/(1 + df)) (sklearn default); plain 1 + log(N/df) (sklearn smooth_idf=False); ratio log(N/df) ' +
        '(textbook; the notes); natural 1 + log(N/(1 + df)) (npm natural TfIdf; below 1 when 1 + df > N, never ≤ 0); none 1. A term with df = 0 has count 0 ' +
        'everywhere and weight 0. Logarithms in `base` (e or 10). Tokens are matched as whole strings (no lower-casing, no stop words).',
      args: {
        docs: list(list(string()), 'the documents, each a list of tokens'),
        vocab: list(string(), 'the columns, distinct terms'),
        tf: oneOf(['raw', 'relative', 'binary', 'log1p', 'sublinear'], 'term-frequency form'),
        idf: oneOf(['smooth', 'plain', 'ratio', 'natural', 'none'], 'inverse-document-frequency form'),
        base: oneOf(['e', '10'], 'base of every logarithm'),
        norm: oneOf(['l2', 'none'], 'row normalisation'),
      },
      result: list(list(float()), 'one row per document, one column per vocab term'),
      algorithms: [
        { name: 'count, weight, normalise', default: true, description: 'counts per document, df per term, w = tf·idf in the working precision, then each row times 1/‖row‖₂ or divided by ‖row‖₂ (sklearn TfidfVectorizer, the built-in implementation).' },
        { name: 'sparse dictionary', default: true, description: 'per-document term → count maps and term → df map (natural, gensim): the same roundings in another order.' },
      ],
      inputClasses: [
        { name: 'ubiquitous-term', minShare: 0.3, description: 'a vocab term in every document (ratio idf 0; natural idf below 1)' },
        { name: 'absent-term', minShare: 0.15, description: 'a vocab term in no document (zero column)' },
        { name: 'repeated-term', minShare: 0.5, description: 'a count ≥ 3 (the tf forms differ)' },
        { name: 'l2', minShare: 0.4, description: 'norm l2' },
        { name: 'base-10', minShare: 0.2, description: 'base 10 (the notes\' tables)' },
        { name: 'sklearn-default', minShare: 0.1, description: 'raw tf, smooth idf, base e, l2 (TfidfVectorizer())' },
        { name: 'large', minShare: 0.02, description: 'at least 50 documents and 20 vocab terms' },
      ],
      exactFriendly: 'Counts are exact; idf and log tf are enclosed rigorously (interval logarithms of exact rationals); the bound is tfidfBound (src/numerics/bounds-text-stats.ts).',
    }),
    defineOp({
      id: 'text.bm25',
      description: 'Okapi BM25 score of a query (tokens; a repeated query token counts once per occurrence) against every document (tokens, matched as whole ' +
        'strings): Σ_{t ∈ q, tf(t,d) > 0} idf(t) · tf(k1 + 1)/(tf + k1(1 − b + b·|d|/avgdl)), avgdl the mean document length over the N documents. idf: ' +
        'lucene ln(1 + (N − df + ½)/(df + ½)) (Lucene, Elasticsearch; always > 0), rsj ln((N − df + ½)/(df + ½)) (Robertson–Spärck Jones; negative when ' +
        'df > N/2), atire ln(N/df). Natural logarithms. The result is 0 for a document sharing no token with the query.',
      args: {
        docs: list(list(string()), 'the documents, each a list of tokens (at least one document with at least one token)'),
        query: list(string(), 'the query tokens'),
        k1: number({ minimum: 0, description: 'term-frequency saturation (1.2 typical)' }),
        b: number({ minimum: 0, maximum: 1, description: 'length normalisation (0.75 typical)' }),
        idf: oneOf(['lucene', 'rsj', 'atire'], 'the idf variant'),
      },
      result: list(float(), 'one score per document'),
      algorithms: [
        { name: 'term at a time', default: true, description: 'for each query token its idf, then each document\'s saturated tf factor, accumulated per document (rank_bm25, the built-in implementation).' },
        { name: 'document at a time', default: true, description: 'for each document the sum over query tokens (Lucene\'s scorer): the same terms in another order.' },
      ],
      inputClasses: [
        { name: 'negative-rsj', minShare: 0.1, description: 'idf rsj with a query term in more than half of the documents (negative contribution)' },
        { name: 'repeated-query-term', minShare: 0.2, description: 'a query token twice' },
        { name: 'no-match', minShare: 0.3, description: 'a document sharing no token with the query (score 0)' },
        { name: 'substring-trap', minShare: 0.2, description: 'a query token that is a proper substring of a document token but not a token of it' },
        { name: 'b-zero', minShare: 0.1, description: 'b = 0 (no length normalisation)' },
        { name: 'length-varies', minShare: 0.5, description: 'document lengths differ by a factor ≥ 3' },
        { name: 'large', minShare: 0.02, description: 'at least 100 documents' },
      ],
      exactFriendly: 'k1 and b are converted exactly to rationals; the tf factor is an exact rational and the idf a rigorous logarithm enclosure; the bound is bm25Bound (src/numerics/bounds-text-stats.ts).',
    }),
  ] as const;
}
