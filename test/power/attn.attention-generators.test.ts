/** attn.attention generator: declared class shares, grouped heads, caches, both causal alignments with T ≠ N, every option on and off, float64-only values, the other outputs, fully masked rows. */
import { test, expect } from 'vitest';
import { attentionArb } from '../../src/properties/attn-ops-shared.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('attn.attention: classes, GQA/MQA heads, KV caches, alignments, options', () => {
  const { samples, shares } = sampleTagged(attentionArb, 7001, 2000);
  console.log('attn.attention shares', JSON.stringify(shares));
  expectShares('attn.attention', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  const N = (c: (typeof samples)[number]) => (c.pastK?.[0]?.length ?? 0) + c.k[0]!.length;
  expect(samples.every((c) => c.q.length % c.k.length === 0)).toBe(true);
  expect(of('gqa').every((c) => c.q.length > c.k.length)).toBe(true);
  expect(samples.some((c) => c.k.length === 1 && c.q.length >= 4)).toBe(true); // MQA
  expect(of('decode').every((c) => c.causal === 'bottom-right' && (c.pastK?.[0]?.length ?? 0) >= 1 && c.q[0]!.length <= 3)).toBe(true);
  expect(Math.max(...of('decode').map((c) => c.pastK![0]!.length))).toBe(24);
  const cross = of('cross-causal');
  expect(cross.every((c) => c.causal !== 'none' && c.q[0]!.length !== N(c))).toBe(true);
  expect(new Set(cross.map((c) => c.causal))).toEqual(new Set(['top-left', 'bottom-right']));
  expect(samples.every((c) => c.causal !== 'bottom-right' || c.q[0]!.length <= N(c))).toBe(true);
  expect(of('softcap').every((c) => (c.softcap ?? 0) > 0)).toBe(true);
  expect(of('masks').every((c) => c.keep !== undefined && c.bias !== undefined)).toBe(true);
  for (const key of ['keep', 'bias', 'scale', 'softcap'] as const) {
    const on = of('mixed').filter((c) => c[key] !== undefined).length / of('mixed').length;
    expect(on, key).toBeGreaterThan(0.3);
    expect(on, key).toBeLessThan(0.7);
  }
  expect(of('float64-only').every((c) => notFloat32(c.q.flat(2)))).toBe(true);
  const outs = of('outputs');
  expect(new Set(outs.map((c) => c.output))).toEqual(new Set(['scores', 'softcapped-scores', 'masked-scores', 'present-key', 'present-value']));
  expect(outs.filter((c) => c.output === 'masked-scores').every((c) => c.keep !== undefined && c.bias !== undefined)).toBe(true);
  expect(outs.filter((c) => c.output === 'scores' || c.output === 'softcapped-scores').every((c) => (c.softcap ?? 0) > 0)).toBe(true);
  expect(outs.some((c) => c.output?.startsWith('present') && (c.pastK?.[0]?.length ?? 0) > 0)).toBe(true);
  const fm = of('fully-masked');
  expect(new Set(fm.map((c) => c.fullyMasked))).toEqual(new Set(['zero', 'nan']));
  expect(fm.every((c) => c.keep!.some((row) => row.every((x) => x === 0)))).toBe(true);
  expect(fm.some((c) => c.keep!.every((row) => row.every((x) => x === 0)))).toBe(true); // every row masked
  expect(fm.some((c) => c.causal !== 'none' && c.output === undefined)).toBe(true);
  expect(samples.filter((c) => c.cls !== 'fully-masked').every((c) => c.fullyMasked === undefined)).toBe(true);
}, 180_000);
