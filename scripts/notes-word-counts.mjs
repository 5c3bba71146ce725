#!/usr/bin/env node
/**
 * Derive test/data/notes-word-counts.tsv ONCE from the course notes (run by hand; tests never read
 * ../shared): `node scripts/notes-word-counts.mjs ../shared/seeds > test/data/notes-word-counts.tsv`.
 *
 * Pre-tokenisation (declared): the notes files in name order, each read as UTF-8 and NFC-normalised;
 * a word is a maximal run of word characters (\p{L} \p{M} \p{Nd} \p{Pc}) or a maximal run of
 * characters that are neither word characters nor white space — the pattern \w+|[^\w\s]+ of HF
 * tokenizers' `Whitespace` pre-tokenizer, with Unicode classes. Case is kept. Output: one line per
 * distinct word, `word<TAB>count`, in order of first occurrence.
 */
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) { console.error('usage: notes-word-counts.mjs <seeds dir>'); process.exit(2); }
const counts = new Map();
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const text = fs.readFileSync(path.join(dir, f), 'utf8').normalize('NFC');
  for (const m of text.matchAll(/[\p{L}\p{M}\p{Nd}\p{Pc}]+|[^\p{L}\p{M}\p{Nd}\p{Pc}\s]+/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
}
process.stdout.write([...counts].map(([w, c]) => `${w}\t${c}\n`).join(''));
