/**
 * seq.bio — the BIO (IOB2) validity automaton: I-X only continues an entity of type X (after B-X or I-X);
 * "A sequence cannot start with I-XXX" (004:952), "If previous tag is B-PER, the next must be: I-PER OR
 * O OR B-xxx" (004:970–974). Valid sequences are exactly the encodings of disjoint typed spans.
 * Seed 004_975819c312b074f9.txt, line 952: "BIO rule: A sequence **cannot start with I-XXX** — you must begin with B-PER."
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { bioValid, bioChunks, bioEncode, bioAllowed, bioTagSet } from '../oracles/sequence.js';

const TYPES = ['PER', 'LOC', 'ORG'];
const tagArb = fc.constantFrom(...bioTagSet(TYPES));
const seqArb = fc.array(tagArb, { minLength: 0, maxLength: 9 });

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
