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
      'string in creation order), or none (any maximal pair). byteLevel: words start as their UTF-8 bytes in GPT-2\'s byte-to-unicode alphabet ' +
      '(" " → "Ġ"; the merges name those characters; the marker is appended unmapped).',
    args: {
      words: record(integer({ minimum: 1 }), 'word → count (≥ 1), in corpus order'),
      merges: integer({ minimum: 0, description: 'the most merges to learn' }),
      endOfWord: string('appended to each word as one symbol; "" for none'),
      tieBreak: oneOf(['lexicographic', 'first-occurrence', 'none', 'hf-smallest-id'], 'which of tied pairs to merge; none: any (every merge must still be maximal)'),
      byteLevel: optional(boolean('byte-level BPE (GPT-2 byte-to-unicode alphabet); default false: code points')),
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
] as const;
