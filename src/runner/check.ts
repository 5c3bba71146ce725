/**
 * `lemmata check`: run every property of every selected claim against one implementation and
 * summarise per claim. Deterministic for a given seed: the report's `results` part is
 * byte-identical across runs; wall-clock timings live in the separate `timing` part.
 */
import type { ClaimModule, ClaimSpec, CheckVerdict, Implementation } from '../registry/types.js';
import { runProperty, formatRatio, type PropertyReport } from './run-property.js';
import { propertySeed } from './seed.js';
import { budgetStatement } from '../statistics/budget.js';
import { valueText } from './counterexample.js';
import type { ConformProperty, ConformReport } from '../conform/types.js';
import { summarize } from '../conform/merge.js';
import { ELEMENTARY_ULPS, FLUSH_TO_ZERO } from '../numerics/bounds.js';
import { ThreadPool } from './pool.js';
import type { CheckInit, CheckTask } from './pool-worker.js';

export interface ClaimResult {
  id: string;
  title: string;
  verdict: CheckVerdict;
  checks: number;
  worstRatio: number | null;
  properties: PropertyReport[];
}

export interface CheckReport {
  lemmata: 1;
  command: 'check';
  implementation: { name: string; dtype: string; notes: string[] };
  seed: number;
  runs: number | null;
  claims: ClaimResult[];
  summary: { claims: number; pass: number; fail: number; error: number; unsupported: number };
  /** The family-wise false-alarm bound of the statistical properties (src/statistics/budget.ts). */
  falseAlarms: string;
  /** Non-deterministic: wall-clock milliseconds. Excluded when comparing reports. */
  timing: { totalMs: number; perClaimMs: Record<string, number> };
}

const SEVERITY: Record<CheckVerdict, number> = { pass: 0, unsupported: 1, fail: 2, error: 3 };

export function combine(verdicts: CheckVerdict[]): CheckVerdict {
  if (verdicts.length === 0) return 'unsupported';
  // A claim passes if every property that could run passed and at least one ran.
  const ran = verdicts.filter((v) => v !== 'unsupported');
  if (ran.length === 0) return 'unsupported';
  return ran.reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), 'pass' as CheckVerdict);
}

export interface CheckOptions {
  seed: number;
  /** Overrides every property's default number of runs. */
  runs?: number;
  backend: string;
  onClaim?: (r: ClaimResult) => void;
  /** Stop after the first claim that fails or errors (the report lists the claims that ran). */
  bail?: boolean;
}

export function runCheck(
  claims: { spec: ClaimSpec; module: ClaimModule }[],
  impl: Implementation,
  opts: CheckOptions,
): CheckReport {
  const t0 = performance.now();
  const perClaimMs: Record<string, number> = {};
  const results: ClaimResult[] = [];
  for (const { spec, module } of claims) {
    if (opts.bail && results.some((c) => c.verdict === 'fail' || c.verdict === 'error')) break;
    const tc = performance.now();
    const props = module.properties.map((p) => runProperty(module.id, p, impl, {
      seed: propertySeed(opts.seed, `${module.id}/${p.name}`),
      runs: opts.runs ?? p.runs ?? 100,
      backend: opts.backend,
    }));
    const r = claimResult(spec, module, props);
    perClaimMs[module.id] = Math.round(performance.now() - tc);
    results.push(r);
    opts.onClaim?.(r);
  }
  return checkReport({ name: impl.name, dtype: impl.dtype, notes: impl.notes }, opts, results, t0, perClaimMs);
}

/** The report of a check run (sequential or parallel: the same shape and summary). */
function checkReport(implementation: CheckReport['implementation'], opts: CheckOptions, results: ClaimResult[], t0: number, perClaimMs: Record<string, number>): CheckReport {
  const count = (v: CheckVerdict) => results.filter((r) => r.verdict === v).length;
  return {
    lemmata: 1,
    command: 'check',
    implementation,
    seed: opts.seed,
    runs: opts.runs ?? null,
    claims: results,
    summary: { claims: results.length, pass: count('pass'), fail: count('fail'), error: count('error'), unsupported: count('unsupported') },
    falseAlarms: budgetStatement(),
    timing: { totalMs: Math.round(performance.now() - t0), perClaimMs },
  };
}

