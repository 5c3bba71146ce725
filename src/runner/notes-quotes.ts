/**
 * `lemmata audit --notes DIR`: every spec file quotes the notes verbatim. Each fragment of a
 * spec's `source.quote` (fragments are separated by " … " or " / " where a quote spans lines)
 * must occur in the named notes file within QUOTE_WINDOW lines of the stated line. The notes are
 * an input of the audit, never a dependency of the tests: the tests run this check on notes they
 * write themselves, and CI runs it on the real notes (.ci/run).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ClaimSpec } from '../registry/types.js';

export const QUOTE_WINDOW = 12;

export interface QuoteProblem {
  claim: string;
  file: string;
  line: number | null;
  problem: string;
}

export interface QuoteReport {
  checked: number;
  files: string[];
  problems: QuoteProblem[];
}

/** The fragments of a quote, trimmed. */
export function quoteFragments(quote: string): string[] {
  return quote.split(/ … | \/ /).map((f) => f.trim()).filter((f) => f.length > 0);
}

export function verifyQuotes(specs: readonly ClaimSpec[], notesDir: string): QuoteReport {
  const problems: QuoteProblem[] = [];
  const cache = new Map<string, string[] | null>();
  const linesOf = (file: string): string[] | null => {
    if (!cache.has(file)) {
      const p = path.join(notesDir, file);
      cache.set(file, fs.existsSync(p) ? fs.readFileSync(p, 'utf8').replace(/\r\n/g, '\n').split('\n') : null);
    }
    return cache.get(file)!;
  };
  for (const spec of specs) {
    const { file, line } = spec.source;
    const lines = linesOf(file);
    if (lines === null) {
      problems.push({ claim: spec.id, file, line: line ?? null, problem: `notes file ${file} not found in ${notesDir}` });
      continue;
    }
    const at = line ?? 1;
    if (line !== undefined && (line < 1 || line > lines.length)) {
      problems.push({ claim: spec.id, file, line, problem: `line ${line} is beyond the end of ${file} (${lines.length} lines)` });
      continue;
    }
    const window = lines.slice(Math.max(0, at - 1 - QUOTE_WINDOW), at + QUOTE_WINDOW).join('\n');
    for (const frag of quoteFragments(spec.source.quote)) {
      if (!window.includes(frag)) {
        problems.push({ claim: spec.id, file, line: line ?? null, problem: `quoted text not found within ${QUOTE_WINDOW} lines of line ${at}: “${frag}”` });
      }
    }
  }
  return { checked: specs.length, files: [...cache.keys()].sort(), problems };
}
