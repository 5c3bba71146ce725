/**
 * text.tfidf-v2 — tf = log₁₀(1 + count), idf = log₁₀(N/df), cosine ranking of the "sweet love" query.
 * Seed 004_975819c312b074f9.txt, lines 2726–2770 (the query table at 2735, documents at 2757).
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import type { Interval } from '../numerics/interval.js';
import { tfidfEnclose, tfEnclose, idfEnclose, cosineEnclose, type TfScheme } from '../oracles/text.js';
import { showIv, roundsTo } from './text-shared.js';
import { tfidfArb, tfidfConformance, type TfidfOpArgs } from './text-stats-shared.js';

const DOCS = [['sweet', 'sweet', 'nurse', 'love'], ['sweet', 'sorrow'], ['how', 'sweet', 'is', 'love'], ['nurse']];
const QUERY = ['sweet', 'love'];
const VOCAB = ['sweet', 'nurse', 'love', 'how', 'sorrow', 'is'];

/** Query and document vectors and the two cosines of the notes' example under a tf scheme. */
export function notesExample(tf: TfScheme) {
  const o = { tf, idf: 'log-ratio' as const, base: 10 as const };
  const d = tfidfEnclose(DOCS, VOCAB, o);
  const df = VOCAB.map((v) => DOCS.filter((x) => x.includes(v)).length);
  const q: Interval[] = VOCAB.map((v, j) => {
    const c = QUERY.filter((t) => t === v).length;
    return c === 0 ? { lo: 0, hi: 0 } as Interval : mulIv(tfEnclose(c, QUERY.length, tf, 10), idfEnclose(DOCS.length, df[j]!, 'log-ratio', 10)!);
  });
  return { q, d, cos: d.map((x) => cosineEnclose(q, x)) };
}
function mulIv(a: Interval, b: Interval): Interval {
  const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  // outward by 2 ulps: the enclosures are strictly positive here, products of two directed bounds
  return { lo: Math.min(...p) * (1 - 2 ** -51), hi: Math.max(...p) * (1 + 2 ** -51) } as Interval;
}

const docsArb = fc.array(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 5 });

