/** `npm run docs` (second step): the tables of README.md, reports/peers/README.md and clients/python/README.md generated from the committed reports. */
import fs from 'node:fs';
import { peerDocs } from './peer-docs.js';
import { fromRoot } from '../util/paths.js';

for (const [file, text] of peerDocs(fromRoot())) fs.writeFileSync(file, text);
console.log('wrote the generated tables of README.md, reports/peers/README.md and clients/python/README.md');
