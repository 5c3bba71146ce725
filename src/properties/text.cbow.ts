/**
 * text.cbow — CBOW averages the context vectors, v_context = (v_{w−2} + v_{w−1} + v_{w+1} + v_{w+2})/4,
 * order-free; the context of "world" with window 2.
 * Seed 004_975819c312b074f9.txt, line 418; context example lines 378–394.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { contextWindow, meanVector } from '../oracles/text.js';

const SENT = 'India wins the world cup next year'.split(' ');
const STOP = new Set(['the', 'a', 'is', 'to']);
const q = fc.integer({ min: -20, max: 20 }).map((n) => Rational.of(n, 3));

export const claim: ClaimModule = {
  id: 'text.cbow',
  properties: [
    {
      name: 'mean-order-free',
      kind: 'identity',
      description: 'The CBOW context vector (mean of 1–6 context vectors, d = 1–4) is unchanged by any reversal or rotation of the context, and equals the sum divided by the context size.',
      arbitrary: fc.record({ n: fc.integer({ min: 1, max: 6 }), d: fc.integer({ min: 1, max: 4 }), r: fc.nat() }).chain(({ n, d, r }) =>
        fc.record({ vs: fc.array(fc.array(q, { minLength: d, maxLength: d }), { minLength: n, maxLength: n }), r: fc.constant(r) })),
      runs: 100,
      check: ({ vs, r }: { vs: Rational[][]; r: number }) => {
        const m = meanVector(vs);
        const k = r % vs.length;
        const rot = [...vs.slice(k), ...vs.slice(0, k)];
        for (const other of [meanVector([...vs].reverse()), meanVector(rot)]) if (other.some((x, i) => !x.eq(m[i]!))) return { ok: false, detail: 'order changed the mean' };
        const sum = vs[0]!.map((_, j) => Rational.sum(vs.map((v) => v[j]!)));
        return sum.every((s, j) => s.div(Rational.fromInt(vs.length)).eq(m[j]!)) ? { ok: true } : { ok: false, detail: 'mean ≠ sum / n' };
      },
    },
    {
      name: 'window-size',
      kind: 'identity',
      description: 'With window m, position i of T tokens has min(m, i) + min(m, T−1−i) context words, the nearest ones on each side, in order [w−m … w−1, w+1 … w+m].',
      arbitrary: fc.record({ T: fc.integer({ min: 1, max: 20 }), m: fc.integer({ min: 1, max: 5 }), i: fc.nat() }),
      runs: 100,
      check: ({ T, m, i }: { T: number; m: number; i: number }) => {
        const pos = i % T;
        const toks = Array.from({ length: T }, (_, k) => k);
        const c = contextWindow(toks, pos, m);
        const want = [...toks.filter((k) => k < pos && pos - k <= m), ...toks.filter((k) => k > pos && k - pos <= m)];
        return c.join() === want.join() ? { ok: true } : { ok: false, detail: `context [${c}] ≠ [${want}]` };
      },
    },
  ],
  audit: () => {
    const raw = contextWindow(SENT, SENT.indexOf('world'), 2);
    const filtered = SENT.filter((w) => !STOP.has(w));
    const noStop = contextWindow(filtered, filtered.indexOf('world'), 2);
    const v = [[1, 0], [0, 2], [3, 1], [0, 1]].map((r) => r.map((x) => Rational.fromInt(x)));
    const m = meanVector(v);
    return [
      {
        id: 'text.cbow',
        verdict: 'confirmed',
        evidence: `v_context = (v_{w−2} + v_{w−1} + v_{w+1} + v_{w+2})/4 is the mean of the four context vectors, invariant under any reordering (exact, random rational vectors): e.g. (1,0), (0,2), (3,1), (0,1) → (${m.join(', ')}).`,
      },
      {
        id: 'text.cbow#context',
        verdict: 'convention-dependent',
        evidence: `"India wins the world cup next year" with window 2 (004:390): the context of "world" is [${raw.join(', ')}]; the notes' [India, wins, cup, next] (004:382) is the window-2 context only after the stop word "the" is removed ([${noStop.join(', ')}]). ` +
          'The notes removed stop words for bag-of-words (004:266) but say nothing about it here.',
      },
    ];
  },
};
