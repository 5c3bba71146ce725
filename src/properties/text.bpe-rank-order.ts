/**
 * text.bpe-rank-order — "apply the merge rules in the exact priority order they were learned in"
 * (one pass per rule, in list order) equals tiktoken-style rank encoding (repeatedly merge the
 * adjacent pair of lowest rank, leftmost first).
 * Seed 004_975819c312b074f9.txt, line 128: "Greedily apply the *merge rules* that were learned, in the *exact priority order* they were learned in."
 *
 * Theorem (proved in spec/text.bpe-rank-order.md). Let m_0..m_{n−1} = (a_j, b_j) with results
 * s_j = a_j + b_j satisfy
 *   (H1) every operand is an initial symbol (one code point, or the marker) or an earlier result
 *        s_i (i < j), and
 *   (H2) every result s_j is a new string: no initial symbol and no earlier result equals it.
 * Then rank encoding and list-order application give the same segmentation of every word.
 * Both hypotheses are needed: [(x, ab), (a, b)] breaks (H1) only ("xab": rank [xab], list order
 * [x, ab]); [(b, c), (a, b), (ab, c), (x, abc), (a, bc)] breaks (H2) only ("abc" made twice):
 * "xabc" gives [xabc] by rank, [x, abc] in list order.
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { bpeLearn, bpeSegment, bpeSegmentSequential, initialSymbols, tieBreaks } from '../oracles/text.js';
import { corpusArb, encodeCaseArb } from './bpe-shared.js';

type Merges = readonly (readonly [string, string])[];

/** (H1) and (H2) for the merge list and the initial symbols of `word`. */
export function rankOrderHypotheses(word: string, merges: Merges, endOfWord: string, byteLevel = false): { h1: boolean; h2: boolean } {
  // an initial symbol: any single code point (any letter a word may hold), the word's own initial symbols, the marker
  const initSet = new Set([...initialSymbols(word, endOfWord, byteLevel), ...(endOfWord ? [endOfWord] : [])]);
  const init = { has: (x: string) => initSet.has(x) || (x !== '' && Array.from(x).length === 1) };
  const made = new Set<string>();
  let h1 = true;
  let h2 = true;
  for (const [a, b] of merges) {
    if (!(init.has(a) || made.has(a)) || !(init.has(b) || made.has(b))) h1 = false;
    const s = a + b;
    if (init.has(s) || made.has(s)) h2 = false;
    made.add(s);
  }
  return { h1, h2 };
}

const show = (x: string[]) => `[${x.map((v) => JSON.stringify(v)).join(', ')}]`;
const RULES = [['lexicographic', tieBreaks.lexicographic], ['first-occurrence', tieBreaks.firstOccurrence], ['hf-smallest-id', tieBreaks.hfSmallestId]] as const;

/** Merge lists over {a, b, c} with operands drawn from the symbols made so far (H1 by construction). */
const h1Lists = fc.record({
  words: fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 0, maxLength: 12 }), { minLength: 1, maxLength: 4 }),
  picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 0, maxLength: 20 }),
}).map(({ words, picks }) => {
  const inv = ['a', 'b', 'c'];
  const merges: [string, string][] = [];
  for (const [i, j] of picks) {
    const m: [string, string] = [inv[i % inv.length]!, inv[j % inv.length]!];
    merges.push(m);
    inv.push(m[0] + m[1]);
  }
  return { words, merges };
});

