/**
 * Reads `spec/<claim-id>.md`: YAML front matter between `---` lines, then a Markdown body
 * (the layout test262 uses for its tests). One file per claim; the file name is the claim id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CLAIM_KINDS, NOTES_VERDICTS, type ClaimSpec } from './types.js';
import { fromRoot } from '../util/paths.js';

const ID_RE = /^[a-z0-9]+\.[A-Za-z0-9-]+$/;

export function parseSpecFile(text: string, file: string): ClaimSpec {
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
  if (!m) throw new Error(`${file}: missing YAML front matter`);
  const meta = parseYaml(m[1]!) as Record<string, unknown>;
  const fail = (what: string): never => { throw new Error(`${file}: ${what}`); };
  const str = (k: string): string => {
    const v = meta[k];
    if (typeof v !== 'string' || v.trim() === '') fail(`field '${k}' must be a non-empty string`);
    return (v as string).trim();
  };
  const id = str('id');
  if (!ID_RE.test(id)) fail(`id '${id}' is not of the form domain.name`);
  if (path.basename(file, '.md') !== id) fail(`file name must be the claim id '${id}'`);
  const kind = str('kind');
  if (!(CLAIM_KINDS as readonly string[]).includes(kind)) fail(`unknown kind '${kind}'`);
  const verdict = str('verdict');
  if (!(NOTES_VERDICTS as readonly string[]).includes(verdict)) fail(`unknown verdict '${verdict}'`);
  const source = meta['source'] as Record<string, unknown> | undefined;
  if (!source || typeof source['file'] !== 'string' || typeof source['quote'] !== 'string') {
    fail(`'source' needs 'file' and 'quote'`);
  }
  const list = (k: string): string[] => {
    const v = meta[k] ?? [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(`'${k}' must be a list of strings`);
    return v as string[];
  };
  return {
    id,
    title: str('title'),
    kind: kind as ClaimSpec['kind'],
    statement: str('statement'),
    source: {
      file: String(source!['file']),
      quote: String(source!['quote']),
      ...(typeof source!['line'] === 'number' ? { line: source!['line'] as number } : {}),
    },
    conventions: list('conventions'),
    ops: list('ops'),
    verdict: verdict as ClaimSpec['verdict'],
    body: m[2]!.trim(),
    file: path.relative(fromRoot(), file),
  };
}

export function loadSpecs(dir: string = fromRoot('spec')): ClaimSpec[] {
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith('.md') && ID_RE.test(path.basename(f, '.md')))
    .sort()
    .map((f) => parseSpecFile(fs.readFileSync(path.join(dir, f), 'utf8'), path.join(dir, f)));
}
