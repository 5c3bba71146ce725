/**
 * attn.t5-bias — T5's relative position bias: Attention(i, j) = Q_i·K_j/√d_k + b_{bucket(j−i)}, with
 * the bucket function of the T5 reference (mesh_tensorflow / HF `_relative_position_bucket`): offsets
 * below max_exact get their own bucket, larger ones share logarithmically growing ranges, and every
 * offset from the last range on (through max_distance and beyond) shares the last bucket.
 * Seed 004_975819c312b074f9.txt, lines 1964–1979.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { t5BucketExact } from '../oracles/attention.js';
import { prop } from './attn-shared.js';

/**
 * The T5 reference's buckets for rel = j − i ∈ [−300, 300], run-length encoded ([bucket, count] from
 * rel = −300 up), for (bidirectional, num_buckets, max_distance): the output of
 * `/usr/bin/python3 clients/python/t5_bucket_reference.py 300` (HF transformers' T5Attention._relative_position_bucket
 * transcribed verbatim, float32 log in PyTorch 1.13). A peer's output, not an oracle: the property compares
 * the exact integer bucket with it.
 */
export const T5_REFERENCE_R = 300;
export const T5_REFERENCE_RUNS: Record<string, [number, number][]> = {"true,32,128":[[15,210],[14,27],[13,18],[12,14],[11,9],[10,7],[9,4],[8,4],[7,1],[6,1],[5,1],[4,1],[3,1],[2,1],[1,1],[0,1],[17,1],[18,1],[19,1],[20,1],[21,1],[22,1],[23,1],[24,4],[25,4],[26,7],[27,9],[28,14],[29,18],[30,27],[31,210]],"true,16,64":[[7,269],[6,16],[5,8],[4,4],[3,1],[2,1],[1,1],[0,1],[9,1],[10,1],[11,1],[12,4],[13,8],[14,16],[15,269]],"true,8,20":[[3,294],[2,5],[1,1],[0,1],[5,1],[6,5],[7,294]],"false,32,128":[[31,188],[30,14],[29,12],[28,10],[27,10],[26,8],[25,7],[24,6],[23,6],[22,5],[21,4],[20,4],[19,3],[18,3],[17,2],[16,3],[15,1],[14,1],[13,1],[12,1],[11,1],[10,1],[9,1],[8,1],[7,1],[6,1],[5,1],[4,1],[3,1],[2,1],[1,1],[0,301]],"false,16,64":[[15,251],[14,11],[13,9],[12,7],[11,5],[10,4],[9,3],[8,3],[7,1],[6,1],[5,1],[4,1],[3,1],[2,1],[1,1],[0,301]],"false,8,20":[[7,287],[6,5],[5,3],[4,2],[3,1],[2,1],[1,1],[0,301]]};

export const T5_CONFIGS = Object.keys(T5_REFERENCE_RUNS).map((key) => {
  const [bi, nb, md] = key.split(',');
  const runs = T5_REFERENCE_RUNS[key]!;
  const table = runs.flatMap(([b, c]) => new Array<number>(c).fill(b));
  return { key, bidirectional: bi === 'true', numBuckets: Number(nb), maxDistance: Number(md), table };
});

/** The distinct-offset ranges of a bidirectional configuration for j − i ≥ 0, up to R: [bucket, first, last]. */
export function bucketRanges(numBuckets: number, maxDistance: number, R: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let n = 0; n <= R; n++) {
    const b = t5BucketExact(n, true, numBuckets, maxDistance);
    const last = out[out.length - 1];
    if (last && last[0] === b) last[2] = n; else out.push([b, n, n]);
  }
  return out;
}

const configArb = fc.record({
  bidirectional: fc.boolean(),
  half: fc.integer({ min: 1, max: 32 }),
  extra: fc.integer({ min: 1, max: 400 }),
}).map(({ bidirectional, half, extra }) => {
  const numBuckets = bidirectional ? 2 * Math.max(2, half) : Math.max(2, half);
  const nb = bidirectional ? numBuckets / 2 : numBuckets;
  return { bidirectional, numBuckets, maxDistance: Math.floor(nb / 2) + extra };
});

