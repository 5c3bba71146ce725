/**
 * `lemmata conform`: run every conformance and metamorphic property whose ops the implementation
 * supports, batched, and shrink only what failed. Deterministic for a given seed; the replay
 * command of every failure re-runs exactly that failure.
 */
import fc from 'fast-check';
import type { ClaimModule, Dtype, Outcome, PropertyDef } from '../registry/types.js';
import type { AsyncImpl } from './async-impl.js';
import type { ConformProperty, ConformReport } from './types.js';
import { CallCache, evaluateAll, evaluate, ImplementationError, PENDING } from './batched.js';
import { encodeReplay, type ReplayInfo } from '../runner/replay-token.js';
import { propertySeed } from '../runner/seed.js';
import { summarize } from './merge.js';
import { ELEMENTARY_ULPS, FLUSH_TO_ZERO } from '../numerics/bounds.js';
import { opById } from '../ops/index.js';
import { guardAcceptsRatio, guardRejectsInput, classifyFirstFailure, hasSubnormal, flushSubnormals, toJsonValue, NO_GUARD, type ShrinkGuard, type FailureClass } from '../runner/counterexample.js';

export interface ConformOptions {
  seed: number;
  runs?: number;
  /** The dtypes to run, in order; every selected property runs once per dtype (one report). */
  dtypes?: Dtype[];
  /** Legacy single dtype (used when `dtypes` is absent). */
  dtype?: Dtype;
  /** Which properties to run: given the claim id, property id and the ops it calls. Default: all. */
  select?: (claim: string, property: string, ops: readonly string[]) => boolean;
  /** Legacy: only properties all of whose ops match. */
  opsFilter?: (op: string) => boolean;
  shard: { index: number; count: number } | null;
  batchSize: number;
  /**
   * Wall-clock budget in ms: properties not started by then are `not-run`, and a property
   * running when it expires is interrupted (status `not-run`, with the checks done so far).
   */
  timeBudgetMs?: number;
  /** Expected failures: `${property}|${dtype}` → pinned replay token. */
  xfail?: Map<string, { replay: string; reason?: string }>;
  /** How the replay command names the implementation (e.g. `--impl-cmd "…"`). */
  implFlag: string;
  /** What was selected, as given on the command line (recorded in the report; merge-reports compares it). */
  selection?: { ops: string[]; claims: string[] };
  /** Where the precision profile came from (recorded in the report headline). */
  profileSource?: string;
  onProperty?: (p: ConformProperty) => void;
  /** Called once with the number of property × dtype entries selected. */
  onSelected?: (total: number) => void;
  /** Stop after the first fail / error / xpass: the rest are `not-run`. */
  bail?: boolean;
  /** Run the entries in parallel (worker threads, src/conform/pool.ts); absent: one after another here. */
  executor?: EntryExecutor;
}

const MAX_PRINTED = 2000;
const clip = (s: string, n = MAX_PRINTED) => (s.length <= n ? s : `${s.slice(0, n)}… (${s.length} chars)`);
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface PropertyRun {
  status: 'pass' | 'fail' | 'error' | 'interrupted';
  checks: number;
  worstRatio: number | null;
  worstProbRatio?: number;
  worstInput?: unknown;
  worstDetail?: string;
  ratios: number[];
  counterexample?: unknown;
  detail?: string;
  path?: string;
  failureClass?: FailureClass;
  guard?: ShrinkGuard;
}

function describeThrown(e: unknown): string {
  if (e instanceof ImplementationError) return e.message;
  return `check threw: ${e instanceof Error ? e.message : String(e)}`;
}

