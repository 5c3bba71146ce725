/**
 * Counterexamples that explain themselves (src/runner/counterexample.ts): a logic bug seen on
 * ordinary numbers is reported on ordinary numbers with error/bound ≫ 1 — not shrunk into
 * subnormals where it reads like underflow noise — and a failure that only shows with subnormal
 * values is classified `subnormal-only`. Checked through `check` (runProperty) and `conform`
 * (runConformProperty) on the two examples.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { Implementation, ClaimModule } from '../../src/registry/types.js';
import { createTfjsImplementation } from '../../src/impl/tfjs/index.js';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { runProperty } from '../../src/runner/run-property.js';
import { runConformProperty } from '../../src/conform/run.js';
import { fromSyncImplementation } from '../../src/conform/async-impl.js';
import { decodeReplay } from '../../src/runner/replay-token.js';
import { hasSubnormal, guardFrom, guardAccepts, classifyFirstFailureSync, flushSubnormals, toJsonValue } from '../../src/runner/counterexample.js';

let base: Implementation;
beforeAll(async () => { base = await createTfjsImplementation('cpu'); });

const claim = (id: string): ClaimModule => CLAIM_MODULES.find((m) => m.id === id)!;
const withOp = (op: string, fn: (a: any) => any): Implementation => ({ ...base, name: `wrong-${op}`, ops: { ...base.ops, [op]: fn } });
const ratioOf = (detail: string) => Number(/\[error\/bound = ([^\]]+)\]/.exec(detail)![1]);

/** Causal attention whose mask lets query t see key t + 1 (an off-by-one in the band). */
const causalOffByOne = (a: { q: number[][]; k: number[][]; v: number[][]; causal: boolean }) => tf.tidy(() => {
  const T = a.q.length, S = a.k.length, d = a.q[0]!.length;
  let s = tf.mul(tf.matMul(tf.tensor2d(a.q, [T, d]), tf.tensor2d(a.k, [S, d]), false, true), 1 / Math.sqrt(d));
  if (a.causal) s = tf.where(tf.cast(tf.linalg.bandPart(tf.ones([T, S]), -1, 1), 'bool'), s, tf.fill([T, S], -3.4e38));
  return tf.matMul(tf.softmax(s), tf.tensor2d(a.v)).arraySync();
});

/** Layer norm with ε outside the square root: (x − μ)/(σ + ε). */
const epsOutside = (a: { x: number[][]; gamma: number[]; beta: number[]; eps: number }) => tf.tidy(() => {
  const x = tf.tensor2d(a.x);
  const { mean, variance } = tf.moments(x, -1, true);
  const y = tf.div(tf.sub(x, mean), tf.add(tf.sqrt(variance), a.eps));
  return tf.add(tf.mul(y, tf.tensor1d(a.gamma)), tf.tensor1d(a.beta)).arraySync();
});

const CASES: [string, string, string, (a: any) => any][] = [
  ['attn.sdpa', 'conformance', 'attn.sdpa', causalOffByOne],
  ['norm.layernorm', 'conformance', 'norm.layernorm', epsOutside],
];

