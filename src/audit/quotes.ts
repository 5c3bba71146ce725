/**
 * `lemmata audit --notes DIR`: every statement quotes the notes verbatim *inside its line range*
 * (stricter than the spec quotes' ±12-line window: a statement's location is part of its identity
 * in the errata sheet). Fragments are separated by " … ". The tests run this on notes they write
 * themselves; CI runs it on the real notes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lineRange } from '../runner/audit.js';

export interface StatementLike {
  id: string;
  key: string;
  file: string;
  lines: readonly [number, number];
  quote: string;
}

export const statementFragments = (quote: string): string[] =>
  quote.split(' … ').map((f) => f.trim()).filter((f) => f.length > 0);

export function readNotesLines(notesDir: string, file: string): string[] | null {
  const p = path.join(notesDir, file);
  return fs.existsSync(p) ? fs.readFileSync(p, 'utf8').replace(/\r\n/g, '\n').split('\n') : null;
}

export function verifyStatementQuotes(statements: readonly StatementLike[], notesDir: string): { checked: number; problems: string[] } {
  const cache = new Map<string, string[] | null>();
  const problems: string[] = [];
  for (const s of statements) {
    if (!cache.has(s.file)) cache.set(s.file, readNotesLines(notesDir, s.file));
    const lines = cache.get(s.file)!;
    const where = `statement ${s.id} (${lineRange(s)})`;
    if (lines === null) { problems.push(`${where}: notes file ${s.file} not found in ${notesDir}`); continue; }
    if (s.lines[1] > lines.length) { problems.push(`${where}: beyond the end of ${s.file} (${lines.length} lines)`); continue; }
    const text = lines.slice(s.lines[0] - 1, s.lines[1]).join('\n');
    for (const frag of statementFragments(s.quote)) {
      if (!text.includes(frag)) problems.push(`${where}: quoted text not found in lines ${s.lines[0]}–${s.lines[1]} of ${s.file}: “${frag}”`);
    }
  }
  return { checked: statements.length, problems };
}
