/**
 * Every spec file quotes the notes verbatim: each fragment of its quote (fragments are separated
 * by " … " or " / " where the quote spans lines) occurs in the named seed file within a few lines
 * of the stated line. The notes live in ../shared/seeds/ beside the checkout (or $LEMMATA_SEEDS);
 * without them this test fails loudly rather than pass vacuously.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadSpecs } from '../../src/registry/spec-files.js';
import { fromRoot } from '../../src/util/paths.js';

const SEEDS = process.env['LEMMATA_SEEDS'] ?? path.resolve(fromRoot(), '..', 'shared', 'seeds');

describe('source quotes', () => {
  it('the seed notes are available', () => {
    expect(fs.existsSync(SEEDS), `seed notes not found at ${SEEDS} (set LEMMATA_SEEDS)`).toBe(true);
  });
  for (const spec of loadSpecs()) {
    it(`${spec.id} quotes ${spec.source.file}:${spec.source.line ?? '?'} verbatim`, () => {
      const lines = fs.readFileSync(path.join(SEEDS, spec.source.file), 'utf8').split('\n');
      const at = spec.source.line ?? 1;
      const window = lines.slice(Math.max(0, at - 1 - 12), at + 12).join('\n');
      for (const frag of spec.source.quote.split(/ … | \/ /)) {
        expect(window, `fragment not found near line ${at}: ${frag}`).toContain(frag.trim());
      }
    });
  }
});
