/**
 * `npm run docs`: spec/ops.md and schemas/<op-id>.json from the op schemas (stale schema files are
 * removed). The README tables generated from reports are written by src/conform/write-peer-docs.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { opsMarkdown, schemaFiles } from './doc.js';
import { fromRoot } from '../util/paths.js';

fs.writeFileSync(fromRoot('spec', 'ops.md'), opsMarkdown());
const dir = fromRoot('schemas');
fs.mkdirSync(dir, { recursive: true });
const files = schemaFiles();
for (const name of fs.readdirSync(dir)) if (name.endsWith('.json') && !files.has(name)) fs.rmSync(path.join(dir, name));
for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
console.log(`wrote spec/ops.md and ${files.size} files in schemas/`);
