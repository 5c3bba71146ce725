/**
 * Console reporters for `check`, `conform` and `verify` (`--reporter NAME`, repeatable), after
 * vitest's and pytest's:
 *
 *   default         the summary table, then each failure with its counterexamples and replay command
 *   verbose         every property with its status, checks, worst error/bound and note
 *   dot             one character per property (. pass, S suspicious, F fail, E error, X xpass, x xfail, s unsupported, - not run)
 *   json            the report as JSON on stdout (nothing else on stdout)
 *   junit           the JUnit XML on stdout (nothing else on stdout)
 *   github-actions  one GitHub Actions annotation per fail / error / xpass:
 *                   `::error file=spec/<claim>.md,title=<title>::<message>` (workflow-command escaping:
 *                   `%` → %25, CR → %0D, LF → %0A in the message; also `:` → %3A, `,` → %2C in
 *                   property values), so adapter text can never start a command of its own
 *
 * Everything an implementation controls is escaped (src/util/escape.ts) before it is printed.
 */
import type { ConformProperty, ConformReport } from '../conform/types.js';
import { stableReportJson } from '../conform/merge.js';
import { toJUnitXml } from '../conform/report-junit.js';
import { formatRatio } from '../runner/run-property.js';
import { valueText } from '../runner/counterexample.js';
import { escapeConsole, escapeControl } from '../util/escape.js';

export const REPORTERS = ['default', 'verbose', 'dot', 'json', 'junit', 'github-actions'] as const;
export type ReporterName = (typeof REPORTERS)[number];

/** Reporters that own stdout: with them, nothing else is printed there. */
export const MACHINE_REPORTERS: readonly ReporterName[] = ['json', 'junit'];

const BAD = new Set(['fail', 'error', 'xpass']);

/** GitHub workflow-command escaping of the message part. */
export function ghData(s: string): string {
  return escapeControl(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** GitHub workflow-command escaping of a property value (file, title). */
export function ghProperty(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function failureText(q: ConformProperty): string {
  const lines = [`${q.detail ?? q.note ?? ''}`];
  if (q.counterexample !== undefined) lines.push(`shrunk counterexample: ${valueText(q.counterexample, 800)}${q.failureClass ? ` (${q.failureClass})` : ''}`);
  if (q.worstDetail) lines.push(`largest err/bound seen: ${q.worstDetail}`);
  if (q.replayCommand) lines.push(`replay: ${q.replayCommand}`);
  return lines.join('\n');
}

/** The GitHub Actions annotations of a report, one line per fail / error / xpass. */
export function githubAnnotations(r: ConformReport): string[] {
  return r.properties.filter((q) => BAD.has(q.status)).map((q) => {
    const file = q.claim === 'verify' ? '' : `spec/${q.claim}.md`;
    const title = `lemmata ${r.command}: ${q.id} [${q.dtype}] ${q.status}`;
    return `::error ${file ? `file=${ghProperty(file)},` : ''}title=${ghProperty(title)}::${ghData(failureText(q))}`;
  });
}

const DOT: Record<string, string> = { pass: '.', suspicious: 'S', fail: 'F', error: 'E', xpass: 'X', xfail: 'x', unsupported: 's', 'not-run': '-' };

export function dots(r: ConformReport): string {
  const s = r.properties.map((q) => DOT[q.status] ?? '?').join('');
  return s.replace(/(.{80})/g, '$1\n');
}

export function verbose(r: ConformReport): string[] {
  return r.properties.map((q) => {
    const ratio = q.status === 'error' || q.checks === 0 ? '' : `  err/bound ${formatRatio(q.worstRatio)}`;
    const why = q.status === 'pass' ? '' : `  — ${escapeConsole(q.detail ?? q.note ?? '')}`;
    return `${q.status.toUpperCase().padEnd(11)} ${q.id} [${q.dtype}]  ${q.checks} checks${ratio}${why}`;
  });
}

/** Print the report with the chosen reporters; `summary` prints the default table and failures. */
export function report(r: ConformReport, reporters: readonly ReporterName[], summary: () => void): void {
  for (const name of reporters) {
    switch (name) {
      case 'default': summary(); break;
      case 'verbose': console.log(verbose(r).join('\n')); summary(); break;
      case 'dot': console.log(dots(r)); break;
      case 'json': process.stdout.write(stableReportJson(r)); break;
      case 'junit': process.stdout.write(toJUnitXml(r)); break;
      case 'github-actions': for (const a of githubAnnotations(r)) console.log(a); break;
    }
  }
}
