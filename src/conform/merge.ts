/**
 * Summaries, shard merging and the stable JSON form of a conform report.
 *
 * `lemmata conform --shard i/n` writes one report per shard; `mergeReports` combines them into
 * the report an unsharded run would have produced (properties sorted by id, then dtype), apart
 * from `events` (concatenated in shard order) and `timing` (summed).
 */
import type { ConformProperty, ConformReport, ConformStatus } from './types.js';

/**
 * How bad each status is, for "the worst status over several properties": an op with one
 * failing property fails; one that merely lacks support for a dtype is `unsupported`.
 * pass < xfail < unsupported < not-run < fail < xpass < error.
 */
export const STATUS_SEVERITY: Readonly<Record<ConformStatus, number>> = Object.freeze({
  pass: 0,
  suspicious: 0.5,
  xfail: 1,
  unsupported: 2,
  'not-run': 3,
  fail: 4,
  xpass: 5,
  error: 6,
});

/** Every status, in the key order of `summary` (the order of the `ConformStatus` union). */
export const CONFORM_STATUSES: readonly ConformStatus[] = ['pass', 'suspicious', 'fail', 'error', 'unsupported', 'xfail', 'xpass', 'not-run'];

/** The worse of two statuses under `STATUS_SEVERITY`. */
export function worseStatus(a: ConformStatus, b: ConformStatus): ConformStatus {
  return STATUS_SEVERITY[b] > STATUS_SEVERITY[a] ? b : a;
}

/** Code-point order: deterministic, unlike `localeCompare`. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Per op (sorted by id): the worst status over the properties that call it and how many
 * property × dtype entries those are; and the count of each status over all entries.
 * Properties that call no op count in `summary` only.
 */
export function summarize(properties: readonly ConformProperty[]): Pick<ConformReport, 'ops' | 'summary'> {
  const byOp = new Map<string, { status: ConformStatus; properties: number }>();
  const summary = Object.fromEntries(CONFORM_STATUSES.map((s) => [s, 0])) as Record<ConformStatus, number>;
  for (const p of properties) {
    summary[p.status] += 1;
    for (const op of new Set(p.ops)) {
      const o = byOp.get(op);
      if (o) {
        o.status = worseStatus(o.status, p.status);
        o.properties += 1;
      } else {
        byOp.set(op, { status: p.status, properties: 1 });
      }
    }
  }
  const ops = [...byOp.keys()].sort(cmp).map((id) => ({ id, ...byOp.get(id)! }));
  return { ops, summary };
}

function mismatch(what: string, i: number, a: unknown, b: unknown): Error {
  const show = (v: unknown) => JSON.stringify(v);
  return new Error(`cannot merge conform reports: report ${i + 1} has ${what} ${show(b)}, report 1 has ${show(a)}`);
}

/**
 * Merge the reports of the shards of one conform run. They must come from the same
 * implementation (name, kind, spec, declared ops, precision profile), dtypes, selection, time budget, seed and runs; either all are shards of the same
 * count, together covering every shard exactly once, or none is a shard. A property × dtype
 * may appear in one report only. Throws an Error saying what differs otherwise.
 *
 * The result has `shard: null`; the input order does not matter (reports are taken in shard
 * order).
 */
