/**
 * seq.bio — the BIO (IOB2) validity automaton: I-X only continues an entity of type X (after B-X or I-X);
 * "A sequence cannot start with I-XXX" (004:952), "If previous tag is B-PER, the next must be: I-PER OR
 * O OR B-xxx" (004:970–974). Valid sequences are exactly the encodings of disjoint typed spans.
 * Seed 004_975819c312b074f9.txt, line 952: "BIO rule: A sequence **cannot start with I-XXX** — you must begin with B-PER."
 */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { classes, type Tagged } from './gen-helpers.js';
import { bioValid, bioChunks, bioEncode, bioAllowed, bioTagSet } from '../oracles/sequence.js';

const TYPES = ['PER', 'LOC', 'ORG'];
const tagArb = fc.constantFrom(...bioTagSet(TYPES));
const seqArb = fc.array(tagArb, { minLength: 0, maxLength: 9 });

/** Arguments of seq.bio-decode. */
export interface BioDecodeArgs { tags: string[] }
const spansArb = (n: number) => fc.array(fc.tuple(fc.integer({ min: 0, max: Math.max(0, n - 1) }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(...TYPES)), { maxLength: 4 })
  .map((raw) => {
    const spans: { start: number; end: number; type: string }[] = [];
    for (const [s, len, type] of raw.sort((a, b) => a[0] - b[0])) {
      const e = Math.min(n - 1, s + len - 1);
      if (n === 0 || spans.some((x) => !(e < x.start || s > x.end))) continue;
      spans.push({ start: s, end: e, type });
    }
    return bioEncode(spans, n);
  });
const validArb = fc.integer({ min: 1, max: 12 }).chain(spansArb);
/** A valid sequence with one tag at a random position replaced by `f(prev)` (prev = the tag before it, null at the start). */
const corrupt = (f: (prev: string | null, rnd: number) => string | null) => fc.tuple(validArb, fc.nat(), fc.nat()).map(([tags, i, r]) => {
  const out = tags.slice();
  const idx = i % out.length;
  const rep = f(idx === 0 ? null : out[idx - 1]!, r);
  if (rep !== null) out[idx] = rep;
  return out;
});
const iAfterO = fc.tuple(validArb, fc.nat(), fc.constantFrom(...TYPES)).map(([tags, i, type]) => {
  const out = tags.slice();
  const os = out.map((t, k) => (k === 0 || out[k - 1] === 'O' ? k : -1)).filter((k) => k >= 0);
  out[os[i % os.length]!] = `I-${type}`;
  return out;
});
const typeSwitch = corrupt((prev, r) => (prev === null || prev === 'O' ? null : `I-${TYPES.filter((t) => t !== prev.slice(2))[r % 2]}`))
  .filter((tags) => tags.some((t, k) => k > 0 && t.startsWith('I-') && tags[k - 1] !== 'O' && tags[k - 1]!.slice(2) !== t.slice(2)));
/** The input classes of seq.bio-decode (weights /40), declared in src/ops/sequence.ts. */
export const bioDecodeArb: fc.Arbitrary<Tagged<BioDecodeArgs>> = classes([
  { name: 'valid', weight: 14, arb: validArb.map((tags) => ({ tags })) },
  { name: 'I-after-O', weight: 10, arb: iAfterO.map((tags) => ({ tags })) },
  { name: 'type-switch', weight: 7, arb: typeSwitch.map((tags) => ({ tags })) },
  { name: 'random', weight: 7, arb: fc.array(tagArb, { minLength: 1, maxLength: 12 }).map((tags) => ({ tags })) },
  { name: 'long', weight: 2, arb: fc.integer({ min: 64, max: 512 }).chain((n) => fc.oneof(spansArb(n), fc.array(tagArb, { minLength: n, maxLength: n }))).map((tags) => ({ tags })) },
  { name: 'empty', weight: 1, arb: fc.constant({ tags: [] as string[] }) },
]);

/** Judge a returned span list against the conlleval chunks (exact equality, in order). */
export function checkBioDecode(a: BioDecodeArgs, got: unknown): Outcome {
  const want = bioChunks(a.tags).map((c) => [c.start, c.end, c.type] as const);
  if (!Array.isArray(got)) return { ok: false, detail: `not a list: ${JSON.stringify(got)}` };
  const show = (xs: readonly (readonly unknown[])[]) => xs.map((x) => `[${x.join(', ')}]`).join(' ');
  const same = got.length === want.length && want.every((w, i) => Array.isArray(got[i]) && got[i].length === 3 && got[i][0] === w[0] && got[i][1] === w[1] && got[i][2] === w[2]);
  return same ? { ok: true } : { ok: false, detail: `${a.tags.join(' ')}: got ${show(got as unknown[][])}, expected ${show(want)} (conlleval: I-X after O or another type starts a chunk)` };
}

export const claim: ClaimModule = {
  id: 'seq.bio',
  properties: [
    {
      name: 'automaton-equals-span-encoding',
      kind: 'identity',
      description: 'A tag sequence is accepted by the IOB2 automaton iff it is the encoding of its own chunks (decode to spans, re-encode, get the same tags): two independent characterisations of validity.',
      arbitrary: seqArb,
      runs: 200,
      check: (tags: string[]) => {
        const round = bioEncode(bioChunks(tags), tags.length);
        const same = round.every((t, i) => t === tags[i]);
        return bioValid(tags) === same ? { ok: true } : { ok: false, detail: `${tags.join(' ')}: automaton ${bioValid(tags)}, round trip ${round.join(' ')}` };
      },
    },
    {
      name: 'pairwise-transitions',
      kind: 'identity',
      description: 'Validity is a first-order (Markov) property: a sequence is valid iff its start tag and every adjacent pair are allowed transitions — the transition mask a BIO-constrained CRF uses (004:1017–1023).',
      arbitrary: seqArb,
      runs: 200,
      check: (tags: string[]) => {
        const pairs = tags.every((t, i) => bioAllowed(i === 0 ? null : tags[i - 1]!, t));
        return bioValid(tags) === pairs ? { ok: true } : { ok: false, detail: `${tags.join(' ')}: automaton ${bioValid(tags)}, pairwise ${pairs}` };
      },
    },
    {
      name: 'tfjs-bio-decode',
      kind: 'conformance',
      description: 'The implementation’s span decoder (op seq.bio-decode) returns exactly the conlleval chunks: [start, end] inclusive with the type, a chunk started by B-X or by an I-X that does not continue an open X chunk, ended by O, B-*, or I-Y of another type.',
      arbitrary: bioDecodeArb,
      ops: ['seq.bio-decode'],
      runs: 100,
      check: (a0: Tagged<BioDecodeArgs>, impl: Implementation | null) => {
        const a = { tags: a0.tags };
        return checkBioDecode(a, impl!.ops['seq.bio-decode']!(a));
      },
    },
    {
      name: 'decode-encode-valid',
      kind: 'identity',
      description: 'Decoding is a left inverse of encoding on valid sequences and a repair on invalid ones: the chunks of any sequence are disjoint, ordered and typed, their IOB2 encoding is valid, and decoding that encoding gives the same chunks (idempotent repair).',
      arbitrary: bioDecodeArb,
      runs: 150,
      check: (a: Tagged<BioDecodeArgs>) => {
        const c = bioChunks(a.tags);
        for (let i = 0; i < c.length; i++) if (c[i]!.start > c[i]!.end || (i > 0 && c[i - 1]!.end >= c[i]!.start)) return { ok: false, detail: `chunks overlap or are out of order at ${i}` };
        const enc = bioEncode(c, a.tags.length);
        if (!bioValid(enc)) return { ok: false, detail: `re-encoding ${enc.join(' ')} is invalid` };
        const again = bioChunks(enc);
        if (JSON.stringify(again) !== JSON.stringify(c)) return { ok: false, detail: 'decode ∘ encode ∘ decode ≠ decode' };
        if (bioValid(a.tags) && enc.some((t, i) => t !== a.tags[i])) return { ok: false, detail: 'a valid sequence is not the encoding of its chunks' };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const case1 = ['I-PER', 'I-PER', 'O', 'I-PER', 'I-PER'];
    const case2 = ['B-PER', 'I-PER', 'O', 'B-PER', 'I-LOC'];
    const gold = ['B-PER', 'I-PER', 'O', 'B-PER', 'I-PER'];
    const after = bioTagSet(TYPES).filter((t) => bioAllowed('B-PER', t));
    const chunks3 = bioChunks(case1);
    const words = ['Barack', 'Obama', 'met', 'Angela', 'Merkel'];
    return [
      {
        id: 'seq.bio',
        verdict: 'confirmed',
        evidence: `IOB2 automaton: gold ${gold.join(' ')} valid (${bioValid(gold)}); case 1 ${case1.join(' ')} invalid (${!bioValid(case1)}; I-PER at the start and after O); ` +
          `case 2 ${case2.join(' ')} invalid (${!bioValid(case2)}; B-PER → I-LOC). Tags allowed after B-PER (types ${TYPES.join(', ')}): ${after.join(', ')} — exactly "I-PER OR O OR B-xxx". ` +
          `O → I-PER and start → I-PER are forbidden, B-PER → I-PER and B-LOC → I-LOC allowed (004:1017–1023).`,
      },
      {
        id: 'seq.bio#case-3',
        verdict: 'refuted',
        evidence: `004:992 says case 3 (${case1.join(' ')}) "looks like one long entity: 'Barack Obama met Angela Merkel'". "met" is tagged O, which closes any entity under every reading: ` +
          `conlleval's lenient chunking (an I-X after O starts a new chunk) gives ${chunks3.length} entities ${chunks3.map((c) => `"${words.slice(c.start, c.end + 1).join(' ')}" (${c.type})`).join(' and ')}; ` +
          `strict IOB2 rejects the sequence (no entity at all). Neither yields one 5-token entity; the invalid I- tags only blur where the entities start.`,
      },
    ];
  },
};