export const claim: ClaimModule = {
  id: 'text.bpe-rank-order',
  properties: [
    {
      name: 'theorem',
      kind: 'identity',
      description: 'On every merge list satisfying (H1) operands made before use and (H2) results new, rank encoding (lowest rank first, leftmost) equals one left-to-right pass per rule in list order; lists breaking H2 are generated too and must still be rank-consistent when H2 holds.',
      arbitrary: fc.oneof(h1Lists, encodeCaseArb.filter((c) => !c.byteLevel).map(({ words, merges }) => ({ words, merges }))),
      runs: 200,
      check: ({ words, merges }) => {
        for (const w of words) {
          const { h1, h2 } = rankOrderHypotheses(w, merges, '');
          if (!(h1 && h2)) continue;
          const r = bpeSegment(w, merges, { endOfWord: '' });
          const s = bpeSegmentSequential(w, merges, { endOfWord: '' });
          if (show(r) !== show(s)) return { ok: false, detail: `${JSON.stringify(w)}: by rank ${show(r)}, in list order ${show(s)} although H1 and H2 hold` };
        }
        return { ok: true };
      },
    },
    {
      name: 'learned-lists',
      kind: 'identity',
      description: 'Learned merge lists (every pinned tie rule, code points and byte-level, marker "", "_" or "</w>" absent from the words) satisfy H1 and H2, so rank encoding and list order agree on the training words.',
      arbitrary: corpusArb,
      runs: 100,
      check: ({ words, merges, endOfWord, byteLevel }) => {
        const eow = endOfWord ?? '_';
        const bl = byteLevel ?? false;
        for (const [name, rule] of RULES) {
          const m = bpeLearn(words, merges, { endOfWord: eow, tieBreak: rule, byteLevel: bl }).merges;
          for (const w of Object.keys(words)) {
            const { h2 } = rankOrderHypotheses(w, m, eow, bl);
            const r = bpeSegment(w, m, { endOfWord: eow, byteLevel: bl });
            const s = bpeSegmentSequential(w, m, { endOfWord: eow, byteLevel: bl });
            if (show(r) !== show(s)) return { ok: false, detail: `${name}: ${JSON.stringify(w)} by rank ${show(r)}, in list order ${show(s)}` };
            // H2 over the whole list (results new w.r.t. the corpus alphabet and earlier results)
            if (!h2) return { ok: false, detail: `${name}: learned list repeats a result string or re-creates an initial symbol: [${m.map((p) => p.join('+')).join(', ')}]` };
          }
        }
        return { ok: true };
      },
    },
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation’s rank encoder (text.bpe-encode), given a list learned with the HF rule (code points or byte-level), segments every training word exactly as the notes’ procedure: one pass per rule, in learned order.',
      arbitrary: corpusArb,
      ops: ['text.bpe-encode'],
      runs: 100,
      check: ({ words, merges, endOfWord, byteLevel }, impl) => {
        const eow = endOfWord ?? '_';
        const bl = byteLevel ?? false;
        const m = bpeLearn(words, merges, { endOfWord: eow, tieBreak: tieBreaks.hfSmallestId, byteLevel: bl }).merges;
        for (const w of Object.keys(words)) {
          const got = impl!.ops['text.bpe-encode']!({ word: w, merges: m, endOfWord: eow, ...(bl ? { byteLevel: true } : {}) }) as string[];
          const want = bpeSegmentSequential(w, m, { endOfWord: eow, byteLevel: bl });
          if (!Array.isArray(got) || show(got) !== show(want)) return { ok: false, detail: `${JSON.stringify(w)}: got ${Array.isArray(got) ? show(got) : JSON.stringify(got)}, learned order ${show(want)}` };
        }
        return { ok: true };
      },
    },
  ],
  audit: () => {
    // The notes' example: rank and list order agree.
    const notes: [string, string][] = [['e', 's'], ['es', 't'], ['est', '_'], ['l', 'o'], ['lo', 'w'], ['n', 'e']];
    const r0 = bpeSegment('lowest', notes, { endOfWord: '_' });
    const s0 = bpeSegmentSequential('lowest', notes, { endOfWord: '_' });
    // H1 needed: a forward reference.
    const f: [string, string][] = [['x', 'ab'], ['a', 'b']];
    const r1 = bpeSegment('xab', f, { endOfWord: '' });
    const s1 = bpeSegmentSequential('xab', f, { endOfWord: '' });
    // H2 needed: "abc" made twice — by (ab, c) at rank 2 and by (a, bc) at rank 4; rank 3 uses it.
    const g: [string, string][] = [['b', 'c'], ['a', 'b'], ['ab', 'c'], ['x', 'abc'], ['a', 'bc']];
    const r2 = bpeSegment('xabc', g, { endOfWord: '' });
    const s2 = bpeSegmentSequential('xabc', g, { endOfWord: '' });
    const h2 = rankOrderHypotheses('xabc', g, '');
    const ok = show(r0) === show(s0) && show(r1) !== show(s1) && h2.h1 && !h2.h2 && show(r2) !== show(s2);
    return [
      {
        id: 'text.bpe-rank-order',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `Applying the merges one pass per rule in learned order equals tiktoken/HF rank encoding (lowest rank, leftmost, repeatedly) whenever (H1) every operand is made before it is used and (H2) every merge makes a new symbol — the notes' own "merged into a *new single symbol*" (004:107); proof in the spec. ` +
          `"lowest" with the notes' merges: ${show(r0)} both ways. Neither hypothesis can be dropped: [(x, ab), (a, b)] on "xab" (H1 broken) gives ${show(r1)} by rank, ${show(s1)} in list order; ` +
          `[${g.map((p) => `(${p.join(', ')})`).join(', ')}] on "xabc" (H1 holds, H2 broken: "abc" made twice) gives ${show(r2)} by rank, ${show(s2)} in list order.`,
      },
    ];
  },
};
