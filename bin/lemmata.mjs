#!/usr/bin/env node
// Entry point of the `lemmata` command. The TypeScript sources are compiled to dist/ by
// `npm ci` (the `prepare` script) and by `npm test`; run `npm run build` after editing src/.
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`lemmata: internal error: ${err && err.stack ? err.stack : err}`); process.exitCode = 2; },
);
