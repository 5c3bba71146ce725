/**
 * peft.prefix-context — prefix tokens occupy the context: 4096 − 100 = 3996 tokens remain; the KV cache of a
 * request holds the prefix at every layer: 2·L·(P + n)·d values.
 * Seed 004_975819c312b074f9.txt, line 3087: "1. **Context-window reduction.** Prefix tokens occupy the model's finite context. Example: 4096 token limit – 100 prefix tokens = 3996 tokens available for the user. That subtraction is permanent while using that prefix length."
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { kvCacheValues, prefixContext } from '../oracles/peft.js';

const d = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });

export const claim: ClaimModule = {
  id: 'peft.prefix-context',
  properties: [
    {
      name: 'context-and-cache',
      kind: 'identity',
      description: 'Filling a context of N positions with P prefix positions leaves exactly N − P positions (counted slot by slot), and the per-request KV cache grows by exactly 2·L·P·d values over the prefix-free cache.',
      arbitrary: fc.record({ N: d(1, 8192), frac: fc.double({ min: 0, max: 1, noNaN: true }), L: d(1, 96), dm: d(1, 12288), n: d(0, 4096) }).map((a) => ({ ...a, P: Math.floor(a.frac * a.N) })),
      runs: 100,
      check: ({ N, P, L, dm, n }) => {
        let free = 0;
        for (let pos = 0; pos < N; pos++) if (pos >= P) free++;
        if (free !== prefixContext(N, P)) return { ok: false, detail: `counted ${free}, formula ${prefixContext(N, P)}` };
        const extra = kvCacheValues(L, dm, P, n) - kvCacheValues(L, dm, 0, n);
        return extra === 2n * BigInt(L) * BigInt(P) * BigInt(dm) ? { ok: true } : { ok: false, detail: `extra cache ${extra}` };
      },
    },
  ],
  audit: () => {
    const left = prefixContext(4096, 100);
    const extra = kvCacheValues(32, 4096, 100, 0);
    return [
      {
        id: 'peft.prefix-context',
        verdict: left === 3996 ? 'confirmed' : 'refuted',
        evidence: `4096 − 100 = ${left} (exact). Prefix activations take P of the N positions of every layer's attention (and, with learned or rotary positions, the position ids of the user tokens start at P), so the user has N − P.`,
      },
      {
        id: 'peft.prefix-context#kv-cache',
        verdict: 'confirmed',
        evidence: `The KV cache of one request holds keys and values of the prefix at every layer: 2·L·P·d extra values, e.g. L = 32, d = 4096, P = 100: ${extra} values (${extra * 2n} bytes in fp16) per request (004:3091–3094).`,
      },
    ];
  },
};
