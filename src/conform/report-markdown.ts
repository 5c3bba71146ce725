/**
 * The conform report as Markdown (for a CI job summary or a PR comment): header, counts, a table
 * per op and per property × dtype, then failures with their shrunk counterexample and replay
 * command, infrastructure events, and the (non-deterministic) timing on a final line of its own.
 *
 * Text from the report can contain anything the implementation printed, so it is escaped: inline
 * text backslash-escapes Markdown and HTML syntax, code spans and fences are sized to outlast any
 * backtick run inside them.
 */
import { declaredAlgorithmsText, type ConformProperty, type ConformReport } from './types.js';
import { stripIllegalXmlChars, worstText } from './report-junit.js';
import { CONFORM_STATUSES } from './merge.js';
import { valueText } from '../runner/counterexample.js';
import { formatRatio } from '../runner/run-property.js';

/** Inline text: one line, Markdown/HTML punctuation backslash-escaped (safe in table cells). */
function text(s: string): string {
  return stripIllegalXmlChars(s).replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|&~#!]/g, '\\$&');
}

/** The longest run of backticks in `s`. */
function longestTicks(s: string): number {
  return Math.max(0, ...(s.match(/`+/g) ?? []).map((m) => m.length));
}

/** An inline code span holding `s` verbatim (on one line). Pipes are escaped for table cells. */
function code(s: string, inTable = false): string {
  let body = stripIllegalXmlChars(s).replace(/[\r\n]+/g, ' ');
  if (inTable) body = body.replace(/\|/g, '\\|');
  const fence = '`'.repeat(longestTicks(body) + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body === '' ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block holding `s` verbatim. */
function block(s: string): string[] {
  const body = stripIllegalXmlChars(s);
  const fence = '`'.repeat(Math.max(3, longestTicks(body) + 1));
  return [fence, ...body.split(/\r\n|\r|\n/), fence];
}

function shardText(r: ConformReport): string {
  return r.shard ? `${r.shard.index}/${r.shard.count}` : 'all';
}

/** The report as Markdown. Deterministic except for the final timing line. */
export function toMarkdown(r: ConformReport): string {
  const im = r.implementation;
  const out: string[] = [];
  out.push(`# lemmata ${r.command} — ${text(im.name)}`, '');
  if (r.interrupted) out.push('**Interrupted** by a signal: properties it cut short are `not-run` (see the events).', '');
  out.push(`- implementation: ${text(im.name)} (${im.kind}) ${code(im.spec)}`);
  out.push(`- dtypes ${r.dtypes.join(', ')}; seed ${r.seed}; runs ${r.runs ?? 'per-property default'}; shard ${shardText(r)}`);
  out.push(`- profile (${text(im.profileSource)}): elementary functions within ${im.profile.elementaryUlps} ulp; flush-to-zero ${im.profile.flushToZero ? 'yes' : 'no'}${text(declaredAlgorithmsText(im.profile))}`);
  out.push(`- selection: ops ${r.selection.ops.length ? code(r.selection.ops.join(',')) : 'all'}; claims ${r.selection.claims.length ? code(r.selection.claims.join(',')) : 'all'}${r.timeBudgetSeconds !== null ? `; time budget ${r.timeBudgetSeconds} s` : ''}`, '');

  const s = r.summary;
  const counts = CONFORM_STATUSES.filter((k) => k === 'pass' || s[k] > 0).map((k) => `${s[k]} ${k}`).join(', ');
  out.push(`**${counts}** of ${r.properties.length} property × dtype checks.`, '');

  out.push('## Ops', '', '| op | status | properties |', '|---|---|---:|');
  for (const o of r.ops) out.push(`| ${text(o.id)} | ${o.status} | ${o.properties} |`);
  out.push('', '## Properties', '');
  out.push('| property | ops | dtype | status | checks | worst err/bound | worst err/prob. bound |', '|---|---|---|---|---:|---:|---:|');
  for (const p of r.properties) {
    out.push(`| ${text(p.id)} | ${text(p.ops.join(', ') || '—')} | ${p.dtype} | ${p.status} | ${p.checks} | ${worstText(p)} | ${p.worstProbRatio !== undefined ? formatRatio(p.worstProbRatio) : '—'} |`);
  }

  const bad = r.properties.filter((p) => p.status === 'fail' || p.status === 'error' || p.status === 'xpass');
  if (bad.length) {
    out.push('', '## Failures', '');
    out.push(...bad.flatMap((p, i) => (i ? ['', ...failure(p)] : failure(p))));
  }
  const notes = r.properties.filter((p) => p.note && !bad.includes(p));
  if (notes.length) {
    out.push('', '## Expected failures, unsupported and not run', '');
    for (const p of notes) out.push(`- ${text(p.id)} [${p.dtype}] — ${p.status}: ${text(p.note!)}`);
  }
  if (r.events.length) {
    out.push('', '## Events', '');
    for (const e of r.events) out.push(`- ${text(e)}`);
  }
  out.push('', '---', '', `Timing (not part of the deterministic result): ${r.timing.totalMs} ms in total.`, '');
  return out.join('\n');
}

function failure(p: ConformProperty): string[] {
  const out = [`### ${text(p.id)} [${p.dtype}] — ${p.status}`, ''];
  if (p.status === 'xpass') out.push('- expected to fail, but passes: update or remove the expectation');
  if (p.note) out.push(`- note: ${text(p.note)}`);
  if (p.detail) out.push(`- ${text(p.detail)}`);
  out.push(`- worst err/bound: ${worstText(p)}${p.worstInput !== undefined ? ` at ${code(valueText(p.worstInput, 600))}` : ''}; ${p.checks} checks; seed ${p.seed}`);
  if (p.worstDetail) out.push(`- at the largest err/bound: ${text(p.worstDetail)}`);
  if (p.failureClass) out.push(`- failure class: ${p.failureClass}`);
  if (p.counterexample !== undefined) out.push('- shrunk counterexample:', '', ...block(valueText(p.counterexample)).map((l) => `  ${l}`), '');
  if (p.replayCommand) out.push(`- replay: ${code(p.replayCommand)}`);
  else if (p.replay) out.push(`- replay token: ${code(p.replay)}`);
  return out;
}
