/**
 * The `lemmata` command as a user runs it (the compiled dist/, built by `npm test` first).
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../src/util/paths.js';
import { lemmataAsync } from './run-cli.js';

function lemmata(...args: string[]) {
  const r = spawnSync(process.execPath, [fromRoot('bin', 'lemmata.mjs'), ...args], { encoding: 'utf8', cwd: fromRoot(), timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-'));

describe('lemmata list', () => {
  it('--json lists ≥ 13 claims with source and verdict, and the ops with signatures', () => {
    const r = lemmata('list', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { claims: any[]; ops: any[] };
    expect(j.claims.length).toBeGreaterThanOrEqual(13);
    for (const c of j.claims) {
      expect(c.id).toMatch(/^[a-z0-9]+\.[A-Za-z0-9-]+$/);
      expect(typeof c.title).toBe('string');
      expect(['exact-rational', 'exact-discrete', 'exact-moments', 'enclosure', 'shape']).toContain(c.kind);
      expect(c.source.file).toMatch(/^00\d_[0-9a-f]+\.txt$/);
      expect(c.source.quote.length).toBeGreaterThan(5);
      expect(['confirmed', 'refuted', 'convention-dependent', 'approximate']).toContain(c.verdict);
    }
    expect(j.ops.map((o) => o.id)).toContain('attn.sdpa');
    for (const o of j.ops) expect(o.signature).toMatch(/→/);
  });
  it('prints a table without --json', () => {
    const r = lemmata('list');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/claims:[\s\S]*attn\.sdpa[\s\S]*ops:/);
  });
});

describe('lemmata check', () => {
  it('is deterministic: --seed 42 twice gives byte-identical results apart from timing', async () => {
    const a = tmp(), b = tmp();
    // two independent processes, run at the same time
    const [r1, r2] = await Promise.all([
      lemmataAsync(['check', '--seed', '42', '--claims', 'stats.*,cnn.*,quant.affine*', '--out', a], { timeoutMs: 240_000 }),
      lemmataAsync(['check', '--seed', '42', '--claims', 'stats.*,cnn.*,quant.affine*', '--out', b], { timeoutMs: 240_000 }),
    ]);
    expect(r1.code).toBe(0);
    expect(r2.code).toBe(0);
    const strip = (f: string) => { const j = JSON.parse(fs.readFileSync(f, 'utf8')); delete j.timing; return JSON.stringify(j); };
    expect(strip(path.join(a, 'latest.json'))).toBe(strip(path.join(b, 'latest.json')));
    expect(fs.readFileSync(path.join(a, 'latest.md'), 'utf8')).toMatch(/\| cnn\.out-size \|/);
    expect(r1.out).toMatch(/claim\s+checks\s+worst err\/bound\s+verdict/);
  }, 300_000); // two check runs sharing the cores (a timed-out async test would leave them running)
  it('runs on the cpu backend', () => {
    const r = lemmata('check', '--backend', 'cpu', '--claims', 'cnn.out-size', '--out', tmp());
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/tfjs-cpu/);
  });
  it('explains in one line why tfjs-node backends are unavailable (exit 2)', () => {
    const r = lemmata('check', '--backend', 'tensorflow', '--out', tmp());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/optional peer @tensorflow\/tfjs-node is not installed/);
  });
  it.each([
    [['check', '--bogus']],
    [['check', '--runs', '0']],
    [['check', '--backend', 'gpu']],
    [['check', '--claims', 'no.such-claim']],
    [['check', '--seed']],
    [['frobnicate']],
    [[]],
  ])('usage error %j exits 2', (args) => {
    expect(lemmata(...args).code).toBe(2);
  });
});

describe('lemmata audit', () => {
  it('--json prints {id, verdict, evidence} for every finding, with its rubric rule and statements', () => {
    const r = lemmata('audit', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { id: string; verdict: string; evidence: string; rule: string }[];
    expect(j.length).toBeGreaterThanOrEqual(13);
    for (const f of j) {
      expect(Object.keys(f).sort()).toEqual(['evidence', 'id', 'rule', 'statements', 'verdict']);
      expect(f.evidence.length).toBeGreaterThan(20);
    }
    expect(j.find((f) => f.id === 'ret.teacher-softmax')!.verdict).toBe('refuted');
  });
  it('regenerates reports/seed-audit.md byte-identically', () => {
    const out = path.join(tmp(), 'audit.md');
    expect(lemmata('audit', '--out', out).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(fromRoot('reports', 'seed-audit.md'), 'utf8'));
  });
});

describe('lemmata replay', () => {
  it('rejects a malformed token (exit 2)', () => {
    expect(lemmata('replay', 'not-a-token').code).toBe(2);
  });
  it('re-runs a property from its token', () => {
    const token = Buffer.from(JSON.stringify({ v: 1, property: 'cnn.out-size/conv2d-shape', seed: 5, path: '', runs: 10, backend: 'cpu' })).toString('base64url');
    const r = lemmata('replay', token);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/cnn\.out-size\/conv2d-shape on tfjs-cpu .*: pass/);
  });
});
