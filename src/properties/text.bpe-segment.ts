/**
 * text.bpe-segment — segmentation applies the learned merges in priority order.
 * Seed 004_975819c312b074f9.txt, line 137: "The final tokenization is the list of remaining symbols: ["low", "est_"]."
 */

import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { bpeLearn, bpeSegment, bpeSegmentAllAtOnce, bpeSegmentSequential, tieBreaks } from '../oracles/text.js';
import { corpusArb, encodeCaseArb, NOTES_CORPUS, NOTES_MERGES, allTieBreakOutcomes, type EncodeCase } from './bpe-shared.js';

/**
 * Conformance of text.bpe-encode on one case: each word's segmentation must equal the rank-order
 * segmentation, one merge at a time, leftmost first (HF tokenizers, tiktoken, SentencePiece), or all
 * occurrences of the lowest-ranked pair at once (subword-nmt, GPT-2 encoder.py); a pair listed twice
 * keeps its first rank. The two differ only on lists where a merge creates a lower-ranked pair
 * overlapping a later occurrence (bpeSegmentAllAtOnce, src/oracles/text.ts).
 */
export function encodeConformance(c: EncodeCase, impl: Implementation): Outcome {
  for (const w of c.words) {
    const bl = c.byteLevel ?? false;
    const got = impl.ops['text.bpe-encode']!({ word: w, merges: c.merges, endOfWord: c.endOfWord, ...(bl ? { byteLevel: true } : {}) }) as string[];
    const want = bpeSegment(w, c.merges, { endOfWord: c.endOfWord, byteLevel: bl });
    const alt = bpeSegmentAllAtOnce(w, c.merges, { endOfWord: c.endOfWord, byteLevel: bl });
    const show = (x: unknown) => (Array.isArray(x) ? `[${x.map((v) => JSON.stringify(v)).join(', ')}]` : JSON.stringify(x));
    if (!Array.isArray(got) || (show(got) !== show(want) && show(got) !== show(alt))) {
      return { ok: false, detail: `${JSON.stringify(w)} with marker ${JSON.stringify(c.endOfWord)} and ${c.merges.length} merges: got ${show(got)}, exact ${show(want)}${show(alt) !== show(want) ? ` (or all-at-once ${show(alt)})` : ''}` };
    }
  }
  return { ok: true };
}

export const claim: ClaimModule = {
  id: 'text.bpe-segment',
  properties: [
    {
      name: 'learner-consistency',
      kind: 'identity',
      description: 'Segmenting each training word with the learned merges (by rank, and in learned order) reproduces the learner’s own final segmentation.',
      arbitrary: corpusArb,
      runs: 150,
      check: ({ words, merges, endOfWord, byteLevel }) => {
        const eow = endOfWord ?? '_';
        const bl = byteLevel ?? false;
        const r = bpeLearn(words, merges, { endOfWord: eow, tieBreak: tieBreaks.lexicographic, byteLevel: bl });
        const ws = Object.keys(words);
        for (let i = 0; i < ws.length; i++) {
          const a = bpeSegment(ws[i]!, r.merges, { endOfWord: eow, byteLevel: bl }).join(' ');
          const b = bpeSegmentSequential(ws[i]!, r.merges, { endOfWord: eow, byteLevel: bl }).join(' ');
          const c = r.segmentation[i]!.join(' ');
          if (a !== c || b !== c) return { ok: false, detail: `${ws[i]}: by rank [${a}], in order [${b}], learner [${c}]` };
        }
        return { ok: true };
      },
    },
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation’s encoder equals the exact rank-order segmenter (one merge at a time or all occurrences at once; a repeated pair keeps its first rank) on learned, well-formed, arbitrary (repeated pairs, absent symbols) and empty merge lists, words up to 64 letters.',
      arbitrary: encodeCaseArb,
      ops: ['text.bpe-encode'],
      runs: 150,
      check: (c, impl) => encodeConformance(c, impl!),
    },
  ],
  audit: () => {
    const seg = bpeSegment('lowest', NOTES_MERGES, { endOfWord: '_' });
    const seq = bpeSegmentSequential('lowest', NOTES_MERGES, { endOfWord: '_' });
    const outcomes = allTieBreakOutcomes(NOTES_CORPUS, 6);
    const segs = new Set(outcomes.map((m) => JSON.stringify(bpeSegment('lowest', m, { endOfWord: '_' }))));
    const ok = JSON.stringify(seg) === JSON.stringify(['low', 'est_']) && JSON.stringify(seq) === JSON.stringify(seg);
    return [
      {
        id: 'text.bpe-segment',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `"lowest" with the notes' six merges segments to [${seg.map((s) => `"${s}"`).join(', ')}] (by rank and in learned order alike), as the notes say. ` +
          `Over all ${outcomes.length} tie-break choices for the six merges the segmentation is ${segs.size === 1 ? 'always the same' : `one of ${segs.size}: ${[...segs].join(' | ')}`}. ` +
          `Presentation slip: 004:130–132 drop the spaces between symbols ("lowes t_" for l o w es t _).`,
      },
    ];
  },
};
