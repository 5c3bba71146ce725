/**
 * The coverage tables of reports/peers/README.md and clients/python/README.md are generated from
 * the committed peer reports (src/conform/peer-docs.ts): they are current, and they say what the
 * reports say.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import { fromRoot } from '../../src/util/paths.js';
import { peerDocs, readPeerReports, replaceGenerated } from '../../src/conform/peer-docs.js';

describe('generated peer and client READMEs', () => {
  it('are current (regenerate with npm run docs)', () => {
    for (const [file, text] of peerDocs(fromRoot())) expect(fs.readFileSync(file, 'utf8'), file).toBe(text);
  });

  it('list every peer report with its counts', () => {
    const peers = readPeerReports(fromRoot('reports', 'peers'));
    expect(peers.length).toBeGreaterThanOrEqual(8);
    const readme = fs.readFileSync(fromRoot('reports', 'peers', 'README.md'), 'utf8');
    for (const { folder, report } of peers) {
      const row = readme.split('\n').find((l) => l.startsWith(`| [\`${folder}\`]`))!;
      expect(row, folder).toBeDefined();
      expect(row).toContain(`| ${report.summary.pass} | ${report.summary.fail} | ${report.summary.error} |`);
    }
  });

  it('refuses a README without its markers', () => {
    expect(() => replaceGenerated('no markers here', 'peers', 'x')).toThrow(/missing markers/);
  });
});
