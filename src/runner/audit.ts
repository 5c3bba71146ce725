/**
 * `lemmata audit`: evaluate what the notes state, statement by statement (spec/audit-rubric.md).
 *
 * - Every claim module's `audit()` returns findings (exact evidence and a verdict).
 * - The statement registry (src/audit/statements/) places each finding at the statements of the
 *   notes it evaluates — file, line range, verbatim quote — and names the rubric rule it applied.
 *   A finding with no rule, a rule whose verdict is not the finding's verdict, or a part naming no
 *   finding is an audit problem.
 * - A statement's verdict is that of its most severe part; a claim's verdict is that of its headline
 *   statement (the one at the spec's source line holding the claim's headline finding), and the
 *   headline finding must carry it, as must the spec file.
 * The Markdown output is a pure function of the catalogue and the registry: byte-identical on regeneration.
 */
import { createHash } from 'node:crypto';
import type { AuditFinding, NotesVerdict } from '../registry/types.js';
import type { CatalogueEntry } from '../registry/catalogue.js';
import { domainOfClaim, type Domain } from '../registry/domains.js';
import { RULES, RULE_IDS, SEVERITY, isRuleId, type RuleId } from '../audit/rubric.js';
import { STATEMENTS_BY_DOMAIN, NOTES_FILES, type NotesKey, type StatementDef } from '../audit/statements/index.js';

export interface AuditPart {
  finding: string;
  rule: RuleId;
  verdict: NotesVerdict;
}

export interface AuditStatement {
  /** Stable id: the notes file's prefix and a hash of the quoted text. */
  id: string;
  domain: Domain;
  key: NotesKey;
  /** The notes file name. */
  file: string;
  lines: readonly [number, number];
  quote: string;
  parts: AuditPart[];
  /** The most severe part's verdict (confirmed when no part could be evaluated — then a problem is recorded). */
  verdict: NotesVerdict;
  /** The rule of the deciding part. */
  rule: RuleId;
  /** The finding whose verdict decided: the most severe part (ties: sub-findings first, then typo, assumption-needed, exact; then the order listed). */
  decidedBy: string;
  evidence: string;
  corrected?: string;
  typo?: string;
  /** Claims with a part in this statement, sorted. */
  claims: string[];
}

export interface AuditFindingOut extends AuditFinding {
  rule: RuleId;
  statements: string[];
}

export interface AuditClaim {
  id: string;
  title: string;
  source: { file: string; quote: string; line?: number };
  specVerdict: string;
  /** The headline statement's id (absent when none was found: a problem). */
  headline?: string;
  findings: AuditFindingOut[];
  /** Ids of every statement with a part of this claim, in reading order. */
  statements: string[];
  problems: string[];
}

export interface AuditResult {
  claims: AuditClaim[];
  /** Every statement, in reading order (notes file, first line, id). */
  statements: AuditStatement[];
  /** Every problem, prefixed with the claim or statement it concerns. */
  problems: string[];
}

export function statementId(key: NotesKey, quote: string): string {
  return `${key}-${createHash('sha256').update(quote).digest('hex').slice(0, 6)}`;
}

export const lineRange = (s: { key: string; lines: readonly [number, number] }): string =>
  s.lines[0] === s.lines[1] ? `${s.key}:${s.lines[0]}` : `${s.key}:${s.lines[0]}–${s.lines[1]}`;

const claimOf = (findingId: string) => findingId.split('#')[0]!;
const TIE_RANK: Partial<Record<RuleId, number>> = { typo: 2, 'assumption-needed': 1 };

