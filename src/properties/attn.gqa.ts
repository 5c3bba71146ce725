/**
 * attn.gqa — grouped-query attention: h query heads in G groups, each group sharing one key and one
 * value head (000:509–510). G = h is multi-head attention, G = 1 multi-query attention (000:509: "use
 * same W_K and W_V across heads"). KV cache: 2·L·B·T·G·d_head entries, h/G times fewer than MHA;
 * projections: d·d_head·(2h + 2G) weights. GQA equals MHA with each kv head repeated for its group.
 * Seed 000_1c190711b4cfcedd.txt, line 510: "- Better: divide heads into groups. Heads in the same group share W_K and W_V"
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { gqaProjectionParams, kvCacheEntries, type AttentionArgs } from '../oracles/attention.js';
import { precisionOf } from '../numerics/bounds.js';
import { ATTENTION_CLASSES, attentionArb, attentionArgs, attentionBoundsP, compareAttention } from './attn-ops-shared.js';
import { classes } from './gen-helpers.js';

const countArb = fc.record({
  L: fc.integer({ min: 1, max: 80 }), B: fc.integer({ min: 1, max: 8 }), T: fc.integer({ min: 1, max: 4096 }),
  G: fc.integer({ min: 1, max: 8 }), group: fc.integer({ min: 1, max: 8 }), dHead: fc.constantFrom(1, 3, 64, 128), dModel: fc.integer({ min: 1, max: 4096 }),
});

const gqaArb = classes<AttentionArgs>([ATTENTION_CLASSES[1]! as unknown as { name: string; weight: number; arb: fc.Arbitrary<AttentionArgs> }]);

/** The case with each kv head repeated for its group (consecutive grouping): Hkv = Hq. */
function repeated(a: AttentionArgs): AttentionArgs {
  const g = a.q.length / a.k.length;
  const rep = <T>(x: T[]): T[] => x.flatMap((y) => Array.from({ length: g }, () => y));
  return { ...a, k: rep(a.k), v: rep(a.v), ...(a.pastK ? { pastK: rep(a.pastK), pastV: rep(a.pastV!) } : {}) };
}