/** One claim's result from its properties' reports. */
function claimResult(spec: ClaimSpec, module: ClaimModule, props: PropertyReport[]): ClaimResult {
  const ratios = props.map((p) => p.worstRatio).filter((r): r is number => r !== null);
  return {
    id: module.id,
    title: spec.title,
    verdict: combine(props.map((p) => p.verdict)),
    checks: props.reduce((s, p) => s + p.checks, 0),
    worstRatio: ratios.length ? Math.max(...ratios) : null,
    properties: props,
  };
}

/**
 * `runCheck` on `workers` worker threads (src/runner/pool.ts), each with its own tfjs backend
 * `opts.backend`: one task per property, merged in the catalogue's order, so the report equals the
 * one-thread report apart from `timing`. --bail: claims after the first failing one (in order) are
 * left out, as in a sequential run; properties of later claims not yet started are not started.
 * A worker that dies makes its property `error` ("worker thread crashed: …").
 */
export async function runCheckParallel(
  claims: { spec: ClaimSpec; module: ClaimModule }[],
  workers: number,
  opts: CheckOptions,
): Promise<CheckReport> {
  const t0 = performance.now();
  const tasks: CheckTask[] = [];
  const claimOf: number[] = [];
  const firstTask: number[] = []; // claim ci's properties are tasks firstTask[ci] … + properties.length − 1
  claims.forEach(({ module }, ci) => {
    firstTask.push(tasks.length);
    for (const p of module.properties) {
      tasks.push({ claim: module.id, property: p.name, seed: propertySeed(opts.seed, `${module.id}/${p.name}`), runs: opts.runs ?? p.runs ?? 100, backend: opts.backend });
      claimOf.push(ci);
    }
  });
  const pool = await ThreadPool.start(Math.max(1, Math.min(workers, tasks.length)), { mode: 'check', backend: opts.backend } satisfies CheckInit);
  const info = pool.info as { name: string; dtype: string; notes: string[] };
  const reports: (PropertyReport | null | undefined)[] = new Array(tasks.length);
  const ms = new Array<number>(claims.length).fill(0);
  const left = claims.map((c) => c.module.properties.length);
  const results: (ClaimResult | undefined)[] = new Array(claims.length);
  let firstBad = Infinity;
  let emitted = 0;
  const emit = () => {
    while (emitted < claims.length && emitted <= firstBad && results[emitted] !== undefined) opts.onClaim?.(results[emitted++]!);
  };
  const claimDone = (ci: number) => {
    const { spec, module } = claims[ci]!;
    const r = claimResult(spec, module, module.properties.map((_, j) => reports[firstTask[ci]! + j]!));
    results[ci] = r;
    if (opts.bail && (r.verdict === 'fail' || r.verdict === 'error') && ci < firstBad) firstBad = ci;
    emit();
  };
  // claims without properties are complete at once
  claims.forEach((_, ci) => { if (left[ci] === 0) claimDone(ci); });
  try {
    await pool.map<CheckTask, PropertyReport | null>(tasks, {
      before: (k) => (claimOf[k]! > firstBad ? null : undefined),
      crashed: (k, why) => {
        const t = tasks[k]!;
        const def = claims[claimOf[k]!]!.module.properties.find((p) => p.name === t.property)!;
        return { id: `${t.claim}/${t.property}`, claim: t.claim, property: t.property, kind: def.kind, seed: t.seed, verdict: 'error', checks: 0, worstRatio: null, detail: why };
      },
      done: (k, r, took) => {
        const ci = claimOf[k]!;
        reports[k] = r;
        ms[ci]! += took;
        if (--left[ci]! === 0 && r !== null && !reports.some((x, j) => claimOf[j] === ci && x === null)) claimDone(ci);
      },
    });
  } finally {
    await pool.close();
  }
  const kept: ClaimResult[] = [];
  const perClaimMs: Record<string, number> = {};
  results.slice(0, firstBad === Infinity ? claims.length : firstBad + 1).forEach((r, ci) => {
    if (r === undefined) return;
    kept.push(r);
    perClaimMs[r.id] = ms[ci]!;
  });
  return checkReport({ name: info.name, dtype: info.dtype, notes: info.notes }, opts, kept, t0, perClaimMs);
}

