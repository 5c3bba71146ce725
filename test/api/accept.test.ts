/**
 * The judge (src/fixtures/accept.ts) against the golden fixtures, both ways, for every op:
 *
 * - every case of fixtures/<op>.json is accepted with the fixture's own correctly rounded
 *   float32 values in float32 and float64 values in float64 (in the op's natural output form:
 *   records for lstm.cell and bn.backward), and `judge` recomputes exactly the file's expected;
 * - the largest float at the edge of the bound (exact value or enclosure end ± bound) is
 *   accepted, and that float moved 300 ulps further out is rejected, in both directions —
 *   the perturbation is derived from each element's own bound, not a hand-picked tolerance;
 * - integers outside the admissible set, a wrong value, a non-maximal or truncated BPE merge
 *   list, and a Viterbi score beyond its bound are rejected;
 * - the precision profile is a parameter; sampling ops have no judge.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { accept, judge, expectedFor, toFixtureLayout, normalizeValue, fixtureOp, JUDGED_OPS, NoJudgeError } from '../../src/fixtures/accept.js';
import type { Expected, ExactElement, EnclosureElement } from '../../src/fixtures/format.js';
import { fixtureSeed } from '../../src/fixtures/format.js';
import { OPS, SAMPLING_OP_IDS } from '../../src/ops/index.js';
import { Rational } from '../../src/numerics/rational.js';
import { FLOAT32, FLOAT64, ulp, roundToNumber, type FloatFormat } from '../../src/numerics/float-format.js';
import { fromRoot } from '../../src/util/paths.js';

type Dtype = 'float32' | 'float64';
const DTYPES: Dtype[] = ['float32', 'float64'];
const FMT: Record<Dtype, FloatFormat> = { float32: FLOAT32, float64: FLOAT64 };
const ULPS_BEYOND = 300;

interface Case { name: string; args: Record<string, unknown>; expected: Expected }
interface FixtureFile { op: string; cases: Case[] }

const DIR = fromRoot('fixtures');
const FILES: FixtureFile[] = fs.readdirSync(DIR).filter((n) => n.endsWith('.json') && n !== 'manifest.json').sort()
  .map((n) => JSON.parse(fs.readFileSync(path.join(DIR, n), 'utf8')) as FixtureFile);

function reshape(flat: unknown[], shape: number[]): unknown {
  if (shape.length === 0) return flat[0];
  const step = shape.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: shape[0]! }, (_, i) => reshape(flat.slice(i * step, (i + 1) * step), shape.slice(1)));
}

/** The op's natural output form from the fixture layout (records for lstm.cell and bn.backward). */
function natural(op: string, v: unknown): unknown {
  if (op === 'lstm.cell' && Array.isArray(v)) return { h: v[1], c: v[0] };
  if (op === 'bn.backward' && Array.isArray(v)) return { dx: v.slice(0, -2), dgamma: v[v.length - 2], dbeta: v[v.length - 1] };
  return v;
}

/** What a correct implementation computing in `dtype` returns: the fixture's correctly rounded values. */
function correctOutput(op: string, e: Expected, dtype: Dtype): unknown {
  switch (e.kind) {
    case 'exact': case 'enclosure': return natural(op, reshape(e.elements.map((x) => x[dtype]), e.shape));
    case 'integers': return reshape(e.elements.map((x) => x.exact), e.shape);
    case 'quant-params': return { scale: e.scale[dtype], zeroPoint: e.zeroPoint.exact };
    case 'value': return e.value;
    case 'bpe-maximal': return e.reference;
    case 'viterbi': return { path: e.optimalPaths[0], score: e[dtype] };
  }
}

const ends = (e: ExactElement | EnclosureElement): [Rational, Rational] =>
  ('exact' in e ? [Rational.parse(e.exact), Rational.parse(e.exact)] : [Rational.parse(e.lo), Rational.parse(e.hi)]);

/** The float of `fmt` closest to `target` on the inside (towards `inside`), as a number. */
function insideFloat(target: Rational, fmt: FloatFormat, up: boolean): number {
  let y = roundToNumber(target, fmt);
  const Y = Rational.fromFloat64(y);
  if (up ? Y.gt(target) : Y.lt(target)) y = up ? y - ulp(y, fmt) : y + ulp(y, fmt);
  return y;
}