export const claim: ClaimModule = {
  id: 'attn.t5-bias',
  properties: [
    prop({
      name: 'reference-table',
      kind: 'identity',
      description: 'The exact integer bucket (BigInt comparison md^m·me^(nb−me) ≤ n^(nb−me)·me^m instead of a floating-point log) equals the T5 reference’s bucket for every j − i ∈ [−300, 300] in six configurations ((bi)directional × (32, 128), (16, 64), (8, 20)).',
      arbitrary: fc.record({ c: fc.integer({ min: 0, max: T5_CONFIGS.length - 1 }), rel: fc.integer({ min: -T5_REFERENCE_R, max: T5_REFERENCE_R }) }),
      runs: 400,
      check: ({ c, rel }) => {
        const cf = T5_CONFIGS[c]!;
        const want = cf.table[rel + T5_REFERENCE_R]!, got = t5BucketExact(rel, cf.bidirectional, cf.numBuckets, cf.maxDistance);
        return got === want ? { ok: true } : { ok: false, detail: `${cf.key}, j − i = ${rel}: exact bucket ${got}, T5 reference ${want}` };
      },
    }),
    prop({
      name: 'small-exact-large-shared',
      kind: 'identity',
      description: 'In any configuration: offsets below max_exact get distinct buckets of their own; buckets are nondecreasing in the distance; every distance ≥ max_distance shares the last bucket; the buckets used lie in [0, num_buckets).',
      arbitrary: configArb,
      runs: 60,
      check: ({ bidirectional, numBuckets, maxDistance }) => {
        const nb = bidirectional ? numBuckets / 2 : numBuckets, me = Math.floor(nb / 2);
        const b = (n: number) => t5BucketExact(bidirectional ? n : -n, bidirectional, numBuckets, maxDistance);
        const lastBucket = (bidirectional ? nb : 0) + nb - 1;
        let prev = -1;
        for (let n = 0; n <= maxDistance + 40; n++) {
          const x = b(n);
          if (x < 0 || x >= numBuckets) return { ok: false, detail: `distance ${n}: bucket ${x} outside [0, ${numBuckets})` };
          if (n > 0 && n < me && x !== (bidirectional ? nb : 0) + n) return { ok: false, detail: `distance ${n} < max_exact = ${me}: bucket ${x}` };
          if (x < prev && n > 1) return { ok: false, detail: `distance ${n}: bucket ${x} after ${prev}` };
          if (n >= maxDistance && x !== lastBucket) return { ok: false, detail: `distance ${n} ≥ max_distance = ${maxDistance}: bucket ${x}, not the last ${lastBucket}` };
          prev = x;
        }
        return { ok: true };
      },
    }),
    prop({
      name: 'offset-sign',
      kind: 'identity',
      description: 'Bidirectional buckets of −r and r differ exactly by swapping the halves (bucket(−r) = bucket(r) ∓ nb/2 for r ≠ 0, bucket(0) = 0): keying the learned bias by i − j (004:1970) instead of j − i (004:1977, the reference) relabels the buckets one-to-one.',
      arbitrary: fc.record({ c: fc.integer({ min: 0, max: 2 }), rel: fc.integer({ min: -T5_REFERENCE_R, max: T5_REFERENCE_R }) }),
      runs: 200,
      check: ({ c, rel }) => {
        const cf = T5_CONFIGS.filter((x) => x.bidirectional)[c]!;
        const half = cf.numBuckets / 2;
        const a = t5BucketExact(rel, true, cf.numBuckets, cf.maxDistance), b = t5BucketExact(-rel, true, cf.numBuckets, cf.maxDistance);
        const ok = rel === 0 ? a === 0 && b === 0 : rel > 0 ? a === b + half : b === a + half;
        return ok ? { ok: true } : { ok: false, detail: `${cf.key}: bucket(${rel}) = ${a}, bucket(${-rel}) = ${b}` };
      },
    }),
  ],
  audit: () => {
    const ranges = bucketRanges(32, 128, 300).map(([b, lo, hi]) => (lo === hi ? `${lo}→${b}` : `${lo}–${hi === 300 ? '∞' : hi}→${b}`)).join(', ');
    return [
      {
        id: 'attn.t5-bias',
        verdict: 'confirmed',
        evidence: `T5's bucket (32 buckets, max_distance 128, bidirectional; j − i ≥ 0 shown, j − i < 0 uses buckets 0–15 the same way): ${ranges}. ` +
          'Distances 0–7 have a bucket each, 8–90 share logarithmically growing ranges (widths 4, 4, 7, 9, 14, 18, 27), and every distance ≥ 91 — including all beyond max_distance — shares the last bucket. The exact integer bucket equals the T5 reference (PyTorch) on j − i ∈ [−300, 300] in six configurations.',
      },
      {
        id: 'attn.t5-bias#offset-sign',
        verdict: 'confirmed',
        evidence: '004:1970 keys b_rel(i, j) by the bucket of i − j, 004:1977 calls the distance j − i, and the T5 reference buckets memory − query = j − i. Both are the same family of learned biases: bidirectional bucket(i − j) is bucket(j − i) with the two halves swapped (bucket(0) = 0), a one-to-one relabelling (property offset-sign).',
      },
    ];
  },
};
