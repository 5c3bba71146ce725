/**
 * The errata sheet (`lemmata audit --errata`): per notes file a Markdown and a self-contained HTML
 * page, byte-identical on regeneration, every formula renderable by KaTeX, nothing loaded from
 * outside the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { fromRoot } from '../../src/util/paths.js';
import { errataPages, needsErratum, splitMath, mathToHtml, renderMath } from '../../src/audit/errata.js';
import { NOTES_FILES } from '../../src/audit/statements/types.js';
import { realAudit, tmpDir } from './helpers.js';

describe('splitMath', () => {
  it('splits text, inline $…$ and display $$…$$, keeping an escaped \\$', () => {
    expect(splitMath('a $x^2$ b $$\\frac12$$ c \\$5')).toEqual([
      { kind: 'text', value: 'a ' }, { kind: 'inline', value: 'x^2' }, { kind: 'text', value: ' b ' },
      { kind: 'display', value: '\\frac12' }, { kind: 'text', value: ' c $5' },
    ]);
    expect(splitMath('unclosed $x')).toEqual([{ kind: 'text', value: 'unclosed $x' }]);
  });
});

describe('the errata pages', () => {
  const { result } = realAudit();
  const pages = errataPages(result);

  it('one Markdown and one HTML page per notes file, in reading order, listing every statement that needs attention', () => {
    expect(pages.map((p) => p.file)).toEqual(Object.values(NOTES_FILES));
    for (const p of pages) {
      const errata = result.statements.filter((s) => s.key === p.key && needsErratum(s));
      let last = 0;
      for (const s of errata) {
        const at = p.mdText.indexOf(`Statement \`${s.id}\``);
        expect(at, `${s.id} in ${p.md}`).toBeGreaterThan(last);
        last = at;
        expect(p.htmlText).toContain(`<section id="${s.id}">`);
      }
    }
    const all = result.statements.filter(needsErratum);
    expect(all.length).toBeGreaterThan(50);
    for (const s of all) expect(s.corrected, s.id).toBeTruthy();
  });

  it('every corrected statement and recorded typo renders with KaTeX (no parse error)', () => {
    let formulas = 0;
    for (const s of result.statements) {
      for (const t of [s.corrected, s.typo]) {
        if (!t) continue;
        for (const seg of splitMath(t)) if (seg.kind !== 'text') { formulas++; expect(() => renderMath(seg.value, seg.kind === 'display', true), `${s.id}: ${seg.value}`).not.toThrow(); }
        expect(() => mathToHtml(t, true)).not.toThrow();
      }
    }
    expect(formulas).toBeGreaterThan(100);
  });

  it('the HTML is self-contained: no script, no stylesheet link, nothing fetched', () => {
    for (const p of pages) {
      expect(p.htmlText).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\b(?:src|href)=|https?:\/\/(?!www\.w3\.org\/1998\/Math\/MathML")/i);
      expect(p.htmlText).toMatch(/^<!DOCTYPE html>/);
      expect(p.htmlText).not.toContain('katex-error');
    }
  });

  it('reports/errata is current and regenerates byte-identically through the CLI', () => {
    for (const p of pages) {
      expect(fs.readFileSync(fromRoot('reports', 'errata', p.md), 'utf8')).toBe(p.mdText);
      expect(fs.readFileSync(fromRoot('reports', 'errata', p.html), 'utf8')).toBe(p.htmlText);
    }
    const dirs = [tmpDir(), tmpDir()];
    for (const d of dirs) {
      const r = spawnSync(process.execPath, [fromRoot('bin', 'lemmata.mjs'), 'audit', '--errata', '--out', d], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
    }
    const list = fs.readdirSync(dirs[0]!).sort();
    expect(list).toEqual(fs.readdirSync(dirs[1]!).sort());
    expect(list).toContain('README.md');
    for (const f of list) expect(fs.readFileSync(path.join(dirs[1]!, f))).toEqual(fs.readFileSync(path.join(dirs[0]!, f)));
    for (const f of list) expect(fs.readFileSync(path.join(dirs[0]!, f), 'utf8'), f).toBe(fs.readFileSync(fromRoot('reports', 'errata', f), 'utf8'));
  });
});