/** `ULPS_BEYOND` ulps further out than `y`. */
function beyond(y: number, fmt: FloatFormat, up: boolean): number {
  const z = up ? y + ULPS_BEYOND * ulp(y, fmt) : y - ULPS_BEYOND * ulp(y, fmt);
  return fmt === FLOAT32 ? Math.fround(z) : z;
}

/** Edge values of element `e` at its bound (inside, must pass) and beyond it (must fail), per direction; null when out of range. */
function edges(e: ExactElement | EnclosureElement, dtype: Dtype): { inside: number; outside: number; up: boolean }[] {
  const [lo, hi] = ends(e);
  const b = Rational.fromFloat64(e.bound[dtype]);
  const fmt = FMT[dtype];
  const out: { inside: number; outside: number; up: boolean }[] = [];
  for (const up of [true, false]) {
    const target = up ? hi.add(b) : lo.sub(b);
    const inside = insideFloat(target, fmt, up);
    const outside = beyond(inside, fmt, up);
    if (!Number.isFinite(inside) || !Number.isFinite(outside)) continue;
    // the test's own premise, exactly: inside is within the bound, outside is beyond it
    const Y = Rational.fromFloat64(outside);
    expect(up ? Y.sub(hi).gt(b) : lo.sub(Y).gt(b)).toBe(true);
    out.push({ inside, outside, up });
  }
  return out;
}

/** Indices to perturb: all of a small output, else a spread of them. */
function picks(n: number): number[] {
  if (n <= 8) return Array.from({ length: n }, (_, i) => i);
  return [...new Set([0, 1, Math.floor(n / 3), Math.floor(n / 2), n - 2, n - 1])];
}

function setFlat(_e: Expected, flat: unknown[], i: number, v: unknown): unknown[] {
  const f = [...flat];
  f[i] = v;
  return f;
}

interface Tally { passes: number; rejections: number; up: number; down: number }