export const claim: ClaimModule = {
  id: 'text.tfidf-v2',
  properties: [
    {
      name: 'conformance-log-tf',
      kind: 'conformance',
      description: 'With the logarithmic tf forms of 004:2726 (log1p: log(1 + count)) and of its tables (sublinear: 1 + log count), base 10 and e, the implementation\'s TF-IDF matrix is within the derived bound of the exact enclosure.',
      arbitrary: tfidfArb.chain((a) => fc.constantFrom('log1p' as const, 'sublinear' as const).map((tf) => ({ ...a, tf }))),
      ops: ['text.tfidf'],
      runs: 40,
      check: (a: TfidfOpArgs, impl) => tfidfConformance(a, impl!),
    },
    {
      name: 'tf-schemes-differ',
      kind: 'identity',
      description: 'log₁₀(1 + c) and 1 + log₁₀ c agree at no count c ≥ 1 except none (c = 1 gives log₁₀2 vs 1); both are increasing and sublinear; a document term with count 0 scores 0 under both; the cosine lies in [0, 1].',
      arbitrary: docsArb,
      runs: 80,
      check: (docs: string[][]) => {
        const vocab = ['a', 'b', 'c'];
        for (const tf of ['log1p', 'one-plus-log'] as const) {
          const m = tfidfEnclose(docs, vocab, { tf, idf: 'log-ratio', base: 10 });
          for (let i = 0; i < docs.length; i++) for (let j = 0; j < 3; j++) {
            if (!docs[i]!.includes(vocab[j]!) && (m[i]![j]!.lo !== 0 || m[i]![j]!.hi !== 0)) return { ok: false, detail: 'absent term with non-zero weight' };
            if (m[i]![j]!.lo < 0) return { ok: false, detail: 'negative weight' };
          }
          for (let i = 1; i < docs.length; i++) {
            if (m[0]!.every((x) => x.hi === 0) || m[i]!.every((x) => x.hi === 0)) continue;
            const c = cosineEnclose(m[0]!, m[i]!);
            if (c.lo > 1 + 1e-12 || c.hi < -1e-12) return { ok: false, detail: `cosine ${c}` };
          }
        }
        for (let c = 1; c <= 50; c++) {
          const a = tfEnclose(c, c, 'log1p', 10), b = tfEnclose(c, c, 'one-plus-log', 10);
          if (!(a.hi < b.lo)) return { ok: false, detail: `count ${c}: log10(1+c) ${a} not below 1+log10 c ${b}` };
        }
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const notes = notesExample('log1p');
    const table = notesExample('one-plus-log');
    const idfSweet = idfEnclose(4, 3, 'log-ratio', 10)!;
    const qtf = tfEnclose(1, 2, 'log1p', 10);
    const d1tf = tfEnclose(2, 4, 'log1p', 10);
    const tableOk = roundsTo(idfSweet, 0.125, 3) && roundsTo(table.cos[0]!, 0.747, 3) && roundsTo(table.cos[1]!, 0.0779, 4);
    const nq = (v: Interval[]) => Math.sqrt(v.reduce((a, x) => a + ((x.lo + x.hi) / 2) ** 2, 0));
    return [
      {
        id: 'text.tfidf-v2',
        verdict: 'refuted',
        evidence: `The notes define tf = log₁₀(1 + count) (004:2726), but the tables use tf = 1 + log₁₀(count) (count > 0), the other textbook convention: ` +
          `query count 1 → tf printed 1, the notes' formula gives log₁₀2 = ${showIv(qtf)}; Doc 1 "sweet" count 2 → tf printed 1.301 = 1 + log₁₀2, the formula gives log₁₀3 = ${showIv(d1tf)}. ` +
          `idf(sweet) = log₁₀(4/3) = ${showIv(idfSweet)} (0.125), idf 0.301 and 0.602 are right. With the table's tf the cosines are ${showIv(table.cos[0]!, 4)} and ${showIv(table.cos[1]!, 4)} ` +
          `(printed 0.747, 0.0779${tableOk ? ', consistent' : ', NOT consistent'}); with the notes' own tf they are ${showIv(notes.cos[0]!, 4)} and ${showIv(notes.cos[1]!, 4)} (same ranking).`,
      },
      {
        id: 'text.tfidf-v2#documents',
        verdict: 'refuted',
        evidence: `The document table (004:2754–2762) prints tf 1.301 for "sweet" ×2 in Doc 1 and 1.000 for a count of 1: 1 + log₁₀ count, not the notes' log₁₀(1 + count) = ${showIv(d1tf)} and ${showIv(qtf)}; ` +
          `with the notes' tf Doc 1's "sweet" weight is ${showIv(notes.d[0]![0]!, 4)}, not 0.163.`,
      },
      {
        id: 'text.tfidf-v2#cosines',
        verdict: 'refuted',
        evidence: `Cosines 0.747 and 0.0779 (004:2768–2770) follow from the tables' tf (${showIv(table.cos[0]!, 4)}, ${showIv(table.cos[1]!, 4)}); with the notes' definition tf = log₁₀(1 + count) they are ${showIv(notes.cos[0]!, 4)} and ${showIv(notes.cos[1]!, 4)}.`,
      },
      {
        id: 'text.tfidf-v2#norms',
        verdict: 'confirmed',
        evidence: `With the table's weights, |q| = √(.125² + .301²) = ${nq(table.q).toFixed(4)} (printed .326), |d₁| = ${nq(table.d[0]!).toFixed(4)} (.456), |d₂| = ${nq(table.d[1]!).toFixed(4)} (.615): the arithmetic of 004:2742–2766 is right.`,
      },
    ];
  },
};
