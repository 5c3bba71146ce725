/**
 * One test per op, generated from its schema: a valid argument sample (the op's fixture arbitrary;
 * hand-made arguments for the sampling ops), a correct result from the built-in tfjs implementation
 * (cpu), then every corruption the schema allows — a size one off, a ragged row, each wrong
 * element type, a missing or extra field, extra depth, an index out of range — must be rejected by
 * validateResult with a message naming the field, the expected and the received. And no false
 * errors: every result of the implementation on every fixture sample and edge case validates.
 */
import { describe, it, expect, expectTypeOf, beforeAll } from 'vitest';
import fc from 'fast-check';
import type { TSchema } from '@sinclair/typebox';
import { OPS, type OpArgs, type OpResult, type OpFunction } from '../../src/ops/index.js';
import { FLOAT_KIND, kindOf, shapeOf, X_BELOW, elementOf } from '../../src/ops/schema.js';
import { validateResult, validateArgs, bindSizes } from '../../src/ops/schema-check.js';
import { FIXTURES_BY_DOMAIN } from '../../src/fixtures/index.js';
import { fixtureSeed } from '../../src/fixtures/format.js';
import { createTfjsImplementation } from '../../src/impl/tfjs/index.js';
import type { Implementation } from '../../src/registry/types.js';

const FIXTURE_OPS = Object.values(FIXTURES_BY_DOMAIN).flat();
const SAMPLING_ARGS: Record<string, Record<string, unknown>[]> = {
  'random.normal': [{ n: 7, mean: 0.5, std: 2, seed: 3 }, { n: 1, mean: 0, std: 1, seed: 1 }, { n: 0, mean: 0, std: 1, seed: 2 }],
  'random.bernoulli-mask': [{ n: 9, p: 0.3, seed: 3 }, { n: 1, p: 1, seed: 1 }, { n: 0, p: 0.5, seed: 2 }],
  'dec.sample': [{ logits: [0.5, -1, 2], temperature: 0.7, topK: 2, topP: 0.9, n: 7, seed: 3 }, { logits: [1], temperature: 1, topK: 0, topP: 1, n: 2, seed: 0 }],
  'pre.mlm-mask': [{ tokens: [1, 5, 6, 7, 2], vocab: 8, maskId: 3, special: [0, 1, 2, 3], seed: 4 }, { tokens: [], vocab: 8, maskId: 3, special: [3], seed: 1 }],
};

/** Every argument set we have for an op: fixture samples and edge cases, or the hand-made ones. */
function argSets(op: string): Record<string, unknown>[] {
  const m = FIXTURE_OPS.find((f) => f.op === op);
  if (!m) return SAMPLING_ARGS[op]!;
  const sampled = fc.sample(m.arbitrary.arb, { seed: fixtureSeed(op), numRuns: m.arbitrary.numRuns })
    .flatMap((s) => (m.arbitrary.expand ? m.arbitrary.expand(s).map((p) => p.args) : [s]));
  return [...sampled, ...m.edgeCases.map((e) => e.args)] as Record<string, unknown>[];
}

let tfjs: Implementation;
beforeAll(async () => { tfjs = await createTfjsImplementation('cpu'); });

function run(op: string, args: Record<string, unknown>): { ok: unknown } | null {
  try {
    return { ok: tfjs.ops[op]!(args) };
  } catch {
    return null; // the implementation refuses some degenerate edge cases; nothing to validate
  }
}

// ---------------------------------------------------------------------------------------------
// Where a result can be corrupted, read off its schema
// ---------------------------------------------------------------------------------------------

type Step = string | number;
interface Site { path: Step[]; schema: TSchema; value: unknown }

