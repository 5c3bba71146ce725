/**
 * The coverage scan of the notes (`lemmata audit --notes DIR --coverage`), on notes the test
 * writes itself: every display formula, boxed result, worked example and conclusion is found, and
 * mapped to an audited statement, an out-of-scope reason, a pending domain — or reported unmapped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { fromRoot } from '../../src/util/paths.js';
import { scanNotes, coverage, coverageText, checkCoverageMaps } from '../../src/audit/coverage.js';
import { COVERAGE_MAPS } from '../../src/audit/coverage/index.js';
import { NOTES_FILES } from '../../src/audit/statements/types.js';
import type { AuditStatement } from '../../src/runner/audit.js';
import { tmpDir } from './helpers.js';

const NOTES = [
  'Topic 1: something',                                     // 1
  'We define $x$ as usual.',                                 // 2
  '$$a = b + c$$',                                           // 3  display
  '$$\\begin{aligned} u &= v \\\\',                          // 4  display (two lines)
  ' &= w \\end{aligned}$$',                                  // 5
  'Therefore the loss is convex.',                           // 6  conclusion
  'For example, with x = 2 and y = 3 we get 5.',            // 7  example
  'The result is $\\boxed{0}$ here.',                        // 8  boxed
  '1.2 A numbered heading',                                  // 9  (not an example)
  '\\[ z = 1 \\]',                                           // 10 display
  'So the step size must be small.',                         // 11 conclusion
  '| x | 0.5 | 1.25 |',                                      // 12 example (table with numbers)
  '- [3] A. Author, 2019. A reference.',                     // 13 (not an example)
];

describe('scanNotes', () => {
  it('finds display formulas ($$…$$ over one or more lines, \\[…\\]), boxed results, worked examples and conclusions', () => {
    const items = scanNotes(NOTES).map((i) => `${i.kind}@${i.lines[0]}-${i.lines[1]}`);
    expect(items).toEqual([
      'display@3-3', 'display@4-5', 'conclusion@6-6', 'example@7-7', 'boxed@8-8', 'display@10-10', 'conclusion@11-11', 'example@12-12',
    ]);
  });
});

function statementAt(key: '000', lines: [number, number]): AuditStatement {
  return { id: '000-abcdef', domain: 'statistics', key, file: NOTES_FILES[key], lines, quote: 'q', parts: [], verdict: 'confirmed', rule: 'exact', decidedBy: '', evidence: '', claims: [] };
}

describe('coverage', () => {
  const map = {
    '000': {
      sections: [{ lines: [1, 8] as const, domain: 'statistics' as const, title: 'built' }, { lines: [9, 13] as const, domain: 'language-models' as const, title: 'pending' }],
      outOfScope: [{ lines: [6, 6] as const, reason: 'prose: a remark' }],
    },
  };
  const write = () => { const d = tmpDir(); fs.writeFileSync(path.join(d, NOTES_FILES['000']), NOTES.join('\n') + '\n'); return d; };

  it('maps items to audited statements, out-of-scope reasons and pending domains, and reports the rest unmapped', () => {
    const r = coverage(write(), [statementAt('000', [3, 5])], map);
    const status = Object.fromEntries(r.items.map((i) => [`${i.kind}@${i.lines[0]}`, i.status]));
    expect(status).toEqual({
      'display@3': 'audited', 'display@4': 'audited', 'conclusion@6': 'out-of-scope', 'example@7': 'unmapped', 'boxed@8': 'unmapped',
      'display@10': 'pending', 'conclusion@11': 'pending', 'example@12': 'pending',
    });
    expect(r.total).toEqual({ items: 8, audited: 2, outOfScope: 1, pending: 3, unmapped: 2 });
    expect(r.byDomain['statistics']).toEqual({ items: 5, audited: 2, outOfScope: 1, pending: 0, unmapped: 2 });
    expect(r.problems.filter((p) => p.startsWith('unmapped'))).toHaveLength(2);
    const text = coverageText(r);
    expect(text).toMatch(/language-models — .*: 3 items at 000:10, 000:11, 000:12/);
    expect(text).toMatch(/unmapped \(2\):/);
  });

  it('reports stale out-of-scope entries and missing notes files', () => {
    const r = coverage(write(), [statementAt('000', [3, 8])], map);
    expect(r.problems).toContain('000:6–6: out-of-scope entry matches no unaudited item (stale)');
    expect(r.problems.some((p) => p.includes('001_c5fd3f225a543b9a.txt not found'))).toBe(true);
  });

  it('the real coverage maps are well formed (sections in order, known domains, reasons with a kind)', () => {
    expect(checkCoverageMaps()).toEqual([]);
    expect(Object.keys(COVERAGE_MAPS).sort()).toEqual(Object.keys(NOTES_FILES).sort());
    expect(checkCoverageMaps({ x: { sections: [{ lines: [5, 9], domain: 'nowhere' as never, title: '' }, { lines: [3, 4], domain: 'pca', title: '' }], outOfScope: [{ lines: [1, 1], reason: 'because' }] } }))
      .toHaveLength(3);
  });

  it('the CLI: --coverage needs --notes, and exits 1 while items are unmapped', () => {
    const cli = (...a: string[]) => spawnSync(process.execPath, [fromRoot('bin', 'lemmata.mjs'), 'audit', ...a], { encoding: 'utf8', timeout: 120_000 });
    expect(cli('--coverage').status).toBe(2);
    const r = cli('--notes', write(), '--coverage');
    expect(r.status, r.stderr.slice(-2000)).toBe(1);
    expect(r.stdout, r.stderr.slice(-2000)).toMatch(/coverage of the notes: \d+ items/);
  });
});