/** Run one property against an async implementation: batched pre-pass, then fc.check to find and shrink. */
export async function runConformProperty(
  prop: PropertyDef, impl: AsyncImpl, dtype: Dtype, seed: number, runs: number, batchSize: number, path?: string,
  deadline?: number, replayGuard?: ShrinkGuard,
): Promise<PropertyRun> {
  const cache = new CallCache(impl, dtype, batchSize);
  const facade = cache.facade();
  const ratios: number[] = [];
  let worst: number | null = null;
  let worstInput: unknown;
  let worstProb: number | undefined;
  const note = (input: unknown, o: Outcome) => {
    if (o.probRatio !== undefined) {
      const pr = Number.isNaN(o.probRatio) ? Infinity : o.probRatio;
      if (worstProb === undefined || pr > worstProb) worstProb = pr;
    }
    if (o.ratio === undefined) return;
    const r = Number.isNaN(o.ratio) ? Infinity : o.ratio;
    if (worst === null || r > worst) { worst = r; worstInput = input; }
  };
  const shownOf = () => ({ ...(worst !== null && worst > 0 ? { worstInput: toJsonValue(worstInput) } : {}), ...(worstProb !== undefined ? { worstProbRatio: worstProb } : {}) });
  let prePass: (Outcome | { thrown: unknown })[] | null = null;
  if (path === undefined) {
    const inputs = fc.sample(prop.arbitrary, { seed, numRuns: runs });
    const outs: (Outcome | { thrown: unknown })[] = [];
    // Without a deadline: one pass over every input (batches of batchSize per request). With one:
    // passes of at most 32 inputs, so a slow implementation overruns the budget by one short pass.
    const chunk = deadline === undefined ? Math.max(1, inputs.length) : Math.min(batchSize, 32);
    for (let i = 0; i < inputs.length; i += chunk) {
      if (deadline !== undefined && performance.now() > deadline) {
        outs.forEach((o) => { if (!('thrown' in o) && o.ratio !== undefined) ratios.push(Number.isFinite(o.ratio) ? o.ratio : Infinity); });
        return { status: 'interrupted', checks: outs.length, worstRatio: null, ratios };
      }
      outs.push(...await evaluateAll(prop, inputs.slice(i, i + chunk), cache, facade));
    }
    prePass = outs;
    outs.forEach((o, i) => {
      if ('thrown' in o) return;
      if (o.ratio !== undefined) ratios.push(Number.isFinite(o.ratio) ? o.ratio : Infinity);
      note(inputs[i], o);
    });
  }
  // After an infrastructure failure (crash, hang, garbage) stop calling the implementation:
  // every later candidate "passes", so fast-check reports the first failing input unshrunk.
  let infra: string | null = null;
  let checks = 0;
  if (path === undefined && prePass !== null && prePass.every((o) => !('thrown' in o) && o.ok)) {
    return { status: 'pass', checks: prePass.length, worstRatio: worst, ratios, ...shownOf() };
  }
  // fc.check generates the pre-pass inputs again, in the same order: reuse their outcomes until
  // the first failure; only shrinking candidates are evaluated afresh.
  // The shrink guard (src/runner/counterexample.ts) comes from the first failure, or from the token on replay.
  let replayed = 0;
  let shrinking = false; // on replay too: the path's value is accepted as the first failure, as in the original run
  let guard: ShrinkGuard | null = replayGuard ?? null;
  let failureClass: FailureClass | undefined;
  const ratioOf = (o: Outcome) => (o.ratio === undefined ? undefined : Number.isNaN(o.ratio) ? Infinity : o.ratio);
  const firstFailure = async (input: unknown, o: Outcome): Promise<void> => {
    const c = await classifyFirstFailure(input, ratioOf(o), async (flushed) => {
      try {
        const f = await evaluate(prop, flushed, cache, facade);
        return { failed: !f.ok, ...(ratioOf(f) !== undefined ? { ratio: ratioOf(f)! } : {}) };
      } catch { return null; }
    });
    failureClass = c.failureClass;
    guard ??= c.guard;
  };
  const details = await fc.check(fc.asyncProperty(prop.arbitrary, async (input) => {
    if (infra) return true;
    if (shrinking && guard !== null && guardRejectsInput(guard, input)) return true; // cannot be accepted: not evaluated
    checks++;
    if (!shrinking && prePass !== null && replayed < prePass.length) {
      const o = prePass[replayed++]!;
      if (!('thrown' in o)) {
        if (!o.ok) { shrinking = true; await firstFailure(input, o); }
        return o.ok;
      }
      shrinking = true;
      guard ??= NO_GUARD;
      const e = o.thrown;
      if (e instanceof ImplementationError && e.infrastructure) infra = e.message;
      throw e;
    }
    try {
      const o = await evaluate(prop, input, cache, facade);
      note(input, o);
      if (o.ok) return true;
      if (!shrinking) { shrinking = true; await firstFailure(input, o); return false; }
      return !guardAcceptsRatio(guard ?? NO_GUARD, o.ratio === undefined ? undefined : Number.isNaN(o.ratio) ? Infinity : o.ratio); // subnormals checked before evaluation
    } catch (e) {
      if (e instanceof ImplementationError && e.infrastructure) infra = e.message;
      throw e;
    }
  }), {
    seed, numRuns: runs, ...(path !== undefined ? { path } : {}),
    ...(deadline !== undefined ? { interruptAfterTimeLimit: Math.max(1, Math.round(deadline - performance.now())), markInterruptAsFailure: false } : {}),
  });
  if (details.interrupted && !details.failed) return { status: 'interrupted', checks, worstRatio: worst, ratios, ...shownOf() };
  const shown = shownOf();
  if (!details.failed) return { status: 'pass', checks, worstRatio: worst, ratios, ...shown };
  let cex = details.counterexample?.[0];
  // Shrinking could not leave the subnormal range: report the shrunk input with its subnormals
  // flushed to zero, when that still fails (src/runner/counterexample.ts).
  if (!infra && guard?.noSubnormal && hasSubnormal(cex)) {
    const flushed = flushSubnormals(cex);
    try { if (!(await evaluate(prop, flushed, cache, facade)).ok) cex = flushed; } catch { /* keep the shrunk input */ }
  }
  let status: 'fail' | 'error' = 'fail';
  let detail: string;
  if (infra) {
    status = 'error';
    detail = infra;
  } else {
    try {
      const o = await evaluate(prop, cex, cache, facade);
      detail = (o.detail ?? (o.ok ? 'passed on re-evaluation (non-deterministic implementation?)' : 'property violated'))
        + (o.ratio !== undefined ? ` [error/bound = ${o.ratio.toPrecision(3)}]` : '');
    } catch (e) {
      if (e === PENDING) throw new Error('internal: pending call escaped');
      status = 'error';
      detail = describeThrown(e);
    }
  }
  // The largest error/bound seen, with what the property says about it (it is usually not the shrunk input).
  let worstDetail: string | undefined;
  if (status === 'fail' && worst !== null && worst > 1 && worstInput !== undefined && worstInput !== cex) {
    try {
      const w = await evaluate(prop, worstInput, cache, facade);
      worstDetail = clip(`${w.detail ?? ''}${w.ratio !== undefined ? ` [error/bound = ${w.ratio.toPrecision(3)}]` : ''}`);
    } catch { /* the shrunk counterexample reports the failure */ }
  }
  return {
    status, checks, worstRatio: worst, ratios, ...shown,
    ...(worstDetail !== undefined ? { worstDetail } : {}),
    counterexample: toJsonValue(cex), detail: clip(detail), path: details.counterexamplePath ?? '',
    ...(status === 'fail' ? { failureClass: failureClass ?? (guard && !guard.noSubnormal && hasSubnormal(cex) ? 'subnormal-only' : 'normal-range') } : {}),
    guard: guard ?? NO_GUARD,
  };
}