export function mergeReports(rs: readonly ConformReport[]): ConformReport {
  if (rs.length === 0) throw new Error('cannot merge conform reports: no reports given');
  const first = rs[0]!;
  rs.forEach((r, i) => {
    const im = r.implementation;
    if (im.spec !== first.implementation.spec) throw mismatch('implementation spec', i, first.implementation.spec, im.spec);
    if (im.name !== first.implementation.name) throw mismatch('implementation name', i, first.implementation.name, im.name);
    if (im.kind !== first.implementation.kind) throw mismatch('implementation kind', i, first.implementation.kind, im.kind);
    if (JSON.stringify(r.dtypes) !== JSON.stringify(first.dtypes)) throw mismatch('dtypes', i, first.dtypes, r.dtypes);
    if (JSON.stringify(r.selection) !== JSON.stringify(first.selection)) throw mismatch('selection (--ops/--claims)', i, first.selection, r.selection);
    if (JSON.stringify(im.profile) !== JSON.stringify(first.implementation.profile)) throw mismatch('precision profile', i, first.implementation.profile, im.profile);
    if (im.profileSource !== first.implementation.profileSource) throw mismatch('profile source', i, first.implementation.profileSource, im.profileSource);
    if (JSON.stringify(im.ops) !== JSON.stringify(first.implementation.ops)) throw mismatch('declared ops', i, first.implementation.ops, im.ops);
    if (r.timeBudgetSeconds !== first.timeBudgetSeconds) throw mismatch('time budget', i, first.timeBudgetSeconds, r.timeBudgetSeconds);
    if (r.seed !== first.seed) throw mismatch('seed', i, first.seed, r.seed);
    if (r.runs !== first.runs) throw mismatch('runs', i, first.runs, r.runs);
    if ((r.shard === null) !== (first.shard === null)) throw mismatch('shard', i, first.shard, r.shard);
    if (r.shard && r.shard.count !== first.shard!.count) throw mismatch('shard count', i, first.shard!.count, r.shard.count);
  });

  const ordered = [...rs];
  if (first.shard) {
    ordered.sort((a, b) => a.shard!.index - b.shard!.index);
    const idx = ordered.map((r) => r.shard!.index);
    const count = first.shard.count;
    const dup = idx.find((x, i) => i > 0 && idx[i - 1] === x);
    if (dup !== undefined) throw new Error(`cannot merge conform reports: shard ${dup}/${count} appears more than once`);
    if (idx.length !== count) {
      throw new Error(`cannot merge conform reports: got ${idx.length} of ${count} shards (indices ${idx.join(', ')}); a merged report must cover every shard`);
    }
  }

  const seen = new Set<string>();
  for (const r of ordered) for (const p of r.properties) {
    const key = `${p.id} [${p.dtype}]`;
    if (seen.has(key)) throw new Error(`cannot merge conform reports: property ${key} appears in more than one report`);
    seen.add(key);
  }
  const properties = ordered.flatMap((r) => r.properties)
    .sort((a, b) => cmp(a.id, b.id) || cmp(a.dtype, b.dtype));

  const perPropertyMs: Record<string, number> = {};
  for (const r of ordered) {
    for (const [k, ms] of Object.entries(r.timing.perPropertyMs)) perPropertyMs[k] = (perPropertyMs[k] ?? 0) + ms;
  }
  const { ops, summary } = summarize(properties);
  return {
    lemmata: 1,
    command: 'conform',
    implementation: first.implementation,
    dtypes: first.dtypes,
    seed: first.seed,
    runs: first.runs,
    shard: null,
    selection: first.selection,
    timeBudgetSeconds: first.timeBudgetSeconds,
    ...(ordered.some((r) => r.interrupted) ? { interrupted: true } : {}),
    properties,
    ops,
    summary,
    events: ordered.flatMap((r) => r.events),
    timing: { totalMs: ordered.reduce((s, r) => s + r.timing.totalMs, 0), perPropertyMs },
  };
}

/** The report without its non-deterministic `timing`, for comparing two runs. */
export function withoutTiming(r: ConformReport): Omit<ConformReport, 'timing'> {
  const { timing: _timing, ...rest } = r;
  return rest;
}

const REPORT_KEYS = ['lemmata', 'command', 'implementation', 'dtypes', 'seed', 'runs', 'shard', 'selection', 'timeBudgetSeconds', 'interrupted', 'properties', 'ops', 'summary', 'events'];
const PROPERTY_KEYS = ['id', 'claim', 'property', 'kind', 'description', 'ops', 'dtype', 'status', 'checks',
  'worstRatio', 'worstProbRatio', 'worstInput', 'worstDetail', 'ratios', 'seed', 'failureClass', 'counterexample', 'detail', 'replay', 'replayCommand', 'note'];

/** A copy of `o` with the `keys` first, in that order, then any other keys as they were. */
function withKeyOrder<T extends object>(o: T, keys: readonly string[]): T {
  const src = o as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in src) out[k] = src[k];
  for (const k of Object.keys(src)) if (!(k in out)) out[k] = src[k];
  return out as T;
}

/**
 * The report as written to disk: two-space JSON and a final newline, keys in the order of the
 * `ConformReport` type (top level and per property, whatever order the object was built in), with
 * `timing` last so that everything before it is byte-identical between runs of the same seed.
 *
 * JSON has no infinities, and `JSON.stringify` would write an infinite error/bound (an output of
 * ±∞ where the exact value is finite) as `null` — which means "exact" for `worstRatio`. They are
 * written as the JSON numbers `1e999` / `-1e999` instead, which `JSON.parse` (and Python's `json`)
 * read back as ±Infinity. NaN stays `null`.
 */
export function stableReportJson(r: ConformReport): string {
  const { timing, ...rest } = withKeyOrder(r, REPORT_KEYS);
  const doc = { ...rest, properties: r.properties.map((p) => withKeyOrder(p, PROPERTY_KEYS)), timing };
  const plain = JSON.stringify(doc);
  let tag = 'lemmata:infinity';
  while (plain.includes(tag)) tag += '~';
  const json = JSON.stringify(doc, (_k, v: unknown) =>
    (v === Infinity ? `${tag}+` : v === -Infinity ? `${tag}-` : v), 2);
  return json.split(`"${tag}+"`).join('1e999').split(`"${tag}-"`).join('-1e999') + '\n';
}