describe('shrunk counterexamples stay on normal-range numbers with error/bound ≫ 1', () => {
  for (const [claimId, propName, op, fn] of CASES) {
    it(`check: ${claimId} with ${fn.name}`, () => {
      const prop = claim(claimId).properties.find((p) => p.name === propName)!;
      const r = runProperty(claimId, prop, withOp(op, fn), { seed: 7, runs: 300, backend: 'cpu' });
      expect(r.verdict).toBe('fail');
      expect(hasSubnormal(r.counterexample), JSON.stringify(r.counterexample)).toBe(false);
      expect(ratioOf(r.detail!)).toBeGreaterThan(10); // ≫ 1: the guard keeps min(√r, 10) of a strong first failure
      expect(r.failureClass).toBe('normal-range');
      // the replay token carries the guard: the replay reproduces the same counterexample
      const info = decodeReplay(r.replay!);
      expect(info.guard).toBeDefined();
      const again = runProperty(claimId, prop, withOp(op, fn), { seed: info.seed, runs: info.runs, backend: 'cpu', path: info.path, guard: { noSubnormal: info.guard![0] === 1, minRatio: info.guard![1] } });
      expect(again.counterexample).toEqual(r.counterexample);
      // reports are plain JSON: the counterexample round-trips
      expect(JSON.parse(JSON.stringify(r.counterexample))).toEqual(r.counterexample);
    });

    it(`conform: ${claimId} with ${fn.name} — shrunk and largest-ratio inputs both reported`, async () => {
      const prop = claim(claimId).properties.find((p) => p.name === propName)!;
      const impl = fromSyncImplementation(withOp(op, fn), 'module', 'wrong');
      const r = await runConformProperty(prop, impl, 'float32', 7, 300, 64);
      expect(r.status).toBe('fail');
      expect(hasSubnormal(r.counterexample)).toBe(false);
      expect(ratioOf(r.detail!)).toBeGreaterThan(10);
      expect(r.worstRatio!).toBeGreaterThan(ratioOf(r.detail!) / 1.0001);
      expect(r.worstDetail).toMatch(/error\/bound/);
      expect(r.failureClass).toBe('normal-range');
    });
  }
});

describe('the guard and the classification', () => {
  it('hasSubnormal looks through arrays and records, at the float32 normal threshold', () => {
    expect(hasSubnormal({ v: [[0], [1.4e-45]] })).toBe(true);
    expect(hasSubnormal({ v: [[0], [2 ** -126]] })).toBe(false);
    expect(hasSubnormal([0, -0, 1, Infinity, NaN])).toBe(false);
  });

  it('rejects subnormal candidates and weak failures after a strong normal-range failure', () => {
    const g = guardFrom({ x: [1, 2] }, 1e12);
    expect(g).toEqual({ noSubnormal: true, minRatio: 10 });
    expect(guardAccepts(g, { x: [1e-45] }, 1e12)).toBe(false);
    expect(guardAccepts(g, { x: [1] }, 1.5)).toBe(false);
    expect(guardAccepts(g, { x: [1] }, 11)).toBe(true);
    expect(guardAccepts(g, { x: [1] }, undefined)).toBe(true); // exact properties: any failure
    const weak = guardFrom({ x: [1e-45] }, 1.5);
    expect(weak).toEqual({ noSubnormal: false, minRatio: 1 });
    expect(guardAccepts(weak, { x: [1e-45] }, 1.01)).toBe(true);
  });

  it('a failure that passes once its subnormals are flushed to zero is subnormal-only', () => {
    expect(flushSubnormals({ x: [1e-45, 1, -0], y: 3e-40 })).toEqual({ x: [0, 1, -0], y: 0 });
    const passesFlushed = (f: unknown) => ({ failed: hasSubnormal(f) });
    expect(classifyFirstFailureSync({ x: [1e-45, 1] }, 3, passesFlushed).failureClass).toBe('subnormal-only');
    const stillFails = () => ({ failed: true, ratio: 1e6 });
    const c = classifyFirstFailureSync({ x: [1e-45, 1] }, 3, stillFails);
    expect(c.failureClass).toBe('normal-range');
    expect(c.guard).toEqual({ noSubnormal: true, minRatio: 10 });
  });

  it('toJsonValue gives plain JSON (no __proto__ tricks, protocol spellings for non-finite numbers)', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": 1}, "a": [1, -0]}');
    const v = toJsonValue({ ...hostile, n: NaN, i: -Infinity, z: -0, t: new Float32Array([0.5]) }) as Record<string, unknown>;
    const text = JSON.stringify(v);
    expect(JSON.parse(text)).toEqual(v);
    expect(text).toContain('"n":"NaN"');
    expect(text).toContain('"i":"-Infinity"');
    expect(text).toContain('"t":[0.5]');
  });
});
