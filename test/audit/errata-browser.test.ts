/**
 * The errata pages render in a real headless browser (Debian `chromium`; .ci/run installs it): every
 * formula becomes MathML, and no element carries KaTeX's error class. The test fails loudly when
 * chromium is absent — it is never skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { errataPages, splitMath, needsErratum } from '../../src/audit/errata.js';
import { realAudit, tmpDir } from './helpers.js';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const browser = CANDIDATES.find((p) => fs.existsSync(p));

describe('errata pages in a headless browser', () => {
  it('chromium is installed (apt-get install chromium; .ci/run does it)', () => {
    expect(browser, `no headless browser at ${CANDIDATES.join(', ')}: install Debian's chromium`).toBeDefined();
  });

  it('every page renders all its formulas, without a katex-error element', () => {
    expect(browser).toBeDefined();
    const { result } = realAudit();
    const dir = tmpDir('lemmata-errata-browser-');
    for (const p of errataPages(result)) {
      const file = path.join(dir, p.html);
      fs.writeFileSync(file, p.htmlText);
      const r = spawnSync(browser!, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage',
        `--user-data-dir=${path.join(dir, 'profile')}`, '--dump-dom', `file://${file}`], { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });
      expect(r.status, `${browser} on ${p.html}: ${r.stderr?.slice(-800)}`).toBe(0);
      const dom = r.stdout;
      expect(dom, p.html).toContain('</html>');
      expect(dom.match(/class="[^"]*katex-error/g) ?? [], p.html).toEqual([]);
      const expected = result.statements.filter((s) => s.key === p.key && needsErratum(s))
        .flatMap((s) => [s.typo, s.corrected]).filter((t): t is string => !!t)
        .reduce((n, t) => n + splitMath(t).filter((seg) => seg.kind !== 'text').length, 0);
      expect((dom.match(/<math[\s>]/g) ?? []).length, p.html).toBe(expected);
    }
  }, 300_000);
});
