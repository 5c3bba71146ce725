/**
 * One convention per concept, stated once (spec/conventions.md): every spec declares the glossary
 * concepts it uses, and two claims using the same symbol with different conventions without saying
 * so fail the check.
 */
import fs from 'node:fs';
import { describe, it, expect } from 'vitest';
import { fromRoot } from '../../src/util/paths.js';
import { loadSpecs } from '../../src/registry/spec-files.js';
import { GLOSSARY, checkConventions, glossaryTable, parseGlossaryEntry } from '../../src/audit/conventions.js';

const spec = (id: string, glossary: string | null, body = '', conventions: string[] = []) => ({
  id, statement: 's', body, conventions: [...(glossary === null ? [] : [`glossary: spec/conventions.md — ${glossary}`]), ...conventions],
});

describe('spec/conventions.md', () => {
  it('holds the glossary table generated from src/audit/conventions.ts', () => {
    const md = fs.readFileSync(fromRoot('spec', 'conventions.md'), 'utf8');
    const m = /<!-- glossary:begin -->\n([\s\S]*?)\n<!-- glossary:end -->/.exec(md);
    expect(m, 'glossary markers').not.toBeNull();
    expect(m![1]).toBe(glossaryTable());
    for (const c of GLOSSARY) expect(c.variants.map((v) => v.id)).toContain(c.adopted);
  });

  it('every claim spec refers to it, and the catalogue uses each concept in one convention (or says why)', () => {
    const specs = loadSpecs();
    for (const s of specs) expect(parseGlossaryEntry(s.conventions), s.id).not.toBeNull();
    expect(checkConventions(specs)).toEqual([]);
  });

  it('the Fisher information is the whole-sample I(θ) wherever a claim uses it', () => {
    const users = loadSpecs().filter((s) => (parseGlossaryEntry(s.conventions) ?? []).some((d) => d.concept === 'fisher-information'));
    expect(users.map((s) => s.id)).toEqual(expect.arrayContaining(['stats.cramer-rao', 'stats.mle-asymptotic']));
    for (const s of users) expect(parseGlossaryEntry(s.conventions)!.find((d) => d.concept === 'fisher-information')!.variant, s.id).toBe('whole-sample');
  });
});

describe('checkConventions', () => {
  it('fails when two claims use the same symbol with different conventions without saying so', () => {
    const problems = checkConventions([
      spec('stats.a', 'fisher-information: whole-sample'),
      spec('stats.b', 'fisher-information: per-observation'),
    ]);
    expect(problems.join('\n')).toMatch(/stats\.b: uses fisher-information as 'per-observation'.*without saying/);
  });

  it('passes when the deviating claim says why', () => {
    expect(checkConventions([
      spec('stats.a', 'fisher-information: whole-sample'),
      spec('stats.b', 'fisher-information: per-observation (deviates: the textbook form of the limit theorem)'),
    ])).toEqual([]);
  });

  it('fails when a claim writes a convention it does not declare (text markers)', () => {
    const body = 'Here I(θ) is the information of one observation.';
    expect(checkConventions([spec('stats.c', 'none', body)]).join()).toMatch(/writes fisher-information as 'per-observation'.*does not declare/);
    expect(checkConventions([spec('stats.c', 'fisher-information: whole-sample', body)]).join()).toMatch(/declares fisher-information: whole-sample but writes 'per-observation'/);
    const ln = 'LayerNorm with $\\sigma + \\epsilon$ in the denominator.';
    expect(checkConventions([spec('norm.x', 'layernorm-epsilon: inside-root', ln)]).join()).toMatch(/writes 'outside-root'/);
    expect(checkConventions([spec('norm.x', 'layernorm-epsilon: inside-root (also: outside-root)', ln)])).toEqual([]);
  });

  it('fails on a missing entry, an unknown concept or variant, and a malformed item', () => {
    expect(checkConventions([spec('a.b', null)]).join()).toMatch(/no 'glossary: spec\/conventions.md/);
    expect(checkConventions([spec('a.b', 'no-such-thing: x')]).join()).toMatch(/unknown glossary concept/);
    expect(checkConventions([spec('a.b', 'log-base: base-7')]).join()).toMatch(/has no variant 'base-7'/);
    expect(checkConventions([spec('a.b', 'log-base')]).join()).toMatch(/malformed/);
  });
});
