import { it, expect } from 'vitest';
import fs from 'node:fs';
import { opsMarkdown } from '../../src/ops/doc.js';
import { fromRoot } from '../../src/util/paths.js';

it('spec/ops.md is generated from the op catalogue and current (npm run docs)', () => {
  expect(fs.readFileSync(fromRoot('spec', 'ops.md'), 'utf8')).toBe(opsMarkdown());
});
