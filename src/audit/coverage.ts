/**
 * `lemmata audit --notes DIR --coverage`: does the audit cover the notes?
 *
 * The scanner lists every item a reader would want a verdict on — display formulas ($$…$$ or
 * \[…\]), boxed results, worked examples with numbers, and "therefore/hence/thus/so" conclusions —
 * and maps each to
 *   - an audited statement (a statement of src/audit/statements/ whose line range meets the item), or
 *   - an explicit "out of scope: <reason>" entry of the coverage map (src/audit/coverage/), or
 *   - a *pending* domain: a section of the notes whose domain lemmata has not built yet (listed, not hidden).
 * Anything else is unmapped; in a built domain that fails the audit.
 */
import type { AuditStatement } from '../runner/audit.js';
import { DOMAINS, type Domain } from '../registry/domains.js';
import { readNotesLines } from './quotes.js';
import { NOTES_FILES, type NotesKey } from './statements/types.js';
import { COVERAGE_MAPS, PENDING_DOMAINS, OUT_OF_SCOPE_KINDS, type CoverageMap, type PendingDomain } from './coverage/index.js';

export type ItemKind = 'display' | 'boxed' | 'example' | 'conclusion';
export const ITEM_KINDS: readonly ItemKind[] = ['display', 'boxed', 'example', 'conclusion'];

export interface NotesItem {
  kind: ItemKind;
  lines: readonly [number, number];
  /** The item's first line, trimmed (for listings). */
  text: string;
}

const CONCLUSION = /\btherefore\b|\bhence\b|\bthus\b|\\therefore|∴|(?:^|[.;:!?]\s+|^\s*[-*•]\s+|^\s*\d+[.)]\s+)so\b(?![\s,]+(?:that|on|far|much|many|called|to speak)\b)/i;
const EXAMPLE_CUE = /\b(?:e\.g\.|for example|for instance|example)\b/i;
const DECIMAL = /(?<![\w.])-?\d+\.\d+(?![\w.])/;
const EQ_NUMBER = /=\s*-?\d/;

