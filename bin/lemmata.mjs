#!/usr/bin/env node
// Entry point of the `lemmata` command. The TypeScript sources are compiled to dist/ by
// `npm ci` (the `prepare` script) and by `npm test`; run `npm run build` after editing src/.
// An installed package ships dist/ (and no sources).
import { existsSync, statSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('lemmata: dist/ is missing — this is a source checkout that was not built: run `npm run build` (or `npm ci`).');
  process.exit(2);
}
// dist/bin/main.js: the same compiled code bundled for a faster start (scripts/bundle-cli.mjs, part of
// `npm run build`); the unbundled dist/cli/main.js when the bundle is missing or older than it (a bare
// `tsc` after an edit)
const bundle = new URL('../dist/bin/main.js', import.meta.url);
const fresh = existsSync(bundle) && statSync(bundle).mtimeMs >= statSync(entry).mtimeMs;
const { main } = await import((fresh ? bundle : entry).href);

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`lemmata: internal error: ${err && err.stack ? err.stack : err}`); process.exitCode = 2; },
);