function perturbations(op: string, c: Case, dtype: Dtype, t: Tally): void {
  const e = c.expected;
  const args = normalizeValue(c.args) as Record<string, unknown>;
  const ok = (out: unknown, what: string) => {
    const r = accept(e, out, dtype, args);
    expect(r.ok, `${op}/${c.name} [${dtype}] ${what}: ${r.detail}`).toBe(true);
    t.passes++;
  };
  const bad = (out: unknown, what: string, ratioAbove1 = false) => {
    const r = accept(e, out, dtype, args);
    expect(r.ok, `${op}/${c.name} [${dtype}] ${what} must be rejected: ${r.detail}`).toBe(false);
    if (ratioAbove1) expect(r.ratio!, `${op}/${c.name} ${what}`).toBeGreaterThan(1);
    t.rejections++;
  };
  switch (e.kind) {
    case 'exact': case 'enclosure': {
      const flat = e.elements.map((x) => x[dtype]);
      for (const i of picks(flat.length)) {
        for (const { inside, outside, up } of edges(e.elements[i]!, dtype)) {
          ok(reshape(setFlat(e, flat, i, inside), e.shape), `element ${i} at the ${up ? 'upper' : 'lower'} edge of its bound`);
          bad(reshape(setFlat(e, flat, i, outside), e.shape), `element ${i} ${ULPS_BEYOND} ulps ${up ? 'above' : 'below'} its bound`, true);
          if (up) t.up++; else t.down++;
        }
      }
      if (flat.length > 0) {
        bad(reshape(setFlat(e, flat, 0, NaN), e.shape), 'NaN');
        bad([reshape(flat, e.shape)], 'a wrong shape');
      }
      return;
    }
    case 'integers': {
      const flat = e.elements.map((x) => x.exact);
      for (const i of picks(flat.length)) {
        const adm = e.elements[i]!.admissible[dtype];
        for (const v of adm) ok(reshape(setFlat(e, flat, i, v), e.shape), `element ${i} = admissible ${v}`);
        bad(reshape(setFlat(e, flat, i, Math.max(...adm) + 1), e.shape), `element ${i} above the admissible set`);
        bad(reshape(setFlat(e, flat, i, Math.min(...adm) - 1), e.shape), `element ${i} below the admissible set`);
        t.up++; t.down++;
      }
      if (flat.length > 0) bad(reshape(setFlat(e, flat, 0, flat[0]! + 0.5), e.shape), 'a non-integer');
      return;
    }
    case 'quant-params': {
      for (const { inside, outside, up } of edges(e.scale, dtype)) {
        ok({ scale: inside, zeroPoint: e.zeroPoint.exact }, `scale at the ${up ? 'upper' : 'lower'} edge`);
        bad({ scale: outside, zeroPoint: e.zeroPoint.exact }, `scale ${ULPS_BEYOND} ulps beyond`, true);
        if (up) t.up++; else t.down++;
      }
      const adm = e.zeroPoint.admissible[dtype];
      bad({ scale: e.scale[dtype], zeroPoint: Math.max(...adm) + 1 }, 'zeroPoint above the admissible set');
      bad({ scale: e.scale[dtype], zeroPoint: Math.min(...adm) - 1 }, 'zeroPoint below the admissible set');
      return;
    }
    case 'value': {
      const v = e.value;
      if (typeof v === 'number') {
        bad(v + 1, 'value + 1'); bad(v - 1, 'value − 1'); t.up++; t.down++;
      } else if (Array.isArray(v) && v.length > 0 && typeof v[0] === 'number') {
        bad([(v[0] as number) + 1, ...v.slice(1)], 'first + 1'); bad([(v[0] as number) - 1, ...v.slice(1)], 'first − 1'); t.up++; t.down++;
      } else if (Array.isArray(v) && v.length > 0) {
        bad(v.slice(0, -1), 'one item short'); bad([...v, v[0]!], 'one item too many'); t.up++; t.down++;
      } else {
        bad(['x'], 'non-empty instead of empty'); t.up++; t.down++;
      }
      return;
    }
    case 'bpe-maximal': {
      if (e.reference.length > 0) {
        bad(e.reference.slice(0, -1), 'one merge short while pairs remain');
        t.down++;
      }
      bad([...e.reference, ['⊥', '⊥']], 'an extra merge');
      t.up++;
      const words = args['words'] as Record<string, number>;
      // a non-maximal first merge: some adjacent pair with a smaller count than the maximum, if any
      const eow = String(args['endOfWord']);
      const counts = new Map<string, number>();
      for (const [w, n] of Object.entries(words)) {
        const s = [...Array.from(w), ...(eow ? [eow] : [])];
        for (let i = 0; i + 1 < s.length; i++) counts.set(JSON.stringify([s[i], s[i + 1]]), (counts.get(JSON.stringify([s[i], s[i + 1]])) ?? 0) + n);
      }
      const best = Math.max(0, ...counts.values());
      const worse = [...counts].find(([, n]) => n < best);
      if (worse && e.maxMerges > 0) bad([JSON.parse(worse[0]) as [string, string], ...e.reference.slice(1)], 'a non-maximal first merge');
      return;
    }
    case 'viterbi': {
      const p = e.optimalPaths[0]!;
      // every listed optimal path is accepted (ties are not bugs)
      for (const q of e.optimalPaths.slice(0, 8)) ok({ path: q, score: e[dtype] }, `optimal path ${JSON.stringify(q)}`);
      // the score bound for an optimal path: gamma·Σ|terms| + tiny, around the exact optimum
      const E = args['emissions'] as number[][], A = args['transitions'] as number[][];
      const st = args['start'] as number[] | undefined, en = args['end'] as number[] | undefined;
      const terms: number[] = [];
      if (E.length > 0) {
        if (st) terms.push(st[p[0]!]!);
        terms.push(E[0]![p[0]!]!);
        for (let k = 1; k < E.length; k++) terms.push(A[p[k - 1]!]![p[k]!]!, E[k]![p[k]!]!);
        if (en) terms.push(en[p[E.length - 1]!]!);
      }
      const bound = Rational.fromFloat64(e.scoreBound.gamma[dtype]).mul(Rational.sum(terms.map((x) => Rational.fromFloat64(Math.abs(x)))))
        .add(Rational.fromFloat64(e.scoreBound.tiny[dtype]));
      const opt = Rational.parse(e.optimum);
      for (const up of [true, false]) {
        const target = up ? opt.add(bound) : opt.sub(bound);
        const inside = insideFloat(target, FMT[dtype], up);
        ok({ path: p, score: inside }, `score at the ${up ? 'upper' : 'lower'} edge of its bound`);
        bad({ path: p, score: beyond(inside, FMT[dtype], up) }, `score ${ULPS_BEYOND} ulps ${up ? 'above' : 'below'} its bound`, true);
        if (up) t.up++; else t.down++;
      }
      if (p.length > 0) bad({ path: [A.length, ...p.slice(1)], score: e[dtype] }, 'a label out of range');
      bad({ path: [...p, 0], score: e[dtype] }, 'a path of the wrong length');
      return;
    }
  }
}

