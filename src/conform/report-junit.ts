/**
 * JUnit XML for CI dashboards: one `<testsuite>` per op group (the property's ops joined by `+`,
 * or its claim id when it calls no op), one `<testcase>` per property × dtype, in report order.
 *
 * Status mapping: `fail` → `<failure>`; `error` → `<error>`; `unsupported` / `not-run` →
 * `<skipped>`; `xfail` → a passing test case whose `<system-out>` says it failed as expected;
 * `xpass` → `<failure>` (the expected failure no longer happens: update the expectation).
 * Only `time` attributes depend on the run (from `timing`); everything else is deterministic.
 */
import { declaredAlgorithmsText, type ConformProperty, type ConformReport } from './types.js';
import { formatRatio } from '../runner/run-property.js';
import { valueText } from '../runner/counterexample.js';

/** Characters XML 1.0 does not allow at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F). */
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Drop the characters XML 1.0 (and so HTML) cannot carry. */
export function stripIllegalXmlChars(s: string): string {
  return s.replace(ILLEGAL_XML, '');
}

/**
 * Escape text for XML/HTML content or a quoted attribute value: & < > " ' become entities and
 * illegal characters are dropped. In attributes, tab/LF/CR become character references so that
 * attribute-value normalisation does not turn them into spaces; CR is kept the same way in text.
 */
export function escapeXml(s: string, attribute = false): string {
  const out = stripIllegalXmlChars(s)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\r/g, '&#13;');
  return attribute ? out.replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : out;
}

/** The test-suite key of a property: its ops joined by `+`, or its claim id if it calls none. */
export function opsKey(p: ConformProperty): string {
  return p.ops.length ? p.ops.join('+') : p.claim;
}

/**
 * The worst error/bound as text (`formatRatio`: `exact`, `inf`, 3 significant digits), or `—`
 * when the property did not get to compare anything (unsupported, not run, or an error before
 * the first comparison) — `worstRatio` is null then too, but it does not mean exact.
 */
export function worstText(p: Pick<ConformProperty, 'status' | 'worstRatio'>): string {
  const ran = p.status !== 'unsupported' && p.status !== 'not-run' && p.status !== 'error';
  return p.worstRatio === null && !ran ? '—' : formatRatio(p.worstRatio);
}

const MAX_MESSAGE = 500;

/** A one-line message attribute: the first line, clipped (the whole text goes in the body). */
function message(s: string): string {
  const line = s.split(/\r\n|\r|\n/, 1)[0]!;
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
}

/** The body of a failure / error element: everything needed to understand and replay it. */
function failureBody(p: ConformProperty): string {
  const lines: string[] = [];
  if (p.detail) lines.push(`detail: ${p.detail}`);
  if (p.note) lines.push(`note: ${p.note}`);
  if (p.counterexample !== undefined) lines.push(`shrunk counterexample: ${valueText(p.counterexample)}`);
  if (p.failureClass) lines.push(`failure class: ${p.failureClass}`);
  lines.push(`worst err/bound: ${worstText(p)}${p.worstInput !== undefined ? ` at ${valueText(p.worstInput, 600)}` : ''}`);
  if (p.worstProbRatio !== undefined) lines.push(`worst err/probabilistic bound: ${formatRatio(p.worstProbRatio)}`);
  if (p.worstDetail) lines.push(`at the largest err/bound: ${p.worstDetail}`);
  lines.push(`checks: ${p.checks}; seed: ${p.seed}`);
  if (p.replayCommand) lines.push(`replay: ${p.replayCommand}`);
  else if (p.replay) lines.push(`replay token: ${p.replay}`);
  return lines.join('\n');
}

/** Seconds with 3 decimals. */
function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

interface Counts { tests: number; failures: number; errors: number; skipped: number }

function count(ps: readonly ConformProperty[]): Counts {
  const n = (...s: string[]) => ps.filter((p) => s.includes(p.status)).length;
  return { tests: ps.length, failures: n('fail', 'xpass'), errors: n('error'), skipped: n('unsupported', 'not-run') };
}

function countAttrs(c: Counts): string {
  return `tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}"`;
}

function testcase(p: ConformProperty, opKey: string, ms: number): string {
  const a = (s: string) => escapeXml(s, true);
  const t = (s: string) => escapeXml(s);
  const open = `    <testcase classname="${a(`lemmata.${opKey}`)}" name="${a(`${p.id} [${p.dtype}]`)}" time="${seconds(ms)}"`;
  let inner: string;
  switch (p.status) {
    case 'pass':
      return `${open}/>`;
    case 'fail':
      inner = `<failure message="${a(message(p.detail ?? 'property failed'))}" type="fail">${t(failureBody(p))}</failure>`;
      break;
    case 'error':
      inner = `<error message="${a(message(p.detail ?? 'implementation error'))}" type="error">${t(failureBody(p))}</error>`;
      break;
    case 'xpass':
      inner = `<failure message="expected failure now passes (xpass)" type="xpass">${t(failureBody(p))}</failure>`;
      break;
    case 'unsupported':
    case 'not-run':
      inner = `<skipped message="${a(message(`${p.status}${p.note ? `: ${p.note}` : ''}`))}"/>`;
      break;
    case 'xfail':
      inner = `<system-out>${t(`expected failure: ${p.note ?? p.detail ?? ''}\n${failureBody(p)}`)}</system-out>`;
      break;
    case 'suspicious':
      inner = `<system-out>${t(`suspicious: ${p.note ?? ''}\nworst err/prob-bound: ${p.worstProbRatio ?? ''}\n${failureBody(p)}`)}</system-out>`;
      break;
  }
  return `${open}>\n      ${inner}\n    </testcase>`;
}

/** The report as JUnit XML (a `<testsuites>` document with totals on every level). */
export function toJUnitXml(r: ConformReport): string {
  const groups = new Map<string, ConformProperty[]>();
  for (const p of r.properties) {
    const k = opsKey(p);
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  const ms = (p: ConformProperty) => r.timing.perPropertyMs[p.id] ?? 0;
  const a = (s: string) => escapeXml(s, true);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="${a(`lemmata ${r.command}: ${r.implementation.name}`)}" ${countAttrs(count(r.properties))} time="${seconds(r.timing.totalMs)}">`);
  for (const [key, ps] of groups) {
    out.push(`  <testsuite name="${a(`lemmata.${key}`)}" ${countAttrs(count(ps))} time="${seconds(ps.reduce((s, p) => s + ms(p), 0))}">`);
    out.push('    <properties>');
    const props: [string, string][] = [
      ['implementation', r.implementation.name], ['implementation.kind', r.implementation.kind],
      ['implementation.spec', r.implementation.spec], ['dtypes', r.dtypes.join(',')], ['profile', `${r.implementation.profileSource}: ${r.implementation.profile.elementaryUlps} ulp, flush-to-zero ${r.implementation.profile.flushToZero}${declaredAlgorithmsText(r.implementation.profile)}`], ['seed', String(r.seed)],
      ['runs', r.runs === null ? 'default' : String(r.runs)],
    ];
    for (const [n, v] of props) out.push(`      <property name="lemmata.${n}" value="${a(v)}"/>`);
    out.push('    </properties>');
    for (const p of ps) out.push(testcase(p, key, ms(p)));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}