/** Every node of a value that matches the schema, outermost first. */
function sites(s: TSchema, v: unknown, path: Step[] = []): Site[] {
  const here: Site = { path, schema: s, value: v };
  const k = kindOf(s);
  if (k === 'Object') {
    return [here, ...Object.entries(s['properties'] as Record<string, TSchema>)
      .filter(([f]) => (v as Record<string, unknown>)[f] !== undefined)
      .flatMap(([f, sub]) => sites(sub, (v as Record<string, unknown>)[f], [...path, f]))];
  }
  if (k === 'Tuple') return [here, ...(s['items'] as TSchema[]).flatMap((sub, i) => sites(sub, (v as unknown[])[i], [...path, i]))];
  if (k === 'Array') return [here, ...(v as unknown[]).flatMap((e, i) => sites(s['items'] as TSchema, e, [...path, i]))];
  return [here];
}

const pathText = (p: Step[]) => `result${p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`;

function setAt(value: unknown, path: Step[], f: (old: unknown) => unknown): unknown {
  if (path.length === 0) return f(value);
  const copy = (Array.isArray(value) ? value.slice() : { ...(value as object) }) as Record<Step, unknown>;
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), f);
  return copy;
}

const LEAF_KINDS = new Set([FLOAT_KIND, 'Integer', 'Number', 'String', 'Boolean']);
/** Wrong values for a leaf, with the text the message must show for each. */
function wrongLeaves(s: TSchema, old: unknown): [unknown, string][] {
  const common: [unknown, string][] = [[null, 'received null'], [true, 'received boolean true'], [{ a: 1 }, 'received object {"a":1}'], [[old], 'received array of 1']];
  if (kindOf(s) === 'String') return [[1, 'received number 1'], ...common];
  const out: [unknown, string][] = [['abc', 'received string "abc"'], ['1.5', 'received string "1.5"'], ...common];
  if (kindOf(s) === 'Integer') out.push([1.5, 'received number 1.5'], [NaN, 'received number NaN']);
  return out;
}

