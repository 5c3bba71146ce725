/** spec/ops.md, generated from the op catalogue (`npm run docs`; a test checks it is current). */
import { OPS } from './index.js';

export function opsMarkdown(): string {
  const out = [
    '# Ops',
    '',
    'Generated from `src/ops/<domain>.ts` by `npm run docs`; do not edit by hand.',
    'Each op takes one argument object and returns one value. On the line protocol',
    '(`spec/protocol.md`) the arguments listed under "tensors" travel as tensor objects',
    '(`float`: the request dtype; `int`: int32); everything else is plain JSON.',
    '',
  ];
  for (const o of OPS) {
    const t = Object.entries(o.tensors);
    out.push(`## \`${o.id}\``, '', '```', o.signature, '```', '', o.description, '',
      `tensors: ${t.length ? t.map(([k, v]) => `\`${k}\` (${v})`).join(', ') : 'none'}`, '');
  }
  return out.join('\n');
}
