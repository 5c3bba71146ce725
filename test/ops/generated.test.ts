/**
 * What is generated from the op schemas is current (regenerated in memory, compared byte for byte:
 * `npm run docs` rewrites them), and `lemmata list` serves the same schemas.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { opsMarkdown, schemaFiles, opUses } from '../../src/ops/doc.js';
import { OPS } from '../../src/ops/index.js';
import { fromRoot } from '../../src/util/paths.js';

describe('generated from the schemas', () => {
  it('spec/ops.md is current (npm run docs)', () => {
    expect(fs.readFileSync(fromRoot('spec', 'ops.md'), 'utf8')).toBe(opsMarkdown());
  });

  it('schemas/ holds exactly one current JSON Schema per op (npm run docs)', () => {
    const files = schemaFiles();
    expect(fs.readdirSync(fromRoot('schemas')).sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of files) expect(fs.readFileSync(fromRoot('schemas', name), 'utf8'), name).toBe(text);
    expect(files.size).toBe(OPS.length);
  });

  it('the JSON Schemas are plain draft-07: every node has a type (or is a union), sizes in vendor keywords', () => {
    const TYPES = new Set(['object', 'array', 'number', 'integer', 'string', 'boolean']);
    for (const [name, text] of schemaFiles()) {
      const doc = JSON.parse(text) as Record<string, any>;
      expect(doc['$schema']).toBe('http://json-schema.org/draft-07/schema#');
      const untyped: string[] = [];
      const walk = (s: Record<string, any>, at: string) => {
        if (s['anyOf']) { s['anyOf'].forEach((x: any, i: number) => walk(x, `${at}/anyOf/${i}`)); return; }
        if (!TYPES.has(s['type']) && s['const'] === undefined) untyped.push(at);
        if (s['type'] === 'array' && Array.isArray(s['items'])) expect(s['additionalItems'], `${name} ${at}`).toBe(false);
        for (const sub of [s['items']].flat()) if (sub) walk(sub, `${at}/items`);
        for (const [k, sub] of Object.entries(s['properties'] ?? {})) walk(sub as any, `${at}/${k}`);
        for (const sub of Object.values(s['patternProperties'] ?? {})) walk(sub as any, `${at}/*`);
      };
      walk(doc['properties']['args'], 'args');
      walk(doc['properties']['result'], 'result');
      expect(untyped, name).toEqual([]);
    }
    const sdpa = JSON.parse(schemaFiles().get('attn.sdpa.json')!);
    expect(sdpa.properties.args.properties.q['x-lemmata-shape']).toEqual(['T', 'd']);
    expect(sdpa.properties.result['x-lemmata-shape']).toEqual(['T', 'e']);
    expect(sdpa['x-lemmata-constraints']).toEqual(['T = S when causal']);
    expect(sdpa['x-lemmata-sizes']).toEqual({ T: 'q.length', d: 'q[0].length', S: 'k.length', e: 'v[0].length' });
  });

  it('every op is exercised by some property (its uses are listed)', () => {
    const uses = opUses();
    expect(OPS.filter((o) => (uses.get(o.id) ?? []).length === 0).map((o) => o.id)).toEqual([]);
    expect(uses.get('quant.quantize')).toContainEqual({ property: 'quant.affine-roundtrip/conformance', kind: 'conformance', with: ['quant.affine-params', 'quant.dequantize'] });
  });
});

// The command as a user runs it (the compiled dist/, built by `npm test` first).
function lemmata(...args: string[]) {
  const r = spawnSync(process.execPath, [fromRoot('bin', 'lemmata.mjs'), ...args], { encoding: 'utf8', cwd: fromRoot(), timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('lemmata list', () => {
  it('--json gives every op its schemas and the properties that use it', () => {
    const r = lemmata('list', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { ops: any[]; claims: any[] };
    const files = schemaFiles();
    expect(j.ops.map((o) => o.id)).toEqual(OPS.map((o) => o.id));
    for (const o of j.ops) {
      const doc = JSON.parse(files.get(`${o.id}.json`)!);
      expect(o.args, o.id).toEqual(doc.properties.args);
      expect(o.result, o.id).toEqual(doc.properties.result);
      expect(o.constraints, o.id).toEqual(doc['x-lemmata-constraints']);
      expect(o.properties.length, o.id).toBeGreaterThan(0);
    }
    const viterbi = j.ops.find((o) => o.id === 'seq.crf-viterbi');
    expect(viterbi.result.properties.path['x-lemmata-shape']).toEqual(['T']);
    expect(viterbi.properties).toContainEqual({ property: 'seq.crf-viterbi/viterbi', kind: 'conformance', with: [] });
    const quant = j.claims.find((c) => c.id === 'quant.affine-roundtrip');
    expect(quant.properties.find((p: any) => p.name === 'conformance').ops).toEqual(['quant.affine-params', 'quant.quantize', 'quant.dequantize']);
  });

  it('--ops-for PROPERTY prints the ops it needs; a claim id gives all of its properties\' ops', () => {
    const r = lemmata('list', '--ops-for', 'quant.affine-roundtrip/conformance');
    expect(r.code).toBe(0);
    expect(r.out).toBe('quant.affine-params\nquant.quantize\nquant.dequantize\n');
    const j = lemmata('list', '--ops-for', 'seq.crf-viterbi', '--json');
    expect(JSON.parse(j.out)).toEqual(['seq.crf-viterbi', 'seq.crf-logz', 'seq.crf-marginals']);
    const bad = lemmata('list', '--ops-for', 'no.such/property');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--ops-for: no property or claim 'no\.such\/property'/);
  });
});
