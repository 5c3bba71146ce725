/**
 * Statements are the unit of the audit: stable ids, verbatim quotes inside their line ranges
 * (checked on notes the test writes itself — never the real notes), every claim with a headline
 * statement, and `audit --json` keeping {id, verdict, evidence} per finding while adding the rule and
 * the statements.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { fromRoot } from '../../src/util/paths.js';
import { auditJson, auditMarkdown, statementId } from '../../src/runner/audit.js';
import { verifyStatementQuotes, statementFragments } from '../../src/audit/quotes.js';
import { STATEMENTS_BY_DOMAIN, NOTES_FILES } from '../../src/audit/statements/index.js';
import { realAudit, tmpDir } from './helpers.js';

/** Notes that hold each statement's fragments on the lines of its range (and filler elsewhere). */
function writeNotes(dir: string, statements: readonly { file: string; lines: readonly [number, number]; quote: string }[]): void {
  const files = new Map<string, string[]>();
  for (const s of statements) {
    const lines = files.get(s.file) ?? [];
    statementFragments(s.quote).forEach((frag, k) => {
      const at = Math.min(s.lines[0] - 1 + k, s.lines[1] - 1);
      while (lines.length <= s.lines[1]) lines.push(`filler ${lines.length + 1}`);
      lines[at] = lines[at]!.startsWith('filler') ? frag : `${lines[at]} ${frag}`;
    });
    files.set(s.file, lines);
  }
  for (const [f, lines] of files) fs.writeFileSync(path.join(dir, f), lines.join('\n') + '\n');
}

describe('statements', () => {
  it('have stable, unique ids derived from the notes file and the quote', () => {
    const { statements } = realAudit().result;
    expect(statements.length).toBeGreaterThanOrEqual(120);
    const ids = statements.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of statements) {
      expect(s.id).toMatch(/^\d{3}-[0-9a-f]{6}$/);
      expect(s.id).toBe(statementId(s.key, s.quote));
      expect(Object.values(NOTES_FILES)).toContain(s.file);
    }
    expect(statementId('002', 'x')).toBe(statementId('002', 'x')); // deterministic
  });

  it('are in reading order and every claim has exactly one headline statement at its source line', () => {
    const { statements, claims } = realAudit().result;
    for (let i = 1; i < statements.length; i++) {
      const [a, b] = [statements[i - 1]!, statements[i]!];
      expect(a.key < b.key || (a.key === b.key && a.lines[0] <= b.lines[0]), `${a.id} before ${b.id}`).toBe(true);
    }
    for (const c of claims) {
      expect(c.headline, c.id).toBeDefined();
      const h = statements.find((s) => s.id === c.headline)!;
      expect(h.file).toBe(c.source.file);
      expect(h.lines[0] <= c.source.line! && c.source.line! <= h.lines[1], c.id).toBe(true);
      expect(h.verdict, c.id).toBe(c.specVerdict);
    }
  });

  it('every statement quote is verified verbatim inside its line range, and a moved or altered quote is rejected', () => {
    const { statements } = realAudit().result;
    const dir = tmpDir();
    writeNotes(dir, statements);
    expect(verifyStatementQuotes(statements, dir).problems).toEqual([]);
    // a quote one line outside its range
    const target = statements.find((s) => s.lines[0] === s.lines[1] && statementFragments(s.quote).length === 1)!;
    const d2 = tmpDir();
    writeNotes(d2, [{ ...target, lines: [target.lines[0] + 1, target.lines[1] + 1] }]);
    expect(verifyStatementQuotes([target], d2).problems.join()).toMatch(/not found in lines/);
    // one character changed
    const d3 = tmpDir();
    writeNotes(d3, statements);
    const p = path.join(d3, target.file);
    const text = fs.readFileSync(p, 'utf8'), i = text.indexOf(target.quote) + 2;
    fs.writeFileSync(p, text.slice(0, i) + (text[i] === 'Z' ? 'Y' : 'Z') + text.slice(i + 1));
    expect(verifyStatementQuotes([target], d3).problems).toHaveLength(1);
  });

  it('the registry has one module per domain, and every statement lists at least one part', () => {
    for (const [domain, list] of Object.entries(STATEMENTS_BY_DOMAIN)) {
      for (const s of list) expect(Object.keys(s.parts).length, `${domain} ${s.file}:${s.lines[0]}`).toBeGreaterThan(0);
    }
  });
});

describe('audit --json and the Markdown report', () => {
  it('keeps {id, verdict, evidence} per finding and adds the rule and the statements', () => {
    const j = auditJson(realAudit().result);
    for (const x of j) {
      expect(Object.keys(x).sort()).toEqual(['evidence', 'id', 'rule', 'statements', 'verdict']);
      expect(x.statements.length, x.id).toBeGreaterThan(0);
      for (const s of x.statements) expect(Object.keys(s).sort()).toEqual(['file', 'id', 'lines', 'quote', 'rule', 'verdict']);
    }
    const head = j.find((x) => x.id === 'pca.reg-ae')!;
    expect(head.verdict).toBe('refuted');
    expect(head.statements[0]!.lines).toBe('002:576');
  });

  it('reports/seed-audit.md is current (byte-identical on regeneration)', () => {
    expect(auditMarkdown(realAudit().result)).toBe(fs.readFileSync(fromRoot('reports', 'seed-audit.md'), 'utf8'));
  });

  it('the CLI prints the same JSON and fails on a problem', () => {
    const r = spawnSync(process.execPath, [fromRoot('bin', 'lemmata.mjs'), 'audit', '--json'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(auditJson(realAudit().result));
  });
});
