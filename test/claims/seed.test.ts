import { it, expect } from 'vitest';
import { propertySeed } from '../../src/runner/seed.js';

it('different run seeds give different property seeds (one-digit seeds included)', () => {
  const seeds = [...Array.from({ length: 20 }, (_, i) => i), 42, 20231109, -1, 2 ** 31 - 1];
  for (const id of ['norm.layernorm/conformance', 'a/b']) {
    const got = new Set(seeds.map((s) => propertySeed(s, id)));
    expect(got.size).toBe(seeds.length);
  }
});