/** Scans one notes file (its lines). Deterministic; items in reading order. */
export function scanNotes(lines: readonly string[]): NotesItem[] {
  const items: NotesItem[] = [];
  const inMath = new Array<boolean>(lines.length).fill(false);
  // display math: $$ … $$ (possibly several on a line, possibly spanning lines) and \[ … \]
  let open: number | null = null;
  let openBracket: number | null = null;
  lines.forEach((line, i) => {
    const n = (line.match(/\$\$/g) ?? []).length;
    let pos = 0;
    for (let k = 0; k < n; k++) {
      pos = line.indexOf('$$', pos) + 2;
      if (open === null) open = i;
      else { items.push({ kind: 'display', lines: [open + 1, i + 1], text: lines[open]!.trim() }); for (let j = open; j <= i; j++) inMath[j] = true; open = null; }
    }
    if (open !== null) inMath[i] = true;
    if (/\\\[/.test(line) && openBracket === null && !/\\\]/.test(line.slice(line.indexOf('\\[')))) openBracket = i;
    else if (/\\\[[\s\S]*\\\]/.test(line)) { items.push({ kind: 'display', lines: [i + 1, i + 1], text: line.trim() }); inMath[i] = true; }
    if (openBracket !== null && openBracket !== i && /\\\]/.test(line)) {
      items.push({ kind: 'display', lines: [openBracket + 1, i + 1], text: lines[openBracket]!.trim() });
      for (let j = openBracket; j <= i; j++) inMath[j] = true;
      openBracket = null;
    }
  });
  lines.forEach((line, i) => { if (/\\boxed\s*\{/.test(line)) items.push({ kind: 'boxed', lines: [i + 1, i + 1], text: line.trim() }); });
  // worked examples with numbers: runs of lines outside display math carrying numbers
  let run: [number, number] | null = null;
  const isExample = (line: string) => {
    const prose = line.replace(/\$[^$]*\$/g, (m) => m); // keep inline math: "$x/s = 66.50$" is part of an example
    if (!/\d/.test(prose)) return false;
    if (/^\s*(?:#+\s*)?\d+(?:\.\d+)+\.?\s+\S/.test(prose) && prose.trim().length < 90) return false; // a numbered section heading
    if (/^\s*[-*]?\s*\[\d+\]/.test(prose)) return false; // a bibliography entry
    if (EXAMPLE_CUE.test(prose)) return true;
    if (DECIMAL.test(prose) && !/^\s*\[\[/.test(prose)) return true;
    if (EQ_NUMBER.test(prose) && /\d\s*[-+*/×·]\s*\d|\d\s*=\s*-?\d|=\s*-?\d+(?:\.\d+)?\s*$/.test(prose)) return true;
    if (/^\s*\|/.test(prose) && (prose.match(/\|\s*-?\d[\d.,]*\s*(?=\|)/g) ?? []).length >= 2) return true;
    return false;
  };
  lines.forEach((line, i) => {
    if (!inMath[i] && isExample(line)) {
      if (run && i - run[1] <= 2) run[1] = i;
      else { if (run) items.push({ kind: 'example', lines: [run[0] + 1, run[1] + 1], text: lines[run[0]]!.trim() }); run = [i, i]; }
    }
  });
  if (run) items.push({ kind: 'example', lines: [run[0] + 1, run[1] + 1], text: lines[run[0]]!.trim() });
  lines.forEach((line, i) => { if (CONCLUSION.test(line)) items.push({ kind: 'conclusion', lines: [i + 1, i + 1], text: line.trim() }); });
  items.sort((a, b) => a.lines[0] - b.lines[0] || ITEM_KINDS.indexOf(a.kind) - ITEM_KINDS.indexOf(b.kind));
  return items;
}

export type ItemStatus = 'audited' | 'out-of-scope' | 'pending' | 'unmapped';

export interface MappedItem extends NotesItem {
  key: NotesKey;
  status: ItemStatus;
  /** A built domain or a pending one; '' when no section covers the item. */
  domain: Domain | PendingDomain | '';
  /** Statement ids (audited) or the out-of-scope reason. */
  by: string;
}

export interface CoverageCounts { items: number; audited: number; outOfScope: number; pending: number; unmapped: number }

export interface CoverageReport {
  items: MappedItem[];
  byFile: Record<string, CoverageCounts>;
  byDomain: Record<string, CoverageCounts>;
  byKind: Record<ItemKind, CoverageCounts>;
  total: CoverageCounts;
  /** Unmapped items in built domains, map entries that match nothing, malformed entries. */
  problems: string[];
}

const overlaps = (a: readonly [number, number], b: readonly [number, number]) => a[0] <= b[1] && b[0] <= a[1];
const zero = (): CoverageCounts => ({ items: 0, audited: 0, outOfScope: 0, pending: 0, unmapped: 0 });
const isBuilt = (d: string): d is Domain => Object.prototype.hasOwnProperty.call(DOMAINS, d);

/** Static checks of the coverage maps (no notes needed): sections in order, known domains, well-formed reasons. */
export function checkCoverageMaps(maps: Readonly<Record<string, CoverageMap>> = COVERAGE_MAPS): string[] {
  const problems: string[] = [];
  for (const [key, map] of Object.entries(maps)) {
    map.sections.forEach((s, k) => {
      if (!(s.lines[0] >= 1 && s.lines[0] <= s.lines[1])) problems.push(`${key}: section ${s.lines.join('–')} has a bad line range`);
      if (!isBuilt(s.domain) && !Object.prototype.hasOwnProperty.call(PENDING_DOMAINS, s.domain)) problems.push(`${key}: section ${s.lines.join('–')} names '${s.domain}', neither a domain nor a pending domain`);
      const next = map.sections[k + 1];
      if (next && next.lines[0] <= s.lines[1]) problems.push(`${key}: sections ${s.lines.join('–')} and ${next.lines.join('–')} overlap or are out of order`);
    });
    for (const o of map.outOfScope) {
      const kind = o.reason.split(':')[0]!;
      if (!(OUT_OF_SCOPE_KINDS as readonly string[]).includes(kind) || o.reason.length < kind.length + 4) {
        problems.push(`${key}:${o.lines.join('–')}: out-of-scope reason must be '<${OUT_OF_SCOPE_KINDS.join('|')}>: <why>', got '${o.reason}'`);
      }
    }
  }
  return problems;
}

/** Maps the items of every notes file in `notesDir` (files the maps name; absent files are a problem). */
export function coverage(
  notesDir: string,
  statements: readonly AuditStatement[],
  maps: Readonly<Record<string, CoverageMap>> = COVERAGE_MAPS,
): CoverageReport {
  const problems: string[] = checkCoverageMaps(maps);
  const items: MappedItem[] = [];
  const used = new Set<string>();
  const byFileInit: string[] = [];
  for (const key of Object.keys(NOTES_FILES) as NotesKey[]) {
    const map = maps[key];
    const lines = readNotesLines(notesDir, NOTES_FILES[key]);
    if (lines === null) { problems.push(`${NOTES_FILES[key]} not found in ${notesDir}`); continue; }
    if (!map) { problems.push(`${key}: no coverage map in src/audit/coverage/`); continue; }
    byFileInit.push(NOTES_FILES[key]);
    const own = statements.filter((s) => s.key === key);
    for (const it of scanNotes(lines)) {
      const hit = own.filter((s) => overlaps(s.lines, it.lines));
      const section = map.sections.find((s) => overlaps(s.lines, [it.lines[0], it.lines[0]]));
      let status: ItemStatus; let by = ''; let domain: MappedItem['domain'] = section?.domain ?? '';
      const oos = map.outOfScope.find((o) => overlaps(o.lines, it.lines));
      if (hit.length) { status = 'audited'; by = hit.map((s) => s.id).join(' '); domain = hit[0]!.domain; }
      else if (oos) { status = 'out-of-scope'; by = oos.reason; used.add(`${key}:${oos.lines.join('-')}`); }
      else if (section && !isBuilt(section.domain)) status = 'pending';
      else status = 'unmapped';
      items.push({ ...it, key, status, domain, by });
    }
    for (const o of map.outOfScope) if (!used.has(`${key}:${o.lines.join('-')}`)) problems.push(`${key}:${o.lines.join('–')}: out-of-scope entry matches no unaudited item (stale)`);
  }
  const byFile: Record<string, CoverageCounts> = Object.fromEntries(byFileInit.map((f) => [f, zero()]));
  const byDomain: Record<string, CoverageCounts> = {};
  const byKind = Object.fromEntries(ITEM_KINDS.map((k) => [k, zero()])) as Record<ItemKind, CoverageCounts>;
  const total = zero();
  const field = { audited: 'audited', 'out-of-scope': 'outOfScope', pending: 'pending', unmapped: 'unmapped' } as const;
  for (const it of items) {
    for (const c of [byFile[NOTES_FILES[it.key]] ??= zero(), byDomain[it.domain || '(no section)'] ??= zero(), byKind[it.kind], total]) {
      c.items++; c[field[it.status]]++;
    }
    if (it.status === 'unmapped') problems.push(`unmapped ${it.kind} ${it.key}:${it.lines[0]}${it.lines[1] !== it.lines[0] ? `–${it.lines[1]}` : ''} (${it.domain || 'no section'}): ${it.text.slice(0, 100)}`);
  }
  return { items, byFile, byDomain, byKind, total, problems };
}

function table(head: string, rows: Record<string, CoverageCounts>, order: string[]): string[] {
  const out = [`${head.padEnd(34)}${['items', 'audited', 'out of scope', 'pending', 'unmapped'].map((h) => h.padStart(14)).join('')}`];
  for (const k of order) {
    const c = rows[k]!;
    out.push(`${k.padEnd(34)}${[c.items, c.audited, c.outOfScope, c.pending, c.unmapped].map((x) => String(x).padStart(14)).join('')}`);
  }
  return out;
}

export function coverageText(r: CoverageReport): string {
  const built = Object.keys(r.byDomain).filter(isBuilt).sort();
  const pending = Object.keys(r.byDomain).filter((d) => !isBuilt(d)).sort();
  const out = [
    `coverage of the notes: ${r.total.items} items (display formulas, boxed results, worked examples, conclusions) — ` +
      `audited ${r.total.audited}, out of scope ${r.total.outOfScope}, pending ${r.total.pending}, unmapped ${r.total.unmapped}`,
    '',
    ...table('notes file', r.byFile, Object.keys(r.byFile).sort()),
    '',
    ...table('kind', r.byKind, [...ITEM_KINDS]),
    '',
    ...table('domain (built)', r.byDomain, built),
    '',
    ...table('domain (pending: not built yet)', r.byDomain, pending),
  ];
  const pendingItems = r.items.filter((i) => i.status === 'pending');
  if (pendingItems.length) {
    out.push('', 'pending, per domain:');
    for (const d of pending) {
      const list = pendingItems.filter((i) => i.domain === d);
      if (!list.length) continue;
      const title = (PENDING_DOMAINS as Record<string, { title: string }>)[d]?.title ?? d;
      out.push(`  ${d} — ${title}: ${list.length} items at ${list.map((i) => `${i.key}:${i.lines[0]}`).join(', ')}`);
    }
  }
  const unmapped = r.items.filter((i) => i.status === 'unmapped');
  out.push('', unmapped.length ? `unmapped (${unmapped.length}):` : 'unmapped: none');
  for (const i of unmapped) out.push(`  ${i.key}:${i.lines[0]}${i.lines[1] !== i.lines[0] ? `–${i.lines[1]}` : ''} ${i.kind} [${i.domain || 'no section'}] ${i.text.slice(0, 110)}`);
  return out.join('\n');
}
