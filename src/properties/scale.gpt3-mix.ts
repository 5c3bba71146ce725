/**
 * scale.gpt3-mix — the GPT-3 training mix: effective epochs = 300B × weight / dataset tokens.
 * Seed 004_975819c312b074f9.txt, lines 2211–2217 (the table of datasets, weights and epochs).
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { effectiveEpochs } from '../oracles/scaling.js';

const R = (s: string) => Rational.parse(s);
/** The notes' rows: tokens (billions), weight (%), epochs, and the number of decimals the epochs are given to. */
export const GPT3_MIX = [
  { name: 'Common Crawl (filtered)', tokens: '410', weight: '60', epochs: '0.44', decimals: 2 },
  { name: 'WebText2', tokens: '19', weight: '22', epochs: '2.9', decimals: 1 },
  { name: 'Books1', tokens: '12', weight: '8', epochs: '1.9', decimals: 1 },
  { name: 'Books2', tokens: '55', weight: '8', epochs: '0.43', decimals: 2 },
  { name: 'Wikipedia', tokens: '3', weight: '3', epochs: '3.4', decimals: 1 },
] as const;
const TOTAL = R('300');

/**
 * The range of epochs compatible with the rounded table: weight within ±0.5 percentage points, tokens
 * within ±0.5 billion; and the range the notes' epochs stand for (± half a unit of the last decimal).
 */
export function mixRow(r: (typeof GPT3_MIX)[number]) {
  const half = R('0.5'), hundred = R('100');
  const w = R(r.weight).div(hundred), t = R(r.tokens);
  const exact = effectiveEpochs(TOTAL, w, t);
  const lo = effectiveEpochs(TOTAL, R(r.weight).sub(half).div(hundred), t.add(half));
  const hi = effectiveEpochs(TOTAL, R(r.weight).add(half).div(hundred), t.sub(half));
  const e = R(r.epochs), d = Rational.of(1, 2 * 10 ** r.decimals);
  const consistent = !(hi.lt(e.sub(d)) || lo.gt(e.add(d)));
  return { exact, lo, hi, consistent };
}

export const claim: ClaimModule = {
  id: 'scale.gpt3-mix',
  properties: [
    {
      name: 'epochs-times-tokens',
      kind: 'identity',
      description: 'Exactly: with effective epochs e_i = T·w_i/t_i, Σ_i e_i·t_i = T·Σ_i w_i, so a mix whose weights sum to 1 spends exactly the T training tokens; e_i is increasing in w_i and decreasing in t_i.',
      arbitrary: fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 8 }),
      runs: 150,
      check: (rows: [number, number][]) => {
        const W = rows.reduce((s, [w]) => s + w, 0);
        const ws = rows.map(([w]) => Rational.of(w, W)), ts = rows.map(([, t]) => Rational.fromInt(t));
        const es = ws.map((w, i) => effectiveEpochs(TOTAL, w, ts[i]!));
        const spent = Rational.sum(es.map((e, i) => e.mul(ts[i]!)));
        if (!spent.eq(TOTAL)) return { ok: false, detail: `Σ e_i t_i = ${spent} ≠ ${TOTAL}` };
        const more = effectiveEpochs(TOTAL, ws[0]!.mul(Rational.of(3, 2)), ts[0]!);
        if (!more.gt(es[0]!)) return { ok: false, detail: 'not increasing in the weight' };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const rows = GPT3_MIX.map((r) => ({ ...r, ...mixRow(r) }));
    const bad = rows.filter((r) => !r.consistent);
    const wsum = GPT3_MIX.reduce((s, r) => s + Number(r.weight), 0);
    const fmt = (q: Rational) => q.toDecimal(3);
    return [{
      id: 'scale.gpt3-mix',
      verdict: bad.length ? 'refuted' : 'confirmed',
      evidence: `Effective epochs = 300B × weight / tokens. ` +
        rows.map((r) => `${r.name}: 300 × ${r.weight}% / ${r.tokens}B = ${fmt(r.exact)} (notes ${r.epochs}; the rounded inputs allow [${fmt(r.lo)}, ${fmt(r.hi)}])`).join('; ') + '. ' +
        (bad.length ? `${bad.map((r) => r.name).join(', ')}: ${bad.map((r) => r.epochs).join(', ')} epochs is incompatible with the row's own tokens and weight under any rounding of them. ` : '') +
        `The weights sum to ${wsum}% (rounding). The same figures appear in Brown et al. (2020), Table 2.2, whose epochs were not computed from the rounded columns.`,
    }];
  },
};
