/** The catalogue is consistent: one spec file per claim module, and the audit agrees with every spec's verdict. */
import { describe, it, expect } from 'vitest';
import { loadCatalogue } from '../../src/registry/catalogue.js';
import { runAudit } from '../../src/runner/audit.js';
import { parseSpecFile } from '../../src/registry/spec-files.js';

describe('catalogue', () => {
  it('every spec has a module, every module a spec, every op exists', () => {
    expect(loadCatalogue().length).toBeGreaterThanOrEqual(13);
  });
  it('the audit computes, for every claim, the verdict its spec file records', () => {
    for (const c of runAudit(loadCatalogue())) expect(c.problems, c.id).toEqual([]);
  });
  it('rejects malformed spec files', () => {
    expect(() => parseSpecFile('no front matter', 'spec/a.b.md')).toThrow(/front matter/);
    expect(() => parseSpecFile('---\nid: a.b\ntitle: t\nkind: nope\nstatement: s\nsource: {file: f, quote: q}\nverdict: confirmed\n---\n', 'spec/a.b.md')).toThrow(/kind/);
    expect(() => parseSpecFile('---\nid: a.b\ntitle: t\nkind: shape\nstatement: s\nsource: {file: f, quote: q}\nverdict: confirmed\n---\n', 'spec/a.c.md')).toThrow(/file name/);
  });
});
