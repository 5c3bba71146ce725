/**
 * Judging cases: every case's output is first validated against its op's result schema (a wrong
 * shape or type is an `error` naming the field), then judged by the exact oracle within the
 * derived bound of that very input (src/fixtures/accept.ts), ties accepted as the gate does. The
 * result is a conform report (one entry per case, claim `verify`), so the JSON, Markdown, HTML and
 * JUnit writers, the exit codes and merge-reports all apply unchanged.
 */
import type { Dtype } from '../registry/types.js';
import type { ConformProperty, ConformReport } from '../conform/types.js';
import { summarize } from '../conform/merge.js';
import { opById } from '../ops/index.js';
import { validateArgs, validateResult, readResult } from '../ops/schema-check.js';
import { judge, NoJudgeError, type PrecisionProfile } from '../fixtures/accept.js';
import { toJsonValue } from '../runner/counterexample.js';
import type { VerifyCase, Unmapped } from './cases.js';

export const DEFAULT_PROFILE = { elementaryUlps: 4, flushToZero: false };

export interface VerifyOptions {
  profile?: PrecisionProfile;
  profileSource?: string;
  sources: string[];
  onCase?: (p: ConformProperty) => void;
}

function entry(c: VerifyCase, status: ConformProperty['status'], extra: Partial<ConformProperty>): ConformProperty {
  return {
    id: c.name, claim: 'verify', property: c.name, kind: 'conformance',
    description: `${c.op} on a given input, judged against the exact oracle`,
    ops: [c.op], dtype: c.dtype, status, checks: 1, worstRatio: null, ratios: [], seed: 0, ...extra,
  };
}

export function verifyCases(cases: readonly VerifyCase[], unmapped: readonly Unmapped[], o: VerifyOptions): ConformReport {
  const t0 = performance.now();
  const profile = { ...DEFAULT_PROFILE, ...o.profile };
  const properties: ConformProperty[] = [];
  const perPropertyMs: Record<string, number> = {};
  for (const c of cases) {
    const tc = performance.now();
    let p: ConformProperty;
    const shown = { counterexample: toJsonValue({ args: c.args, output: c.output }) };
    if (!opById(c.op)) {
      p = entry(c, 'error', { checks: 0, detail: `unknown op '${c.op}'`, ...shown });
    } else {
      const badArgs = validateArgs(c.op, c.args);
      const out = readResult(c.op, c.output);
      const badOut = badArgs ? null : validateResult(c.op, c.args, out, c.dtype);
      if (badArgs) p = entry(c, 'error', { detail: `the case's arguments do not fit ${c.op}: ${badArgs}`, ...shown });
      else if (badOut) p = entry(c, 'error', { detail: badOut, ...shown });
      else {
        try {
          const j = judge(c.op, c.args, out, { dtype: c.dtype, profile });
          const ratio = j.ratio === undefined ? null : Number.isNaN(j.ratio) ? Infinity : j.ratio;
          p = entry(c, j.ok ? 'pass' : 'fail', {
            worstRatio: ratio, ratios: ratio === null ? [] : [ratio],
            ...(j.ok ? {} : { detail: j.detail, ...shown }),
            ...(j.vacuous ? { note: j.detail } : {}),
          });
        } catch (e) {
          p = e instanceof NoJudgeError
            ? entry(c, 'unsupported', { checks: 0, note: e.message })
            : entry(c, 'error', { detail: `could not be judged: ${(e as Error).message}`, ...shown });
        }
      }
    }
    perPropertyMs[c.name] = Math.round(performance.now() - tc);
    properties.push(p);
    o.onCase?.(p);
  }
  for (const u of unmapped) {
    properties.push({
      id: u.name, claim: 'verify', property: u.name, kind: 'conformance', description: 'a case lemmata cannot express',
      ops: [], dtype: 'float32', status: 'unsupported', checks: 0, worstRatio: null, ratios: [], seed: 0, note: u.reason,
    });
  }
  const { ops, summary } = summarize(properties);
  const dtypes = (['float32', 'float64'] as Dtype[]).filter((d) => cases.some((c) => c.dtype === d));
  return {
    lemmata: 1,
    command: 'verify',
    implementation: {
      name: 'given outputs', kind: 'module', spec: o.sources.join(' '), ops: {},
      profile, profileSource: o.profileSource ?? 'defaults',
    },
    dtypes: dtypes.length ? dtypes : ['float32'],
    seed: 0,
    runs: null,
    shard: null,
    selection: { ops: [], claims: [] },
    timeBudgetSeconds: null,
    properties,
    ops,
    summary,
    events: [],
    timing: { totalMs: Math.round(performance.now() - t0), perPropertyMs },
  };
}
