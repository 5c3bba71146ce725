/**
 * text.bpe-segment — segmentation applies the learned merges in priority order.
 * Seed 004_975819c312b074f9.txt, line 137: "The final tokenization is the list of remaining symbols: ["low", "est_"]."
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { bpeLearn, bpeSegment, bpeSegmentSequential, tieBreaks } from '../oracles/text.js';
import { corpusArb, NOTES_CORPUS, NOTES_MERGES, allTieBreakOutcomes } from './bpe-shared.js';

export const claim: ClaimModule = {
  id: 'text.bpe-segment',
  properties: [
    {
      name: 'learner-consistency',
      kind: 'identity',
      description: 'Segmenting each training word with the learned merges (by rank, and in learned order) reproduces the learner’s own final segmentation.',
      arbitrary: corpusArb,
      runs: 150,
      check: ({ words, merges }) => {
        const r = bpeLearn(words, merges, { endOfWord: '_', tieBreak: tieBreaks.lexicographic });
        const ws = Object.keys(words);
        for (let i = 0; i < ws.length; i++) {
          const a = bpeSegment(ws[i]!, r.merges, { endOfWord: '_' }).join(' ');
          const b = bpeSegmentSequential(ws[i]!, r.merges, { endOfWord: '_' }).join(' ');
          const c = r.segmentation[i]!.join(' ');
          if (a !== c || b !== c) return { ok: false, detail: `${ws[i]}: by rank [${a}], in order [${b}], learner [${c}]` };
        }
        return { ok: true };
      },
    },
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation’s encoder equals the exact rank-order segmenter on training words and on unseen words.',
      arbitrary: fc.record({ corpus: corpusArb, extra: fc.array(fc.stringMatching(/^[abc]{1,8}$/), { maxLength: 4 }) }),
      ops: ['text.bpe-encode'],
      runs: 150,
      check: ({ corpus, extra }, impl) => {
        const merges = bpeLearn(corpus.words, corpus.merges, { endOfWord: '_', tieBreak: tieBreaks.lexicographic }).merges;
        for (const w of [...Object.keys(corpus.words), ...extra]) {
          const got = impl!.ops['text.bpe-encode']!({ word: w, merges, endOfWord: '_' }) as string[];
          const want = bpeSegment(w, merges, { endOfWord: '_' });
          if (got.join(' ') !== want.join(' ')) return { ok: false, detail: `${w}: got [${got.join(', ')}], exact [${want.join(', ')}]` };
        }
        return { ok: true };
      },
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
