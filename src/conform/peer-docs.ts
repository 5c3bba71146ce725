/**
 * The coverage statements of `reports/peers/README.md` and `clients/python/README.md` are generated
 * from the committed peer reports (`reports/peers/<peer>-<dtype>/conform.json`), between the
 * markers `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`, so they cannot go stale:
 * `npm run docs` rewrites them and a test checks they are current.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ConformReport } from './types.js';
import { OPS } from '../ops/index.js';

export interface PeerReport { folder: string; report: ConformReport }

export function readPeerReports(dir: string): PeerReport[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).sort()
    .filter((f) => fs.existsSync(path.join(dir, f, 'conform.json')))
    .map((f) => ({ folder: f, report: JSON.parse(fs.readFileSync(path.join(dir, f, 'conform.json'), 'utf8')) as ConformReport }));
}

const how = (r: ConformReport) => (r.implementation.kind === 'builtin' ? `built in (\`--backend ${r.implementation.spec}\`)` : `\`${r.implementation.spec}\``);
const profile = (r: ConformReport) => `${r.implementation.profile.elementaryUlps} ulps, ${r.implementation.profile.flushToZero ? '**flush-to-zero**' : 'no flush-to-zero'} (${r.implementation.profileSource})`;

/** The table of peer results. */
export function peerTable(peers: readonly PeerReport[]): string {
  const rows = ['| report | implementation | how | dtype | pass | fail | error | xfail | unsupported | profile used by the bounds |', '|---|---|---|---|---:|---:|---:|---:|---:|---|'];
  for (const { folder, report: r } of peers) {
    const s = r.summary;
    rows.push(`| [\`${folder}\`](${folder}/conform.md) | ${r.implementation.name} | ${how(r)} | ${r.dtypes.join(', ')} | ${s.pass} | ${s.fail} | ${s.error} | ${s.xfail} | ${s.unsupported} | ${profile(r)} |`);
  }
  return rows.join('\n');
}

/** Which ops each adapter declares, per dtype, and which catalogue ops it leaves out. */
export function adapterCoverage(peers: readonly PeerReport[], match: (r: ConformReport) => boolean): string {
  const rows = ['| adapter | implementation | declares | dtypes | leaves out |', '|---|---|---:|---|---|'];
  const seen = new Set<string>();
  for (const { report: r } of peers) {
    if (!match(r) || seen.has(r.implementation.spec)) continue;
    seen.add(r.implementation.spec);
    const ops = Object.keys(r.implementation.ops).sort();
    const dtypes = [...new Set(Object.values(r.implementation.ops).flat())].sort();
    const missing = OPS.map((o) => o.id).filter((id) => !ops.includes(id));
    rows.push(`| \`${r.implementation.spec.split(' ').pop()}\` | ${r.implementation.name} | ${ops.length} of ${OPS.length} ops | ${dtypes.join(', ')} | ${missing.length ? missing.map((m) => `\`${m}\``).join(', ') : '—'} |`);
  }
  return rows.join('\n');
}

/** Replace the generated block NAME in text (the markers must be there). */
export function replaceGenerated(text: string, name: string, content: string): string {
  const open = `<!-- generated:${name} -->`, close = `<!-- /generated:${name} -->`;
  const i = text.indexOf(open), j = text.indexOf(close);
  if (i < 0 || j < i) throw new Error(`missing markers ${open} … ${close}`);
  return `${text.slice(0, i + open.length)}\n${content}\n${text.slice(j)}`;
}

/** The mutation table of reports/mutation.json (written by `npm run mutation`), for the README. */
export function mutationTable(root: string): string {
  const file = path.join(root, 'reports', 'mutation.json');
  if (!fs.existsSync(file)) return '_No mutation run recorded yet: run `npm run mutation`._';
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as { seeds: number[]; rows: { op: string; bugs: number; killed: number; correct: number; falseAlarms: number }[]; total: { bugs: number; killed: number; correct: number; falseAlarms: number } };
  const pct = (k: number, n: number) => (n ? `${Math.floor((100 * k) / n)} %` : '—');
  return ['| op | bugs | killed | kill rate | correct zoo | false alarms |', '|---|---:|---:|---:|---:|---:|',
    ...m.rows.map((r) => `| \`${r.op}\` | ${r.bugs} | ${r.killed} | ${pct(r.killed, r.bugs)} | ${r.correct} | ${r.falseAlarms} |`),
    `| **total** | ${m.total.bugs} | ${m.total.killed} | ${pct(m.total.killed, m.total.bugs)} | ${m.total.correct} | ${m.total.falseAlarms} |`,
    '', `Seeds ${m.seeds.join(', ')}; every entry in [reports/mutation.md](reports/mutation.md).`].join('\n');
}

/** The generated blocks of the READMEs: [file, new text]. */
export function peerDocs(root: string): [string, string][] {
  const peers = readPeerReports(path.join(root, 'reports', 'peers'));
  const out: [string, string][] = [];
  const peersReadme = path.join(root, 'reports', 'peers', 'README.md');
  out.push([peersReadme, replaceGenerated(fs.readFileSync(peersReadme, 'utf8'), 'peers', peerTable(peers))]);
  const py = path.join(root, 'clients', 'python', 'README.md');
  out.push([py, replaceGenerated(fs.readFileSync(py, 'utf8'), 'coverage', adapterCoverage(peers, (r) => r.implementation.kind === 'command' && /python/.test(r.implementation.spec)))]);
  const readme = path.join(root, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  if (text.includes('<!-- generated:mutation -->')) out.push([readme, replaceGenerated(text, 'mutation', mutationTable(root))]);
  return out;
}
