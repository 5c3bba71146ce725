/**
 * `lemmata/arbitraries`: fast-check arbitraries for the inputs of every op, by op id — the
 * generators the fixtures and the gate use (adversarial classes included: near-ties, tiny and
 * huge magnitudes, degenerate shapes) — plus the shared element arbitraries.
 *
 *   fc.assert(fc.property(opArbitrary('nn.softmax'), (args) => …))
 *
 * The arbitraries are built with the fast-check this package depends on.
 */
import fc from 'fast-check';
import { OPS } from '../ops/index.js';
import { fixtureOp } from '../fixtures/accept.js';

export { f32, f32Scaled, f32NearTies, f32Mixed, vector, matrix, smallRational, probabilityVector } from '../properties/arbitraries.js';

/** Op arguments: a plain object as the op catalogue documents it (matrices as arrays of rows). */
export type OpArgs = Record<string, unknown>;

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const f32In = (min: number, max: number) => fc.float({ min: Math.fround(min), max: Math.fround(max), noNaN: true, noDefaultInfinity: true })
  .map((x) => (Object.is(x, -0) ? 0 : x));

/** Small arbitraries for the sampling ops (no fixtures: their outputs are checked statistically). */
const SAMPLING: Record<string, fc.Arbitrary<OpArgs>> = {
  'random.normal': fc.record({ n: fc.integer({ min: 1, max: 1000 }), mean: f32In(-100, 100), std: f32In(2 ** -10, 100), seed: seedArb }),
  'random.bernoulli-mask': fc.record({ n: fc.integer({ min: 1, max: 1000 }), p: f32In(0, 1), seed: seedArb }),
  'dec.sample': fc.record({ logits: fc.array(f32In(-8, 8), { minLength: 1, maxLength: 16 }), temperature: fc.constantFrom(0.5, 1, 2), topK: fc.integer({ min: 0, max: 4 }), topP: fc.constantFrom(0.5, 0.9, 1), n: fc.integer({ min: 1, max: 1000 }), seed: seedArb }),
  'pre.mlm-mask': fc.integer({ min: 1, max: 200 }).chain((n) => fc.record({ tokens: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: n, maxLength: n }), vocab: fc.constant(100), maskId: fc.constant(3), special: fc.constant([0, 1, 2, 3]), seed: seedArb })),
};

function build(opId: string): fc.Arbitrary<OpArgs> | undefined {
  const s = SAMPLING[opId];
  if (s) return s;
  const m = fixtureOp(opId);
  if (!m) return undefined;
  const { arb, expand } = m.arbitrary as { arb: fc.Arbitrary<unknown>; expand?: (s: unknown) => { suffix: string; args: OpArgs }[] };
  if (!expand) return arb as fc.Arbitrary<OpArgs>;
  // A sample may expand into several argument sets (e.g. the three tie-break rules of text.bpe-train).
  return arb.chain((s) => {
    const parts = expand(s).map((p) => p.args);
    return parts.length === 1 ? fc.constant(parts[0]!) : fc.constantFrom(...parts);
  });
}

const cache = new Map<string, fc.Arbitrary<OpArgs>>();

/** The op ids that have an arbitrary (every op of the catalogue). */
export const ARBITRARY_OPS: readonly string[] = OPS.map((o) => o.id).filter((id) => build(id) !== undefined);

/** The arbitrary of an op's arguments. Throws RangeError for an unknown op id. */
export function opArbitrary(opId: string): fc.Arbitrary<OpArgs> {
  let a = cache.get(opId);
  if (!a) {
    a = build(opId);
    if (!a) throw new RangeError(`no arbitrary for op '${opId}'; known: ${ARBITRARY_OPS.join(', ')}`);
    cache.set(opId, a);
  }
  return a;
}

/** The hand-written edge cases of an op (those of its golden fixtures), as plain arguments. Empty for sampling ops. */
export function edgeCases(opId: string): { name: string; args: OpArgs }[] {
  const m = fixtureOp(opId);
  if (!m && !SAMPLING[opId]) throw new RangeError(`unknown op '${opId}'`);
  return m ? m.edgeCases.map((e) => ({ name: e.name, args: structuredClone(e.args) as OpArgs })) : [];
}
