import fs from 'node:fs';
import { opsMarkdown } from './doc.js';
import { fromRoot } from '../util/paths.js';

fs.writeFileSync(fromRoot('spec', 'ops.md'), opsMarkdown());
console.log('wrote spec/ops.md');
