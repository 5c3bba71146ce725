import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The package root: this file lives at `src/util/paths.ts` (tests, via vitest) or
 * `dist/util/paths.js` (the CLI and the library), both two levels below the root.
 *
 * Read-only package data resolves from here: `spec/`, `fixtures/`, `schemas/`, `clients/`.
 * Nothing is ever written below it unless the working directory is inside it (see {@link outputPath}).
 */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function fromRoot(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, ...parts);
}

function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * True when `cwd` is the package root or a folder below it: someone working in a checkout of
 * this repository (`npx lemmata …` in the repository, the tests). False for an installed package
 * (`node_modules/lemmata`) run from the user's project.
 */
export function insidePackage(cwd: string = process.cwd()): boolean {
  const root = real(PACKAGE_ROOT);
  const here = real(cwd);
  const rel = path.relative(root, here);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** What the CLI writes by default: reports (check, conform, audit) and regenerated fixtures. */
export type OutputKind = 'reports' | 'fixtures';

/**
 * Where the CLI writes `kind` when no `--out` is given: inside this repository (the working
 * directory is the package root or below it) the repository's own `reports/` and `fixtures/`;
 * anywhere else — an installed package run from a user's project — `./lemmata-reports/` and
 * `./lemmata-fixtures/` of the working directory, never `node_modules/lemmata/…`.
 */
export function outputPath(kind: OutputKind, ...parts: string[]): string {
  return insidePackage() ? fromRoot(kind, ...parts) : path.resolve(process.cwd(), `lemmata-${kind}`, ...parts);
}
