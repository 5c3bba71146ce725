/**
 * `npm run docs`: spec/ops.md and schemas/<op-id>.json from the op schemas (stale schema files are
 * removed), and the coverage tables of the peer and client READMEs from the peer reports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { opsMarkdown, schemaFiles } from './doc.js';
import { fromRoot } from '../util/paths.js';
import { peerDocs } from '../conform/peer-docs.js';

fs.writeFileSync(fromRoot('spec', 'ops.md'), opsMarkdown());
const dir = fromRoot('schemas');
fs.mkdirSync(dir, { recursive: true });
const files = schemaFiles();
for (const name of fs.readdirSync(dir)) if (name.endsWith('.json') && !files.has(name)) fs.rmSync(path.join(dir, name));
for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
for (const [file, text] of peerDocs(fromRoot())) fs.writeFileSync(file, text);
console.log(`wrote spec/ops.md, ${files.size} files in schemas/, and the generated tables of reports/peers/README.md and clients/python/README.md`);