/** Every corruption of a valid result: [what, corrupted value, the message must start with, and contain]. */
function corruptions(s: TSchema, result: unknown, dims: Record<string, number>): [string, unknown, string, string][] {
  const out: [string, unknown, string, string][] = [];
  const all = sites(s, result);
  // wrong element types: the first leaf of the result and of each field
  const firstLeaves = new Map<string, Site>();
  for (const site of all) {
    if (!LEAF_KINDS.has(kindOf(site.schema))) continue;
    const part = typeof site.path[0] === 'string' ? site.path[0] : '';
    if (!firstLeaves.has(part)) firstLeaves.set(part, site);
  }
  for (const site of firstLeaves.values()) {
    for (const [bad, shown] of wrongLeaves(site.schema, site.value)) {
      out.push([`${pathText(site.path)} := ${JSON.stringify(bad)}`, setAt(result, site.path, () => bad), `${pathText(site.path)}: expected `, shown]);
    }
  }
  for (const site of all) {
    const at = pathText(site.path);
    const k = kindOf(site.schema);
    const shape = shapeOf(site.schema);
    const arr = site.value as unknown[];
    if (shape && arr.length > 0) {
      // one size off: an extra row (or element), a row one short, a ragged last row
      out.push([`${at}: one more along axis 0`, setAt(result, site.path, () => [...arr, arr[arr.length - 1]]), `${at}: expected shape [`, `received [${arr.length + 1}`]);
      if (shape.length > 1 && (arr[0] as unknown[]).length > 0) {
        const first = arr[0] as unknown[];
        out.push([`${at}[0]: one short`, setAt(result, [...site.path, 0], () => first.slice(1)), `${at}: expected shape [`, `received [${arr.length}, ${first.length - 1}`]);
        const last = arr.length - 1;
        if (last > 0) out.push([`${at}[${last}]: ragged`, setAt(result, [...site.path, last], (r) => [...(r as unknown[]), (r as unknown[])[0]]), `${at}[${last}]: expected `, `received ${first.length + 1}`]);
      }
      const below = elementOf(site.schema)[X_BELOW] as string | undefined;
      if (below !== undefined) {
        out.push([`${at}[0] := ${below}`, setAt(result, [...site.path, 0], () => dims[below]), `${at}[0]: expected integer in [0, ${below}=${dims[below]})`, `received ${dims[below]}`]);
        out.push([`${at}[0] := -1`, setAt(result, [...site.path, 0], () => -1), `${at}[0]: expected integer ≥ 0`, 'received number -1']);
      }
    }
    if (k === 'Tuple') {
      out.push([`${at}: one element too many`, setAt(result, site.path, (t) => [...(t as unknown[]), (t as unknown[])[0]]), `${at}: expected [`, `received array of ${arr.length + 1}`]);
      out.push([`${at}: one element short`, setAt(result, site.path, (t) => (t as unknown[]).slice(1)), `${at}: expected [`, `received array of ${arr.length - 1}`]);
    }
    if (k === 'Object') {
      for (const f of Object.keys(site.value as object)) {
        out.push([`${at}.${f} missing`, setAt(result, site.path, (o) => { const c = { ...(o as object) } as Record<string, unknown>; delete c[f]; return c; }),
          `${at}.${f}: expected `, 'received nothing (field missing)']);
      }
      out.push([`${at}.extra added`, setAt(result, site.path, (o) => ({ ...(o as object), extra: 1 })), `${at}.extra: unexpected field`, 'expected only']);
    }
  }
  // the whole result: extra depth, and values of the wrong kind altogether
  out.push(['[result]', [result], 'result', 'received array']);
  for (const [bad, shown] of [[null, 'received null'], ['abc', 'received string "abc"'], [7, 'received number 7'], [{}, 'received object {}']] as const) {
    if (JSON.stringify(bad) === JSON.stringify(result)) continue;
    if ((kindOf(s) === 'Integer' || kindOf(s) === FLOAT_KIND) && typeof bad === 'number') continue; // a valid scalar
    if (kindOf(s) === 'Object' && typeof bad === 'object' && bad !== null) continue; // {} is the missing-field case above
    out.push([`result := ${JSON.stringify(bad)}`, bad, 'result: expected ', shown]);
  }
  return out;
}

/** The first argument set whose result has something to corrupt everywhere (non-empty tensors and lists). */
function richSample(op: string): { args: Record<string, unknown>; result: unknown } {
  const nonEmpty = (v: unknown): boolean => Array.isArray(v) ? v.length > 0 && v.every(nonEmpty)
    : v !== null && typeof v === 'object' ? Object.values(v).every(nonEmpty) : true;
  for (const args of argSets(op)) {
    const r = run(op, args);
    if (r && nonEmpty(r.ok) && (!Array.isArray(r.ok) || r.ok.length > 1 || op.startsWith('text.'))) return { args, result: r.ok };
  }
  throw new Error(`${op}: no argument set with a non-empty result`);
}

describe('validateResult rejects every corruption of a valid result (one test per op, from its schema)', () => {
  it.each(OPS.map((o) => [o.id, o] as const))('%s', (id, o) => {
    const { args, result } = richSample(id);
    expect(validateArgs(id, args)).toBeNull();
    expect(validateResult(id, args, result, 'float32')).toBeNull();
    const cs = corruptions(o.result, result, bindSizes(o, args));
    const wrong: string[] = [];
    for (const [what, bad, starts, contains] of cs) {
      const m = validateResult(id, args, bad, 'float32');
      if (m === null || !m.startsWith(starts) || !m.includes(contains)) wrong.push(`${what}: got ${JSON.stringify(m)}, wanted "${starts}…${contains}…"`);
    }
    expect(wrong).toEqual([]);
    // every kind of corruption that the result's schema allows was tried
    expect(cs.length).toBeGreaterThanOrEqual(10);
  });
});