interface Selected { claim: ClaimModule; prop: PropertyDef }

/**
 * The properties conform runs: conformance and metamorphic ones (identity properties need no
 * implementation) that the selection accepts.
 */
export function selectProperties(claims: readonly ClaimModule[], select: (claim: string, property: string, ops: readonly string[]) => boolean): Selected[] {
  const out: Selected[] = [];
  for (const claim of claims) {
    for (const prop of claim.properties) {
      if (prop.kind === 'identity' || !prop.ops || prop.ops.length === 0) continue;
      if (!select(claim.id, `${claim.id}/${prop.name}`, prop.ops)) continue;
      out.push({ claim, prop });
    }
  }
  const key = (s: Selected) => `${s.claim.id}/${s.prop.name}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Keep only declared algorithms that an op lists as non-default (`OpDef.algorithms`, `default: false`):
 * those get their own derived bound. Anything else is dropped with an event, so a declaration
 * never loosens a bound silently and a typo is visible in the report.
 */
export function acceptDeclaredAlgorithms(impl: AsyncImpl): void {
  const declared = impl.profile.algorithms;
  if (!declared) return;
  const kept: Record<string, string> = {};
  for (const [op, name] of Object.entries(declared)) {
    const alg = opById(op)?.algorithms?.find((a) => a.name === name);
    if (!alg) impl.events.push(`declared algorithm ${JSON.stringify(name)} for ${JSON.stringify(op)} is not a listed algorithm of that op (spec/ops.md): ignored, the default bound applies`);
    else if (alg.default) impl.events.push(`declared algorithm ${name} for ${op} is covered by the default bound: nothing to declare`);
    else kept[op] = name;
  }
  const { algorithms: _dropped, ...rest } = impl.profile;
  impl.profile = Object.keys(kept).length ? { ...rest, algorithms: kept } : rest;
}

/** The identifying part of a report entry (one property × dtype). */
export type EntryBase = Pick<ConformProperty, 'id' | 'claim' | 'property' | 'kind' | 'description' | 'ops' | 'dtype' | 'seed' | 'ratios'>;

/** What running one entry needs besides the property and the implementation (plain data: it crosses to worker threads). */
export interface EntryOptions {
  batchSize: number;
  implFlag: string;
  timeBudgetMs?: number;
  xfail?: { replay: string; reason?: string };
}

/** One entry to run, as a pool (src/conform/pool.ts) receives it: the property by claim and name. */
export interface EntryTask { claim: string; property: string; base: EntryBase; runs: number; options: EntryOptions }

/**
 * Runs entries elsewhere (worker threads): `before(k)` is asked when task k is about to start and
 * may return the entry to use instead (not-run); `done` is called for every task, in any order,
 * with the events of the implementation that the task caused.
 */
export interface EntryExecutor {
  /** Start up to `n` workers (before the time budget starts); `run` follows, and stops them when done. */
  start(n: number): Promise<void>;
  run(tasks: EntryTask[], hooks: {
    before: (k: number) => ConformProperty | undefined;
    deadline: number | undefined;
    done: (k: number, entry: ConformProperty, ms: number, events: string[]) => void;
  }): Promise<void>;
}

/** Run one property × dtype that the implementation supports and turn the outcome into its report entry (xfail applied). */
export async function runConformEntry(prop: PropertyDef, impl: AsyncImpl, base: EntryBase, runs: number, o: EntryOptions, deadline: number | undefined): Promise<ConformProperty> {
  const { id, seed, dtype } = base;
  let entry: ConformProperty;
  // nothing to generate, evaluate or replay: the implementation never started
  if (impl.notStarted !== undefined) return { ...base, status: 'error', checks: 0, worstRatio: null, ratios: [], detail: impl.notStarted };
  const r = await runConformProperty(prop, impl, dtype, seed, runs, o.batchSize, undefined, deadline);
  if (r.status === 'interrupted') {
    return { ...base, status: 'not-run', checks: r.checks, worstRatio: r.worstRatio, ratios: r.ratios, note: `interrupted by the time budget of ${o.timeBudgetMs! / 1000} s after ${r.checks} of ${runs} checks` };
  }
  entry = { ...base, status: r.status, checks: r.checks, worstRatio: r.worstRatio, ratios: r.ratios };
  if (r.worstInput !== undefined) entry.worstInput = r.worstInput;
  if (r.worstProbRatio !== undefined) entry.worstProbRatio = r.worstProbRatio;
  if (r.status === 'pass' && r.worstProbRatio !== undefined && r.worstProbRatio > 1) {
    entry.status = 'suspicious';
    entry.note = `every error is within the worst-case bound, but one is ${r.worstProbRatio.toPrecision(3)}× the probabilistic (Higham–Mary) bound, which a correct algorithm exceeds only with the small probability the property states; --strict makes this a failure`;
  }
  if (r.status !== 'pass') {
    const g = r.guard ?? NO_GUARD;
    const info: Omit<ReplayInfo, 'v'> = { property: id, seed, path: r.path ?? '', runs, backend: 'external', dtype, guard: [g.noSubnormal ? 1 : 0, g.minRatio] };
    entry.counterexample = r.counterexample;
    entry.detail = r.detail!;
    if (r.worstDetail !== undefined) entry.worstDetail = r.worstDetail;
    if (r.status === 'fail' && r.failureClass) entry.failureClass = r.failureClass;
    entry.replay = encodeReplay(info);
    entry.replayCommand = `npx lemmata replay ${entry.replay} ${o.implFlag}`;
  }
  if (o.xfail) entry = await applyXfail(entry, o.xfail, prop, impl, dtype, o);
  return entry;
}

export async function runConform(claims: readonly ClaimModule[], impl: AsyncImpl, o: ConformOptions): Promise<ConformReport> {
  let t0 = performance.now();
  acceptDeclaredAlgorithms(impl);
  const perPropertyMs: Record<string, number> = {};
  const dtypes: Dtype[] = o.dtypes ?? [o.dtype ?? 'float32'];
  const legacy = o.opsFilter;
  const select = o.select ?? (legacy ? (_c: string, _p: string, ops: readonly string[]) => ops.every(legacy) : () => true);
  let selected = selectProperties(claims, select);
  if (o.shard) selected = selected.filter((_, i) => i % o.shard!.count === o.shard!.index - 1);
  o.onSelected?.(selected.length * dtypes.length);
  const plan: { base: EntryBase; prop: PropertyDef; runs: number; missing: string[] }[] = [];
  for (const { claim, prop } of selected) for (const dtype of dtypes) {
    const id = `${claim.id}/${prop.name}`;
    const base: EntryBase = {
      id, claim: claim.id, property: prop.name, kind: prop.kind, description: prop.description,
      ops: prop.ops ?? [], dtype, seed: propertySeed(o.seed, id), ratios: [] as number[],
    };
    plan.push({ base, prop, runs: o.runs ?? prop.runs ?? 100, missing: base.ops.filter((op) => !(impl.ops[op] ?? []).includes(dtype)) });
  }
  const entryOptions = (i: number): EntryOptions => {
    const xf = o.xfail?.get(`${plan[i]!.base.id}|${plan[i]!.base.dtype}`);
    return { batchSize: o.batchSize, implFlag: o.implFlag, ...(o.timeBudgetMs !== undefined ? { timeBudgetMs: o.timeBudgetMs } : {}), ...(xf ? { xfail: xf } : {}) };
  };
  const unsupported = (i: number): ConformProperty => {
    const { base, missing } = plan[i]!;
    return { ...base, status: 'unsupported', checks: 0, worstRatio: null, note: `needs ${base.ops.join(', ')} in ${base.dtype}; the implementation does not provide ${missing.join(', ')} in ${base.dtype}` };
  };
  const notRunBail = (i: number): ConformProperty => ({ ...plan[i]!.base, status: 'not-run', checks: 0, worstRatio: null, note: 'not run: --bail stopped the run after the first failure' });
  const notRunBudget = (i: number): ConformProperty => ({ ...plan[i]!.base, status: 'not-run', checks: 0, worstRatio: null, note: `time budget of ${o.timeBudgetMs! / 1000} s spent before it started` });
  const bails = (e: ConformProperty) => o.bail === true && (e.status === 'fail' || e.status === 'error' || e.status === 'xpass');
  const properties: ConformProperty[] = [];
  const runnable = plan.filter((q) => q.missing.length === 0).length;
  const parallel = o.executor !== undefined && runnable > 1;
  // starting the workers (and adapter processes) is start-up, like opening the implementation: the time budget starts after it
  if (parallel) { await o.executor!.start(runnable); t0 = performance.now(); }
  const deadline = o.timeBudgetMs !== undefined ? t0 + o.timeBudgetMs : undefined;
  let parallelEvents: string[] | undefined;
  if (parallel) {
    // In parallel (src/conform/pool.ts): entries are dispatched in canonical order and merged back
    // in it, so the report is the sequential one (apart from timing). --bail: everything after the
    // first failure in canonical order is not-run, whether or not it already ran.
    const done: (ConformProperty | undefined)[] = new Array(plan.length);
    let emitted = 0;
    let firstBail = Infinity;
    const emit = () => {
      while (emitted < plan.length && done[emitted] !== undefined) o.onProperty?.(done[emitted++]!);
    };
    const pre = impl.events.slice();
    const taskEvents: string[][] = plan.map(() => []);
    const tasks: EntryTask[] = [];
    const taskIndex: number[] = [];
    plan.forEach((q, i) => {
      if (q.missing.length) { done[i] = unsupported(i); return; }
      tasks.push({ claim: q.base.claim, property: q.base.property, base: q.base, runs: q.runs, options: entryOptions(i) });
      taskIndex.push(i);
    });
    emit();
    await o.executor!.run(tasks, {
      before: (k) => {
        const i = taskIndex[k]!;
        if (i > firstBail) return notRunBail(i);
        if (deadline !== undefined && performance.now() > deadline) return notRunBudget(i);
        return undefined;
      },
      deadline,
      done: (k, entry, ms, events) => {
        const i = taskIndex[k]!;
        taskEvents[i] = events;
        perPropertyMs[`${plan[i]!.base.id} [${plan[i]!.base.dtype}]`] = ms;
        done[i] = entry;
        if (bails(entry) && i < firstBail) firstBail = i;
        emit();
      },
    });
    parallelEvents = [...pre, ...taskEvents.flat()];
    plan.forEach((_, i) => {
      const e = done[i]!;
      properties.push(i > firstBail && e.status !== 'unsupported' ? notRunBail(i) : e);
    });
  } else {
    let bailed = false;
    for (let i = 0; i < plan.length; i++) {
      const { base, prop, runs, missing } = plan[i]!;
      let entry: ConformProperty;
      const tp = performance.now();
      if (missing.length) entry = unsupported(i);
      else if (bailed) entry = notRunBail(i);
      else if (deadline !== undefined && performance.now() > deadline) entry = notRunBudget(i);
      else entry = await runConformEntry(prop, impl, base, runs, entryOptions(i), deadline);
      perPropertyMs[`${base.id} [${base.dtype}]`] = Math.round(performance.now() - tp);
      properties.push(entry);
      if (bails(entry)) bailed = true;
      o.onProperty?.(entry);
    }
  }
  const { ops, summary } = summarize(properties);
  return {
    lemmata: 1,
    command: 'conform',
    implementation: {
      name: impl.name, kind: impl.kind, spec: impl.spec, ops: impl.ops,
      // the profile the bounds actually used: declared values, else the backend's defaults
      profile: {
        elementaryUlps: impl.profile.elementaryUlps ?? ELEMENTARY_ULPS[impl.backend ?? 'default'] ?? ELEMENTARY_ULPS['default']!,
        flushToZero: impl.profile.flushToZero ?? FLUSH_TO_ZERO.has(impl.backend ?? ''),
        ...(impl.profile.algorithms ? { algorithms: { ...impl.profile.algorithms } } : {}),
      },
      profileSource: o.profileSource ?? 'declared',
    },
    dtypes,
    seed: o.seed,
    runs: o.runs ?? null,
    shard: o.shard,
    selection: o.selection ?? { ops: [], claims: [] },
    timeBudgetSeconds: o.timeBudgetMs !== undefined ? o.timeBudgetMs / 1000 : null,
    properties,
    ops,
    summary,
    events: parallelEvents ?? [...impl.events],
    timing: { totalMs: Math.round(performance.now() - t0), perPropertyMs },
  };
}

/**
 * An expected failure is pinned to a replay token. If the property fails, it is `xfail`. If it
 * passes on the generated inputs, the pinned counterexample is replayed: still failing → `xfail`;
 * passing → `xpass` (the bug is fixed: remove the entry), which fails the run deterministically.
 */
async function applyXfail(entry: ConformProperty, xf: { replay: string; reason?: string }, prop: PropertyDef, impl: AsyncImpl, dtype: Dtype, o: { batchSize: number }): Promise<ConformProperty> {
  const reason = xf.reason ? ` (${xf.reason})` : '';
  if (entry.status === 'fail' || entry.status === 'error') return { ...entry, status: 'xfail', note: `expected failure${reason}` };
  const { decodeReplay } = await import('../runner/replay-token.js');
  const info = decodeReplay(xf.replay);
  const again = await runConformProperty(prop, impl, dtype, info.seed, info.runs, o.batchSize, info.path, undefined, info.guard ? { noSubnormal: info.guard[0] === 1, minRatio: info.guard[1] } : undefined);
  return again.status === 'pass'
    ? { ...entry, status: 'xpass', note: `expected failure now passes${reason}; its pinned counterexample passes too — remove the xfail entry` }
    : { ...entry, status: 'xfail', note: `expected failure${reason}; pinned counterexample still fails: ${again.detail ?? ''}`.slice(0, 600) };
}

export const quoteShell = quote;
