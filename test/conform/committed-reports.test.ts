/**
 * Every report committed under reports/ is plain JSON a user can load: it parses with JSON.parse,
 * inputs and counterexamples are JSON values (not fast-check notation inside strings, such as
 * `{__proto__:null,…}`), and every conform report has the current shape.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../../src/util/paths.js';

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// generated, uncommitted outputs (reports/tmp, reports/latest.*, reports/conform, reports/verify) are not part of the check;
// the test looks at paths relative to reports/ so that the checkout's own location does not matter
const committed = walk(fromRoot('reports')).filter((f) => {
  const rel = path.relative(fromRoot('reports'), f).split(path.sep);
  return f.endsWith('.json') && !['tmp', 'conform', 'verify'].includes(rel[0]!) && !/^latest\./.test(rel[rel.length - 1]!);
});

describe('committed reports', () => {
  it('there are some', () => {
    expect(committed.length).toBeGreaterThanOrEqual(8);
  });
  for (const f of committed) {
    it(`${path.relative(fromRoot(), f)} is plain JSON with JSON values for inputs`, () => {
      const j = JSON.parse(fs.readFileSync(f, 'utf8'));
      if (j.command !== 'conform') return;
      expect(Array.isArray(j.dtypes)).toBe(true);
      expect(typeof j.implementation.profileSource).toBe('string');
      for (const p of j.properties) {
        for (const k of ['worstInput', 'counterexample']) {
          if (p[k] === undefined) continue;
          expect(typeof p[k], `${p.id}.${k}`).not.toBe('string');
          expect(JSON.stringify(p[k])).not.toContain('__proto__');
        }
      }
    });
  }
});
