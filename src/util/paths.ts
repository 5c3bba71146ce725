import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The package root: this file lives at `src/util/paths.ts` (tests, via vitest) or
 * `dist/util/paths.js` (the CLI), both two levels below the root.
 */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function fromRoot(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, ...parts);
}
