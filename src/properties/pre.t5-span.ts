/**
 * pre.t5-span — T5 span corruption (004:1983–2025): each corrupted span is replaced by one sentinel in the
 * input; the target lists each sentinel followed by its span, and ends with a final sentinel (the paper's
 * <Z>; HF T5 then appends </s>). Input and target together restore the text exactly.
 * Seed 004_975819c312b074f9.txt, line 2009: "Artificial intelligence is <extra_id_0> industries across the <extra_id_1> by enabling <extra_id_2> enhanced decision-making ."
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { t5Corrupt, t5Restore, type Span } from '../oracles/pretraining.js';

/** Random disjoint non-empty spans over n tokens. */
export const spansArb = (n: number, minLen: number): fc.Arbitrary<Span[]> => fc.array(fc.tuple(fc.integer({ min: 0, max: n }), fc.integer({ min: minLen, max: 4 })), { maxLength: 4 })
  .map((raw) => {
    const out: Span[] = []; let pos = 0;
    for (const [gap, len] of raw.sort((a, b) => a[0] - b[0])) {
      const start = Math.max(pos, gap);
      if (start + len > n) break;
      out.push({ start, length: len }); pos = start + len + 1;
    }
    return out;
  });

const TEXT = 'Artificial | intelligence | is | transforming | industries | across | the | world | by | enabling | automation | insights | and | enhanced | decision-making .';

export const claim: ClaimModule = {
  id: 'pre.t5-span',
  properties: [
    {
      name: 'restore-and-lengths',
      kind: 'identity',
      description: 'For disjoint non-empty spans (separated by ≥ 1 kept token) the input has n − Σ|span| + #spans tokens, the target Σ|span| + #spans + 1, and putting the target’s spans back at the input’s sentinels restores the text exactly.',
      arbitrary: fc.integer({ min: 1, max: 20 }).chain((n) => fc.tuple(fc.constant(n), spansArb(n, 1))),
      runs: 150,
      check: ([n, spans]: [number, Span[]]) => {
        const toks = Array.from({ length: n }, (_, i) => `w${i}`);
        const { input, target } = t5Corrupt(toks, spans);
        const m = spans.reduce((s, x) => s + x.length, 0);
        if (input.length !== n - m + spans.length) return { ok: false, detail: `input length ${input.length}` };
        if (target.length !== m + spans.length + 1) return { ok: false, detail: `target length ${target.length}` };
        const back = t5Restore(input, target);
        return back.join(' ') === toks.join(' ') ? { ok: true } : { ok: false, detail: `restored ${back.join(' ')}` };
      },
    },
  ],
  audit: () => {
    const toks = [...TEXT.replace(' .', ' | .').split(' | ')];
    const spans: Span[] = [{ start: 3, length: 1 }, { start: 7, length: 1 }, { start: 10, length: 3 }];
    const { input, target } = t5Corrupt(toks, spans);
    const noted = 'Artificial intelligence is <extra_id_0> industries across the <extra_id_1> by enabling <extra_id_2> enhanced decision-making .';
    const notedTarget = '<extra_id_0> transforming <extra_id_1> world <extra_id_2> automation insights and';
    return [
      {
        id: 'pre.t5-span',
        verdict: 'confirmed',
        evidence: `${toks.length} tokens (15% = ${(0.15 * toks.length).toFixed(1)} ≈ 2–3, as stated); the three spans [transforming], [world], [automation insights and] give the input "${input.join(' ')}" — ` +
          `${input.join(' ') === noted ? 'identical to' : 'DIFFERENT from'} 004:2009 — and the target "${target.join(' ')}", whose spans and sentinels match 004:2021 ("${notedTarget} <Z>"). ` +
          `The example corrupts 5 of 16 tokens (31%), not 15% ("assume"), which the notes leave as an illustration.`,
      },
      {
        id: 'pre.t5-span#final-sentinel',
        verdict: 'refuted',
        evidence: `004:2023 reads <Z> as EOS ("Ends with <Z> (EOS)"). In T5 (Raffel et al. 2020, Fig. 2: "<X> for inviting <Y> last <Z>") <Z> is the final SENTINEL, here <extra_id_${spans.length}>; ` +
          `the target is "${target.join(' ')}" followed by the end-of-sequence token </s> (HF T5 tokenizer), so the last two target tokens are <extra_id_3> </s>, not one EOS.`,
      },
    ];
  },
};
