/** Ops of the text domain. Tokenisation: byte-pair encoding. */
import type { OpDef } from '../registry/types.js';

export const OPS: readonly OpDef[] = [
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