describe('judge coverage', () => {
  it('every deterministic op has a judge and a fixture file; sampling ops have neither', () => {
    const sampling = OPS.filter((o) => SAMPLING_OP_IDS.includes(o.id)).map((o) => o.id);
    expect(sampling.length).toBeGreaterThan(0);
    expect([...JUDGED_OPS].sort()).toEqual(OPS.map((o) => o.id).filter((id) => !sampling.includes(id)).sort());
    expect(FILES.map((f) => f.op).sort()).toEqual([...JUDGED_OPS].sort());
  });

  it('sampling ops and unknown ops have no judge: a clear NoJudgeError', () => {
    expect(() => judge('random.normal', { n: 3, mean: 0, std: 1, seed: 1 }, [0, 0, 0])).toThrow(NoJudgeError);
    expect(() => judge('random.bernoulli-mask', { n: 2, p: 0.5, seed: 1 }, [0, 1])).toThrow(/sampling op.*statistically/s);
    expect(() => judge('nn.softmaxx', { x: [1] }, [1])).toThrow(/unknown op 'nn.softmaxx'/);
  });
});

describe.each(FILES.map((f) => [f.op, f] as const))('%s: every fixture case, both ways', (op, file) => {
  it('the correctly rounded float32/float64 values pass; judge recomputes exactly the file\'s expected', () => {
    for (const c of file.cases) {
      const args = normalizeValue(c.args) as Record<string, unknown>;
      const j = judge(op, args, correctOutput(op, c.expected, 'float32'), { dtype: 'float32' });
      expect(j.ok, `${op}/${c.name} [float32]: ${j.detail}`).toBe(true);
      expect(JSON.stringify(j.expected), `${op}/${c.name}: judge's expected differs from the file`).toBe(JSON.stringify(c.expected));
      // the fixture's own encoded args (tensor objects with bits) are accepted as well
      const r64 = accept(c.expected, toFixtureLayout(op, correctOutput(op, c.expected, 'float64')), 'float64', c.args);
      expect(r64.ok, `${op}/${c.name} [float64]: ${r64.detail}`).toBe(true);
      if (j.ratio !== undefined) expect(j.ratio).toBeLessThanOrEqual(1);
    }
  });

  it(`accepts the last float inside the bound and rejects ${ULPS_BEYOND} ulps beyond it, in both directions`, () => {
    const t: Tally = { passes: 0, rejections: 0, up: 0, down: 0 };
    for (const dtype of DTYPES) for (const c of file.cases) perturbations(op, c, dtype, t);
    expect(t.up, `${op}: upward perturbations tested`).toBeGreaterThan(0);
    expect(t.down, `${op}: downward perturbations tested`).toBeGreaterThan(0);
    expect(t.rejections).toBeGreaterThanOrEqual(2 * file.cases.length);
  });
});

