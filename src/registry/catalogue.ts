/**
 * The catalogue: every claim as spec file (metadata) + claim module (properties, audit).
 * A spec without a module, or a module without a spec, is an error.
 */
import type { ClaimModule, ClaimSpec } from './types.js';
import { loadSpecs } from './spec-files.js';
import { CLAIM_MODULES } from '../properties/index.js';
import { OPS } from '../ops/index.js';

export interface CatalogueEntry { spec: ClaimSpec; module: ClaimModule }

export function loadCatalogue(): CatalogueEntry[] {
  const specs = loadSpecs();
  const byId = new Map(CLAIM_MODULES.map((m) => [m.id, m]));
  const problems: string[] = [];
  for (const m of CLAIM_MODULES) if (!specs.some((s) => s.id === m.id)) problems.push(`claim module '${m.id}' has no spec/${m.id}.md`);
  const entries: CatalogueEntry[] = [];
  for (const spec of specs) {
    const module = byId.get(spec.id);
    if (!module) { problems.push(`${spec.file} has no claim module in src/properties/`); continue; }
    for (const op of spec.ops) if (!OPS.some((o) => o.id === op)) problems.push(`${spec.file}: unknown op '${op}'`);
    entries.push({ spec, module });
  }
  if (problems.length) throw new Error(`catalogue is inconsistent:\n  ${problems.join('\n  ')}`);
  return entries;
}
