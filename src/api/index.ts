/**
 * `lemmata`: the library.
 *
 * - the catalogue: claims (with their spec files) and ops (signatures, tensors, definitions);
 * - `conform(impl, options)`: gate a JavaScript implementation, get the report; the report writers;
 * - `check(options)`: the built-in check of every claim against TensorFlow.js;
 * - `judge(op, args, output, { dtype })`: one output against the exact oracle (also in `lemmata/oracles`);
 * - the golden fixtures (generate/verify) and the shipped adapters (`adapterPath`).
 *
 * Other entry points: `lemmata/oracles`, `lemmata/numerics`, `lemmata/arbitraries`, `lemmata/vitest`.
 */

// the catalogue
export { OPS, OPS_BY_DOMAIN, opById, domainOfOp } from '../ops/index.js';
export { CLAIM_MODULES } from '../properties/index.js';
export { loadCatalogue, type CatalogueEntry } from '../registry/catalogue.js';
export { DOMAINS, DOMAIN_IDS, domainOfClaim, type Domain, type OpDomain, type FixtureDomain } from '../registry/domains.js';
export type {
  ClaimSpec, ClaimModule, ClaimKind, NotesVerdict, AuditFinding, CheckVerdict, Outcome, PropertyDef, PropertyKind,
  Dtype, Implementation, OpDef,
} from '../registry/types.js';

// the gate
export { conform, fromJsImplementation, writeReports, DEFAULT_SEED, type JsImplementation, type ConformOptions, type OpFunction } from './conform.js';
export { conformExitCode, type ConformReport, type ConformProperty, type ConformStatus } from '../conform/types.js';
export type { AsyncImpl, BatchItem } from '../conform/async-impl.js';
export { toMarkdown } from '../conform/report-markdown.js';
export { toHtml } from '../conform/report-html.js';
export { toJUnitXml } from '../conform/report-junit.js';
export { mergeReports, stableReportJson, withoutTiming } from '../conform/merge.js';

// the built-in check
export { check, writeCheckReports, type CheckOptions, type BackendName } from './check.js';
export { runCheck, summaryTable, reportMarkdown, type CheckReport, type ClaimResult } from '../runner/check.js';
export type { PropertyReport } from '../runner/run-property.js';

// judging one output
export { judge, accept, expectedFor, NoJudgeError, type Acceptance, type Judgement, type JudgeOptions, type PrecisionProfile } from '../fixtures/accept.js';

// golden fixtures and shipped adapters
export { generateFixtures, writeFixtures, verifyFixtures } from '../fixtures/index.js';
export { ADAPTERS, ADAPTER_NAMES, adapterPath, isAdapterName, type AdapterName, type AdapterInfo } from './adapters.js';
export { PACKAGE_ROOT } from '../util/paths.js';