describe('outputs and arguments in any form the gate accepts', () => {
  const file = FILES.find((f) => f.op === 'norm.layernorm')!;
  const c = file.cases[0]!;
  const e = c.expected as Extract<Expected, { kind: 'enclosure' }>;
  const flat = e.elements.map((x) => x.float32);

  it('typed arrays and {dtype, shape, data} tensors are decoded like line-protocol replies', () => {
    const args = normalizeValue(c.args) as Record<string, unknown>;
    expect(judge('norm.layernorm', args, { dtype: 'float32', shape: e.shape, data: flat }).ok).toBe(true);
    expect(judge('norm.layernorm', c.args, reshape(flat.map((x) => new Float32Array([x as number])[0]), e.shape)).ok).toBe(true);
    const rows = reshape(flat, e.shape) as number[][];
    expect(judge('norm.layernorm', args, rows.map((r) => Float32Array.from(r))).ok).toBe(true);
  });

  it('a wrong shape, a non-number and garbage are rejected with a reason', () => {
    const args = normalizeValue(c.args) as Record<string, unknown>;
    expect(judge('norm.layernorm', args, flat).detail).toMatch(/result shape/);
    expect(judge('norm.layernorm', args, 'hello').ok).toBe(false);
    expect(judge('norm.layernorm', args, { dtype: 'float32', shape: [99], data: [1] }).detail).toMatch(/malformed output/);
  });

  it('the kinds that replay the output on the input need the args', () => {
    const v = FILES.find((f) => f.op === 'seq.crf-viterbi')!.cases[0]!;
    expect(() => accept(v.expected, correctOutput('seq.crf-viterbi', v.expected, 'float32'), 'float32')).toThrow(/needs the op's args/);
  });
});

describe('the precision profile is a parameter', () => {
  const c = FILES.find((f) => f.op === 'nn.softmax')!.cases.find((x) => x.name === 'near-underflow-float32')!;
  const args = normalizeValue(c.args) as Record<string, unknown>;
  const e = c.expected as Extract<Expected, { kind: 'enclosure' }>;

  it('flush-to-zero: a flushed subnormal result fails under the fixtures\' profile and passes with flushToZero', () => {
    // exp(−88)/Σ ≈ 6·10⁻³⁹ is a float32 subnormal; an implementation that flushes returns 0
    const flushed = e.elements.map((x) => (Math.abs(x.float32 as number) < 2 ** -126 ? 0 : x.float32));
    expect(flushed.filter((x) => x === 0).length).toBeGreaterThan(0);
    expect(judge('nn.softmax', args, flushed, { dtype: 'float32' }).ok).toBe(false);
    const ftz = judge('nn.softmax', args, flushed, { dtype: 'float32', profile: { flushToZero: true } });
    expect(ftz.ok, ftz.detail).toBe(true);
  });

  it('a wider ulps allowance widens every bound; the default profile reproduces the fixture exactly', () => {
    const wide = expectedFor('nn.softmax', args, { elementaryUlps: 64 }) as typeof e;
    const same = expectedFor('nn.softmax', args, { elementaryUlps: 4, flushToZero: false });
    expect(JSON.stringify(same)).toBe(JSON.stringify(e));
    wide.elements.forEach((w, i) => {
      expect(w.bound.float32).toBeGreaterThan(e.elements[i]!.bound.float32);
      expect(w.lo).toBe(e.elements[i]!.lo);
    });
    // and the profile does not leak into later calls
    expect(JSON.stringify(expectedFor('nn.softmax', args))).toBe(JSON.stringify(e));
  });
});

describe('an infinite bound is vacuous, as in the gate', () => {
  it('a dropped reg.ridge-solve sample (infinite bound) accepts any output', () => {
    const m = fixtureOp('reg.ridge-solve')!;
    const dropped = (JSON.parse(fs.readFileSync(path.join(DIR, 'reg.ridge-solve.json'), 'utf8')) as { generator: { dropped: number[] } }).generator.dropped;
    expect(dropped.length).toBeGreaterThan(0);
    const sample = fc.sample(m.arbitrary.arb, { seed: fixtureSeed(m.op), numRuns: m.arbitrary.numRuns })[dropped[0]!];
    const args = m.arbitrary.expand ? m.arbitrary.expand(sample)[0]!.args : sample;
    const j = judge('reg.ridge-solve', args as Record<string, unknown>, [12345]);
    expect(j.vacuous).toBe(true);
    expect(j.ok).toBe(true);
    expect(j.expected).toBeNull();
  });
});
