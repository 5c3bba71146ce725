/** Shared helpers for the audit tests: the real audit (computed once), and synthetic claims and notes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalogue, type CatalogueEntry } from '../../src/registry/catalogue.js';
import { auditNotes, type AuditResult } from '../../src/runner/audit.js';
import type { AuditFinding, ClaimSpec, NotesVerdict } from '../../src/registry/types.js';

let cached: { catalogue: CatalogueEntry[]; result: AuditResult } | undefined;
export function realAudit() {
  if (!cached) { const catalogue = loadCatalogue(); cached = { catalogue, result: auditNotes(catalogue) }; }
  return cached;
}

export const tmpDir = (prefix = 'lemmata-audit-') => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** A catalogue entry with the given findings (a claim `<id>` sourced at `file:line`). */
export function fakeEntry(id: string, verdict: NotesVerdict, line: number, findings: AuditFinding[], file = '002_606757b0cdfd2eb0.txt'): CatalogueEntry {
  const spec: ClaimSpec = {
    id, title: id, kind: 'exact-rational', statement: 'x', source: { file, quote: 'q', line }, conventions: [], ops: [], verdict, body: '', file: `spec/${id}.md`,
  };
  return { spec, module: { id, properties: [], audit: () => findings } };
}

export const f = (id: string, verdict: NotesVerdict, rule?: string): AuditFinding => ({ id, verdict, evidence: `evidence of ${id}`, ...(rule ? { rule } : {}) });
