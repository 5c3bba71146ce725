/** Coverage map of notes file 001 (src/audit/coverage.ts): sections by domain, and the items out of scope with the reason. */
import type { CoverageMap } from './types.js';

export const MAP: CoverageMap = {
  sections: [
    { lines: [1, 81], domain: 'architectures', title: 'Paper summaries (prose only)' },
  ],
  outOfScope: [
  ],
};