/** A fixed-width table: claim, checks, worst error/bound, verdict. */
export function summaryTable(claims: ClaimResult[]): string {
  const rows = [['claim', 'checks', 'worst err/bound', 'verdict'], ...claims.map((c) => [
    c.id, String(c.checks), formatRatio(c.worstRatio), c.verdict,
  ])];
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 1 || i === 2 ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join('  ').trimEnd();
  return [line(rows[0]!), w.map((n) => '-'.repeat(n)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function reportMarkdown(rep: CheckReport): string {
  const out: string[] = [];
  out.push(`# lemmata check — ${rep.implementation.name}`, '');
  out.push(`seed ${rep.seed}; runs ${rep.runs ?? 'per-property default'}; dtype ${rep.implementation.dtype}`, '');
  for (const n of rep.implementation.notes) out.push(`- ${n}`);
  if (rep.implementation.notes.length) out.push('');
  out.push(`**${rep.summary.pass} pass, ${rep.summary.fail} fail, ${rep.summary.error} error, ${rep.summary.unsupported} unsupported** of ${rep.summary.claims} claims.`, '');
  out.push(`False alarms: ${rep.falseAlarms}`, '');
  out.push('| claim | checks | worst err/bound | verdict |', '|---|---:|---:|---|');
  for (const c of rep.claims) out.push(`| ${c.id} | ${c.checks} | ${formatRatio(c.worstRatio)} | ${c.verdict} |`);
  out.push('');
  out.push('## Properties', '');
  out.push('| property | kind | checks | worst err/bound | verdict |', '|---|---|---:|---:|---|');
  for (const c of rep.claims) for (const p of c.properties) {
    out.push(`| ${p.id} | ${p.kind} | ${p.checks} | ${formatRatio(p.worstRatio)} | ${p.verdict} |`);
  }
  const bad = rep.claims.flatMap((c) => c.properties).filter((p) => p.verdict === 'fail' || p.verdict === 'error');
  if (bad.length) {
    out.push('', '## Failures', '');
    for (const p of bad) {
      out.push(`### ${p.id} — ${p.verdict}`, '', `- ${p.detail ?? ''}`, `- shrunk counterexample: \`${valueText(p.counterexample)}\`${p.failureClass ? ` (${p.failureClass})` : ''}`,
        `- replay: \`npx lemmata replay ${p.replay ?? ''}\``, '');
    }
  }
  out.push('', `Timing (not part of the deterministic result): ${rep.timing.totalMs} ms.`, '');
  return out.join('\n');
}

/**
 * The check report in the conform report's shape (one entry per property), so that the console
 * reporters (src/cli/reporters.ts) and the JUnit writer apply to `check` as well.
 */
export function checkAsConform(rep: CheckReport, backend: string, ops: (claim: string, property: string) => string[]): ConformReport {
  const properties: ConformProperty[] = rep.claims.flatMap((c) => c.properties.map((p): ConformProperty => ({
    id: p.id, claim: p.claim, property: p.property, kind: p.kind === 'identity' ? 'conformance' : p.kind,
    description: c.title, ops: ops(p.claim, p.property), dtype: rep.implementation.dtype === 'float64' ? 'float64' : 'float32',
    status: p.verdict === 'pass' && (p.worstProbRatio ?? 0) > 1 ? 'suspicious' : p.verdict, checks: p.checks, worstRatio: p.worstRatio, ratios: [], seed: p.seed,
    ...(p.worstProbRatio !== undefined ? { worstProbRatio: p.worstProbRatio } : {}),
    ...(p.worstInput !== undefined ? { worstInput: p.worstInput } : {}),
    ...(p.worstDetail !== undefined ? { worstDetail: p.worstDetail } : {}),
    ...(p.counterexample !== undefined ? { counterexample: p.counterexample } : {}),
    ...(p.detail !== undefined ? { detail: p.detail } : {}),
    ...(p.failureClass !== undefined ? { failureClass: p.failureClass } : {}),
    ...(p.replay !== undefined ? { replay: p.replay, replayCommand: `npx lemmata replay ${p.replay}` } : {}),
    ...(p.verdict === 'unsupported' && p.detail ? { note: p.detail } : {}),
  })));
  const { ops: opSummary, summary } = summarize(properties);
  return {
    lemmata: 1,
    command: 'check',
    implementation: {
      name: rep.implementation.name, kind: 'builtin', spec: backend, ops: {},
      profile: { elementaryUlps: ELEMENTARY_ULPS[backend] ?? ELEMENTARY_ULPS['default']!, flushToZero: FLUSH_TO_ZERO.has(backend) },
      profileSource: 'backend defaults',
    },
    dtypes: [rep.implementation.dtype === 'float64' ? 'float64' : 'float32'],
    seed: rep.seed, runs: rep.runs, shard: null, selection: { ops: [], claims: [] }, timeBudgetSeconds: null,
    properties, ops: opSummary, summary, events: [],
    timing: { totalMs: rep.timing.totalMs, perPropertyMs: {} },
  };
}