export const claim: ClaimModule = {
  id: 'attn.gqa',
  properties: [
    {
      name: 'kv-cache-size',
      kind: 'identity',
      description: 'The KV cache of L layers, B sequences of T tokens, G kv heads of width d_head holds 2·L·B·T·G·d_head entries (counted by walking the cache); MHA (G = h) holds h/G times as many as GQA, MQA (G = 1) h times fewer than MHA.',
      arbitrary: countArb,
      runs: 100,
      check: ({ L, B, T, G, group, dHead }) => {
        const h = G * group;
        const gqa = kvCacheEntries(L, B, T, G, dHead), mha = kvCacheEntries(L, B, T, h, dHead), mqa = kvCacheEntries(L, B, T, 1, dHead);
        const closed = 2n * BigInt(L) * BigInt(B) * BigInt(T) * BigInt(G) * BigInt(dHead);
        const ok = gqa === closed && mha === gqa * BigInt(group) && mha === mqa * BigInt(h);
        return ok ? { ok: true } : { ok: false, detail: `GQA ${gqa} (closed form ${closed}), MHA ${mha}, MQA ${mqa}, h = ${h}, G = ${G}` };
      },
    },
    {
      name: 'projection-params',
      kind: 'identity',
      description: 'W_Q (d × h·d_head), W_K and W_V (d × G·d_head), W_O (h·d_head × d): d·d_head·(2h + 2G) weights; sharing saves 2·d·d_head·(h − G) against MHA.',
      arbitrary: countArb,
      runs: 100,
      check: ({ G, group, dHead, dModel }) => {
        const h = G * group;
        const n = gqaProjectionParams(dModel, h, G, dHead), mha = gqaProjectionParams(dModel, h, h, dHead);
        const want = BigInt(dModel) * BigInt(dHead) * BigInt(2 * h + 2 * G);
        return n === want && mha - n === 2n * BigInt(dModel) * BigInt(dHead) * BigInt(h - G) ? { ok: true } : { ok: false, detail: `count ${n}, closed form ${want}, MHA ${mha}` };
      },
    },
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'attn.attention in its general form (MHA, GQA and MQA heads; KV caches; boolean and additive masks; explicit scale; softcap; causal top-left and bottom-right; float64-only values; the other outputs — scores, soft-capped and masked scores, present key/value —; fully masked rows under fullyMasked zero/nan) within the derived bound of the rigorous enclosure (query head h uses kv head ⌊h/(Hq/Hkv)⌋; −∞ masked scores, NaN/0 empty rows and the present cache exactly).',
      arbitrary: attentionArb,
      ops: ['attn.attention'],
      runs: 100,
      check: (c, impl) => {
        const a = attentionArgs(c, impl!.dtype);
        return compareAttention(a, impl!.ops['attn.attention']!(a) as number[][][], impl!);
      },
    },
    {
      name: 'gqa-equals-repeated-mha',
      kind: 'metamorphic',
      description: 'GQA equals multi-head attention with each kv head repeated for the consecutive query heads of its group (repeat_interleave), within twice the bound.',
      arbitrary: gqaArb,
      ops: ['attn.attention'],
      runs: 50,
      check: (c, impl) => {
        const a = attentionArgs(c, impl!.dtype);
        const x = impl!.ops['attn.attention']!(a) as number[][][], y = impl!.ops['attn.attention']!(repeated(a)) as number[][][];
        const b = attentionBoundsP(a, precisionOf(impl!));
        let worst = 0;
        for (let h = 0; h < x.length; h++) for (let t = 0; t < x[h]!.length; t++) for (let col = 0; col < x[h]![t]!.length; col++) {
          const diff = Math.abs(x[h]![t]![col]! - y[h]![t]![col]!);
          if (diff === 0) continue;
          const r = diff / (2 * b[h]![t]![col]!);
          if (!(r <= 1)) return { ok: false, ratio: r, detail: `head ${h} (Hq = ${a.q.length}, Hkv = ${a.k.length}), row ${t}: GQA ${x[h]![t]![col]}, repeated-KV MHA ${y[h]![t]![col]}` };
          worst = Math.max(worst, r);
        }
        return { ok: true, ratio: worst };
      },
    },
  ],
  audit: () => {
    // Llama-2-70B-like: L = 80, h = 64, G = 8, d_head = 128, T = 4096, one sequence
    const L = 80, h = 64, G = 8, dh = 128, T = 4096;
    const gqa = kvCacheEntries(L, 1, T, G, dh), mha = kvCacheEntries(L, 1, T, h, dh), mqa = kvCacheEntries(L, 1, T, 1, dh);
    const d = 8192;
    return [
      {
        id: 'attn.gqa',
        verdict: 'confirmed',
        evidence: `000:510: with G groups of h/G heads sharing W_K, W_V, attention equals MHA with each group's key/value head repeated (property gqa-equals-repeated-mha); the KV cache shrinks by h/G: ` +
          `L = ${L}, h = ${h}, G = ${G}, d_head = ${dh}, T = ${T}: GQA ${gqa} entries (${Number(gqa) * 2 / 2 ** 30} GiB in 16-bit), MHA ${mha} (${Number(mha) * 2 / 2 ** 30} GiB), MQA ${mqa}. ` +
          `Projection weights (d = ${d}): GQA ${gqaProjectionParams(d, h, G, dh)}, MHA ${gqaProjectionParams(d, h, h, dh)}.`,
      },
      {
        id: 'attn.gqa#mqa',
        verdict: 'confirmed',
        evidence: `000:509: one W_K, W_V for all heads and a W_Q per head is multi-query attention, GQA with G = 1: KV cache ${mqa} entries, h = ${h} times fewer than MHA (${mha}); the conformance and metamorphic properties include Hkv = 1.`,
      },
    ];
  },
};
