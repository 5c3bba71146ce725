#!/usr/bin/env node
// Entry point of the `lemmata` command. The TypeScript sources are compiled to dist/ by
// `npm ci` (the `prepare` script) and by `npm test`; run `npm run build` after editing src/.
// An installed package ships dist/ (and no sources).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('lemmata: dist/ is missing — this is a source checkout that was not built: run `npm run build` (or `npm ci`).');
  process.exit(2);
}
const { main } = await import(entry.href);

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`lemmata: internal error: ${err && err.stack ? err.stack : err}`); process.exitCode = 2; },
);
