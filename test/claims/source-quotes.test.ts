/**
 * `lemmata audit --notes DIR` checks that every spec quotes the notes verbatim (src/runner/notes-quotes.ts).
 * The tests never read the real notes (they are an input of the audit, not a dependency of the
 * test suite; CI runs the check on ../shared/seeds in .ci/run). Instead they write notes of their
 * own from the specs — each quote fragment placed at its stated line among filler lines — and check
 * that the verifier accepts them and rejects every kind of mismatch, through the library and the CLI.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadSpecs } from '../../src/registry/spec-files.js';
import { fromRoot } from '../../src/util/paths.js';
import { verifyQuotes, quoteFragments, QUOTE_WINDOW } from '../../src/runner/notes-quotes.js';
import type { ClaimSpec } from '../../src/registry/types.js';
import { auditNotes } from '../../src/runner/audit.js';
import { loadCatalogue } from '../../src/registry/catalogue.js';
import { statementFragments } from '../../src/audit/quotes.js';

const specs = loadSpecs();

/** Notes in which each spec's fragments sit on consecutive lines from its stated line on. */
function writeNotes(dir: string, list: readonly ClaimSpec[]): void {
  const files = new Map<string, string[]>();
  for (const s of list) {
    const lines = files.get(s.source.file) ?? [];
    const at = (s.source.line ?? 1) - 1;
    quoteFragments(s.source.quote).forEach((frag, k) => {
      while (lines.length <= at + k) lines.push(`filler line ${lines.length + 1}`);
      // several claims may quote the same line: keep every fragment on it
      lines[at + k] = lines[at + k]!.startsWith('filler line') ? frag : `${lines[at + k]} ${frag}`;
    });
    files.set(s.source.file, lines);
  }
  for (const [f, lines] of files) fs.writeFileSync(path.join(dir, f), lines.join('\n') + '\n');
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-notes-'));

/** Adds the statement quotes (src/audit/statements/, checked by the same --notes run) inside their line ranges. */
function addStatementQuotes(dir: string, skipClaim?: string): void {
  for (const st of auditNotes(loadCatalogue()).statements) {
    if (skipClaim && st.claims.includes(skipClaim)) continue;
    const p = path.join(dir, st.file);
    const lines = fs.existsSync(p) ? fs.readFileSync(p, 'utf8').replace(/\n$/, '').split('\n') : [];
    while (lines.length < st.lines[1]) lines.push(`filler line ${lines.length + 1}`);
    statementFragments(st.quote).forEach((frag, k) => {
      const at = Math.min(st.lines[0] - 1 + k, st.lines[1] - 1);
      lines[at] = `${lines[at]} ${frag}`;
    });
    fs.writeFileSync(p, lines.join('\n') + '\n');
  }
}

describe('audit --notes: spec quotes are verbatim in the notes given', () => {
  it('every spec names a notes file and a line, and its quote has at least one fragment', () => {
    for (const s of specs) {
      expect(s.source.file, s.id).toMatch(/^\d{3}_[0-9a-f]+\.txt$/);
      expect(s.source.line, s.id).toBeGreaterThan(0);
      expect(quoteFragments(s.source.quote).length, s.id).toBeGreaterThan(0);
    }
  });

  it('accepts notes that contain every quote at its line', () => {
    const dir = tmp();
    writeNotes(dir, specs);
    const r = verifyQuotes(specs, dir);
    expect(r.problems).toEqual([]);
    expect(r.checked).toBe(specs.length);
  });

  it('rejects a changed character, a quote moved beyond the window, and a missing notes file', () => {
    const target = specs.find((s) => quoteFragments(s.source.quote)[0]!.length > 8)!;
    // one character changed in the fragment
    const d1 = tmp();
    writeNotes(d1, specs);
    const f1 = path.join(d1, target.source.file);
    const text = fs.readFileSync(f1, 'utf8');
    const frag = quoteFragments(target.source.quote)[0]!;
    const i = text.indexOf(frag);
    fs.writeFileSync(f1, text.slice(0, i + 3) + (frag[3] === 'x' ? 'y' : 'x') + text.slice(i + 4));
    const r1 = verifyQuotes([target], d1);
    expect(r1.problems.map((p) => p.claim)).toEqual([target.id]);
    expect(r1.problems[0]!.problem).toContain('not found');
    // the same text moved QUOTE_WINDOW + 2 lines further down
    const d2 = tmp();
    const moved = { ...target, source: { ...target.source, line: target.source.line! + QUOTE_WINDOW + 2 } };
    writeNotes(d2, [moved]);
    expect(verifyQuotes([target], d2).problems).toHaveLength(1);
    // missing file
    const d3 = tmp();
    const r3 = verifyQuotes([target], d3);
    expect(r3.problems[0]!.problem).toContain('not found in');
  });

  it('the CLI exits 0 on matching notes, 1 on a mismatch (naming the claim), 2 on a missing directory', () => {
    const cli = fromRoot('bin', 'lemmata.mjs');
    const out = path.join(tmp(), 'audit.md');
    const good = tmp();
    writeNotes(good, specs);
    addStatementQuotes(good);
    const ok = spawnSync(process.execPath, [cli, 'audit', '--notes', good, '--out', out], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toContain(`${specs.length} of ${specs.length} spec quotes found verbatim`);
    const bad = tmp();
    writeNotes(bad, specs.filter((s) => s.id !== 'norm.layernorm'));
    addStatementQuotes(bad, 'norm.layernorm');
    const layer = specs.find((s) => s.id === 'norm.layernorm')!;
    // the layer-norm quote's file exists (other claims quote it) but its text is absent
    const r = spawnSync(process.execPath, [cli, 'audit', '--notes', bad, '--out', out], { encoding: 'utf8' });
    const others = specs.filter((s) => s.id !== 'norm.layernorm' && s.source.file === layer.source.file);
    expect(others.length).toBeGreaterThan(0);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('norm.layernorm: spec/norm.layernorm.md source');
    const missing = spawnSync(process.execPath, [cli, 'audit', '--notes', path.join(bad, 'nope'), '--out', out], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
  });
});
