/** The coverage maps of the notes files, by the notes key (src/audit/statements/types.ts). */
import type { NotesKey } from '../statements/types.js';
import type { CoverageMap } from './types.js';
import { MAP as n000 } from './notes-000.js';
import { MAP as n001 } from './notes-001.js';
import { MAP as n002 } from './notes-002.js';
import { MAP as n003 } from './notes-003.js';
import { MAP as n004 } from './notes-004.js';

export const COVERAGE_MAPS = { '000': n000, '001': n001, '002': n002, '003': n003, '004': n004 } as const satisfies Record<NotesKey, CoverageMap>;
export { PENDING_DOMAINS, OUT_OF_SCOPE_KINDS, type PendingDomain, type CoverageMap, type Section, type OutOfScope } from './types.js';