describe('no false errors: every tfjs result on every fixture sample and edge case validates', () => {
  it.each(OPS.map((o) => [o.id] as const))('%s', (id) => {
    const problems: string[] = [];
    let n = 0;
    for (const args of argSets(id)) {
      const a = validateArgs(id, args);
      if (a) problems.push(`args ${JSON.stringify(args).slice(0, 120)}: ${a}`);
      const r = run(id, args);
      if (!r) continue;
      n++;
      const m = validateResult(id, args, r.ok, 'float32');
      if (m) problems.push(`${JSON.stringify(args).slice(0, 120)}: ${m}`);
    }
    expect(problems).toEqual([]);
    expect(n).toBeGreaterThan(0);
  });
});

describe('messages', () => {
  it('name the field, the expected and the received, with sizes', () => {
    const a = { q: [[1, 2], [3, 4], [5, 6]], k: [[1, 2]], v: [[1, 2, 3, 4]], causal: false };
    expect(validateResult('attn.sdpa', a, [[0, 0, 0, 0], [0, 0, 0, 0], [0, 'abc', 0, 0]], 'float32')).toBe('result[2][1]: expected float32 number, received string "abc"');
    expect(validateResult('attn.sdpa', a, [[0, 0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], 'float64')).toBe('result: expected shape [T=3, e=4], received [3, 5]');
    const c = { emissions: [[1, 2], [3, 4]], transitions: [[0, 0], [0, 0]] };
    expect(validateResult('seq.crf-viterbi', c, { path: [0, 2], score: 1 }, 'float32')).toBe('result.path[1]: expected integer in [0, L=2), received 2');
    expect(validateResult('quant.affine-params', {}, { scale: 0.5 }, 'float32')).toBe('result.zeroPoint: expected integer, received nothing (field missing)');
    expect(validateResult('nosuch.op', {}, 1, 'float32')).toMatch(/unknown op/);
  });
  it('a non-finite float is a number; NaN is not an integer', () => {
    const c = { emissions: [[1, 2]], transitions: [[0, 0], [0, 0]] };
    expect(validateResult('seq.crf-viterbi', c, { path: [1], score: NaN }, 'float32')).toBeNull();
    expect(validateResult('nn.softmax', { x: [1, 2] }, [Infinity, -Infinity], 'float32')).toBeNull();
    expect(validateResult('quant.quantize', { x: [1], scale: 1, zeroPoint: 0, qmin: 0, qmax: 255 }, [NaN], 'float32'))
      .toBe('result[0]: expected integer, received number NaN');
  });
  it('bounds what it echoes of a hostile reply', () => {
    const m = validateResult('nn.softmax', { x: [1] }, ['x'.repeat(100_000)], 'float32')!;
    expect(m.length).toBeLessThan(200);
    const deep = validateResult('nn.softmax', { x: [1] }, { ['a'.repeat(1000)]: Array(1e5).fill(1) }, 'float32')!;
    expect(deep.length).toBeLessThan(300);
  });
});

// The TypeScript types of the op functions come from the same schemas (checked by `npm run typecheck`).
it('op types come from the schemas', () => {
  expectTypeOf<OpArgs<'norm.layernorm'>>().toEqualTypeOf<{ x: number[][]; gamma: number[]; beta: number[]; eps: number }>();
  expectTypeOf<OpResult<'seq.crf-viterbi'>>().toEqualTypeOf<{ path: number[]; score: number }>();
  expectTypeOf<OpResult<'text.bpe-train'>>().toEqualTypeOf<[string, string][]>();
  expectTypeOf<OpArgs<'stats.variance'>['correction']>().toEqualTypeOf<0 | 1>();
  expectTypeOf<OpArgs<'seq.crf-logz'>['start']>().toEqualTypeOf<number[] | undefined>();
  const softmax: OpFunction<'nn.softmax'> = ({ x }) => x.map(() => 1 / x.length);
  expect(softmax({ x: [1, 2] })).toEqual([0.5, 0.5]);
});