/** The audit with the statement registry. `registry` defaults to src/audit/statements/ (tests pass their own). */
export function auditNotes(
  entries: CatalogueEntry[],
  registry: Readonly<Record<string, readonly StatementDef[]>> = STATEMENTS_BY_DOMAIN,
): AuditResult {
  const claimProblems = new Map<string, string[]>(entries.map((e) => [e.spec.id, []]));
  const global: string[] = [];
  const problem = (claim: string | undefined, text: string) => {
    const list = claim === undefined ? undefined : claimProblems.get(claim);
    if (list) list.push(text); else global.push(text);
  };

  // 1. findings from the claim modules
  const findings = new Map<string, AuditFinding>();
  const findingsOf = new Map<string, AuditFinding[]>();
  for (const { spec, module } of entries) {
    let list: AuditFinding[] = [];
    try {
      list = module.audit();
    } catch (e) {
      problem(spec.id, `audit threw: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const f of list) {
      if (f.id !== spec.id && !f.id.startsWith(`${spec.id}#`)) problem(spec.id, `finding id '${f.id}' does not belong to ${spec.id}`);
      if (findings.has(f.id)) problem(spec.id, `finding id '${f.id}' is returned twice`);
      findings.set(f.id, f);
      if (f.rule !== undefined && !isRuleId(f.rule)) problem(spec.id, `finding ${f.id} names '${f.rule}', which is no rule of spec/audit-rubric.md`);
    }
    findingsOf.set(spec.id, list);
  }

  // 2. statements: ids, parts, rules
  const ruleOf = new Map<string, RuleId>();
  const statements: AuditStatement[] = [];
  const seen = new Map<string, string>();
  for (const [domain, defs] of Object.entries(registry)) {
    for (const def of defs) {
      const id = statementId(def.file, def.quote);
      const where = `statement ${id} (${lineRange({ key: def.file, lines: def.lines })})`;
      if (seen.has(id)) global.push(`${where}: same id as ${seen.get(id)} — quote a longer, distinguishing text`);
      seen.set(id, lineRange({ key: def.file, lines: def.lines }));
      if (!(def.file in NOTES_FILES)) global.push(`${where}: unknown notes file '${def.file}'`);
      if (!(def.lines[0] >= 1 && def.lines[0] <= def.lines[1])) global.push(`${where}: bad line range ${def.lines.join('–')}`);
      if (def.quote.trim() === '') global.push(`${where}: empty quote`);
      const names = Object.keys(def.parts);
      if (names.length === 0) global.push(`${where}: no parts`);
      if (names.length > 0 && !names.some((f) => domainOfClaim(claimOf(f)) === domain)) {
        global.push(`${where}: listed under domain ${domain} but no part belongs to it`);
      }
      const parts: AuditPart[] = [];
      for (const name of names) {
        const rule = def.parts[name]!;
        const f = findings.get(name);
        if (!isRuleId(rule)) { problem(claimOf(name), `${where}: part ${name} names '${rule}', which is no rule of spec/audit-rubric.md`); continue; }
        if (!f) { problem(claimOf(name), `${where}: part ${name} is no finding of any claim`); continue; }
        const prior = ruleOf.get(name);
        if (prior !== undefined && prior !== rule) problem(claimOf(name), `finding ${name} applies rule '${prior}' in one statement and '${rule}' in ${where}`);
        ruleOf.set(name, prior ?? rule);
        if (RULES[rule].verdict !== f.verdict) {
          problem(claimOf(name), `${where}: finding ${name} is '${f.verdict}' but its rule '${rule}' gives '${RULES[rule].verdict}'`);
        }
        parts.push({ finding: name, rule, verdict: f.verdict });
      }
      // The most severe part decides; among equally severe parts a sub-finding (the specific evidence) before a
      // claim's headline finding (which may itself carry a combined verdict), a typo before an assumption before plain exactness.
      const rank = (p: AuditPart) => [SEVERITY[p.verdict], TIE_RANK[p.rule] ?? 0, p.finding.includes('#') ? 1 : 0];
      const better = (a: AuditPart, b: AuditPart) => {
        const [x, y] = [rank(a), rank(b)];
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! > y[i]!;
        return false;
      };
      let decider: AuditPart | undefined;
      for (const p of parts) if (!decider || better(p, decider)) decider = p;
      const verdict: NotesVerdict = decider?.verdict ?? 'confirmed';
      if ((verdict !== 'confirmed' || def.typo !== undefined) && !def.corrected) {
        global.push(`${where}: a ${def.typo !== undefined ? 'statement with a recorded typo' : `${verdict} statement`} needs the corrected statement for the errata ('corrected')`);
      }
      statements.push({
        id, domain: domain as Domain, key: def.file, file: NOTES_FILES[def.file] ?? def.file, lines: def.lines, quote: def.quote,
        parts, verdict, rule: decider?.rule ?? 'exact', decidedBy: decider?.finding ?? '',
        evidence: decider ? findings.get(decider.finding)!.evidence : '',
        ...(def.corrected !== undefined ? { corrected: def.corrected } : {}),
        ...(def.typo !== undefined ? { typo: def.typo } : {}),
        claims: [...new Set(parts.map((p) => claimOf(p.finding)))].sort(),
      });
    }
  }
  statements.sort((a, b) => a.key.localeCompare(b.key) || a.lines[0] - b.lines[0] || a.lines[1] - b.lines[1] || a.id.localeCompare(b.id));

  // 3. claims: rules on every finding, the headline statement, the verdict chain
  const claims: AuditClaim[] = entries.map(({ spec }) => {
    const own = findingsOf.get(spec.id) ?? [];
    const out: AuditFindingOut[] = [];
    for (const f of own) {
      const fromRegistry = ruleOf.get(f.id);
      if (f.rule !== undefined && fromRegistry !== undefined && f.rule !== fromRegistry) {
        problem(spec.id, `finding ${f.id} names rule '${f.rule}' but its statement names '${fromRegistry}'`);
      }
      const rule = (fromRegistry ?? (isRuleId(f.rule) ? f.rule : undefined));
      if (rule === undefined) problem(spec.id, `finding ${f.id} applies no rubric rule: it is a part of no statement in src/audit/statements/`);
      else if (fromRegistry === undefined && RULES[rule].verdict !== f.verdict) problem(spec.id, `finding ${f.id} is '${f.verdict}' but its rule '${rule}' gives '${RULES[rule].verdict}'`);
      out.push({ id: f.id, verdict: f.verdict, evidence: f.evidence, rule: rule ?? ('exact' as RuleId), statements: statements.filter((s) => s.parts.some((p) => p.finding === f.id)).map((s) => s.id) });
    }
    const head = own.find((f) => f.id === spec.id);
    let headline: AuditStatement | undefined;
    if (!head) problem(spec.id, `no headline finding with id '${spec.id}'`);
    else {
      const line = spec.source.line ?? 0;
      const at = statements.filter((s) => s.file === spec.source.file && s.lines[0] <= line && line <= s.lines[1] && s.parts.some((p) => p.finding === spec.id));
      if (at.length === 0) problem(spec.id, `no statement at the spec's source line ${spec.source.file.slice(0, 3)}:${line} has the headline finding ${spec.id} as a part`);
      else if (at.length > 1) problem(spec.id, `several statements at the source line hold the headline finding: ${at.map((s) => s.id).join(', ')}`);
      else {
        headline = at[0]!;
        if (head.verdict !== headline.verdict) {
          problem(spec.id, `the headline finding is '${head.verdict}' but its statement ${headline.id} (${lineRange(headline)}) is '${headline.verdict}': the most severe part decides (${headline.decidedBy}, rule ${headline.rule})`);
        }
      }
      if (head.verdict !== spec.verdict) problem(spec.id, `spec/${spec.id}.md records verdict '${spec.verdict}' but the audit computes '${head.verdict}'`);
    }
    return {
      id: spec.id, title: spec.title, source: spec.source, specVerdict: spec.verdict,
      ...(headline ? { headline: headline.id } : {}),
      findings: out,
      statements: statements.filter((s) => s.claims.includes(spec.id)).map((s) => s.id),
      problems: claimProblems.get(spec.id)!,
    };
  });

  const problems = [...global, ...claims.flatMap((c) => c.problems.map((p) => `${c.id}: ${p}`))];
  return { claims, statements, problems };
}

/** The claims of the audit, each with its problems (registry-wide problems are in `auditNotes().problems`). */
export function runAudit(entries: CatalogueEntry[]): AuditClaim[] {
  return auditNotes(entries).claims;
}

/**
 * `audit --json`: one object per finding, as before ({id, verdict, evidence}), with the rule it
 * applied and the statements it evaluates (id, file, line range, quote, verdict, rule).
 */
export function auditJson(result: AuditResult) {
  const byId = new Map(result.statements.map((s) => [s.id, s]));
  return result.claims.flatMap((c) => c.findings.map((f) => ({
    id: f.id, verdict: f.verdict, evidence: f.evidence, rule: f.rule,
    statements: f.statements.map((sid) => {
      const s = byId.get(sid)!;
      return { id: s.id, file: s.file, lines: lineRange(s), quote: s.quote, verdict: s.verdict, rule: s.rule };
    }),
  })));
}

export function ruleTally(result: AuditResult): Record<RuleId, number> {
  const t = Object.fromEntries(RULE_IDS.map((r) => [r, 0])) as Record<RuleId, number>;
  for (const c of result.claims) for (const f of c.findings) t[f.rule]++;
  return t;
}

export function verdictTally(items: readonly { verdict: NotesVerdict }[]): string {
  const n = (v: NotesVerdict) => items.filter((x) => x.verdict === v).length;
  return `confirmed ${n('confirmed')}, refuted ${n('refuted')}, convention-dependent ${n('convention-dependent')}, approximate ${n('approximate')}`;
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

export function auditMarkdown(result: AuditResult): string {
  const { claims, statements } = result;
  const findings = claims.flatMap((c) => c.findings);
  const typos = statements.filter((s) => s.typo !== undefined).length;
  const rules = ruleTally(result);
  const byId = new Map(statements.map((s) => [s.id, s]));
  const out: string[] = [
    '# Audit of the course notes',
    '',
    'Generated by `npx lemmata audit` from `spec/`, the claim modules in `src/properties/` and the statement registry in',
    '`src/audit/statements/`; do not edit by hand. Verdicts follow the rubric in [`spec/audit-rubric.md`](../spec/audit-rubric.md),',
    'notation the glossary in [`spec/conventions.md`](../spec/conventions.md). Each statement is evaluated exactly (rational',
    'arithmetic, enumeration, exact moments or rigorous enclosures).',
    '',
    `Statements audited: ${statements.length} — ${verdictTally(statements)} (typos recorded: ${typos}).`,
    `Findings: ${findings.length} — ${verdictTally(findings)}.`,
    `Claims: ${claims.length} — ${verdictTally(claims.map((c) => ({ verdict: c.specVerdict as NotesVerdict })))}.`,
    `Rules applied (findings): ${RULE_IDS.map((r) => `${r} ${rules[r]}`).join(', ')}.`,
    '',
    // A claim's verdict is its headline statement's (spec/audit-rubric.md, "Combining"); the last column
    // shows the verdicts of the other statements it groups, so a refuted neighbouring step is never hidden.
    '| claim | verdict | rule | headline statement | other statements grouped |',
    '|---|---|---|---|---|',
    ...claims.map((c) => {
      const h = c.headline ? byId.get(c.headline) : undefined;
      const others = c.statements.filter((sid) => sid !== c.headline).map((sid) => byId.get(sid)!);
      const count = (v: NotesVerdict) => others.filter((o) => o.verdict === v).length;
      const tally = others.length === 0 ? '—'
        : (['refuted', 'approximate', 'convention-dependent', 'confirmed'] as const).filter((v) => count(v) > 0).map((v) => `${count(v)} ${v}`).join(', ');
      return `| ${c.id} | ${c.specVerdict} | ${h ? h.rule : '—'} | ${h ? `${h.id} (${lineRange(h)})` : '—'} | ${tally} |`;
    }),
    '',
  ];
  for (const c of claims) {
    out.push(`## ${c.id} — ${c.title}`, '');
    out.push(`Source: \`${c.source.file}\`${c.source.line ? ` line ${c.source.line}` : ''} — “${c.source.quote}”`, '');
    const h = c.headline ? byId.get(c.headline) : undefined;
    if (h) out.push(`Verdict: **${h.verdict}** (rule \`${h.rule}\`${h.parts.length > 1 ? `, the most severe part: ${h.decidedBy}` : ''}).`, '');
    out.push('Statements:', '');
    for (const sid of c.statements) {
      const s = byId.get(sid)!;
      out.push(`- \`${s.id}\` ${lineRange(s)} — “${oneLine(s.quote)}” — **${s.verdict}** (\`${s.rule}\`${s.parts.length > 1 ? `, decided by ${s.decidedBy}` : ''})` +
        (s.typo ? `; typo recorded: ${oneLine(s.typo)}` : ''));
    }
    out.push('', 'Findings:', '');
    for (const f of c.findings) out.push(`- **${f.id}: ${f.verdict}** (\`${f.rule}\`). ${f.evidence}`);
    for (const p of c.problems) out.push(`- **problem:** ${p}`);
    out.push('');
  }
  return out.join('\n');
}
