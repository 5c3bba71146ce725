/** Ops of the text domain. Tokenisation: byte-pair encoding. */
import { defineOp, integer, string, oneOf, list, tuple, record } from './schema.js';

const merge = () => tuple([string(), string()], '[left, right]');

export const OPS = [
  defineOp({
    id: 'text.bpe-train',
    description: 'Learn up to `merges` BPE merges, each a most frequent adjacent symbol pair (counts weighted by word frequency).',
    args: {
      words: record(integer({ minimum: 1 }), 'word → count (≥ 1), in corpus order'),
      merges: integer({ minimum: 0, description: 'the most merges to learn' }),
      endOfWord: string('appended to each word as one symbol; "" for none'),
      tieBreak: oneOf(['lexicographic', 'first-occurrence', 'none'], 'which of tied pairs to merge; none: any (every merge must still be maximal)'),
    },
    result: list(merge(), 'the merges in order: at most `merges`, fewer only when no pair is left'),
  }),
  defineOp({
    id: 'text.bpe-encode',
    description: 'Segment one word by applying the merges in rank order.',
    args: {
      word: string(),
      merges: list(merge(), 'merges in rank order'),
      endOfWord: string('appended as one symbol; "" for none'),
    },
    result: list(string(), 'the symbols'),
  }),
] as const;
