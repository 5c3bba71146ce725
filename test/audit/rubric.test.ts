/**
 * The rubric (spec/audit-rubric.md) and its code (src/audit/rubric.ts) agree; every finding of the
 * audit names a rule, its verdict is the rule's, statements combine their parts by the most severe,
 * and the re-graded cases of issue 11 carry their evidence.
 */
import fs from 'node:fs';
import { describe, it, expect } from 'vitest';
import { fromRoot } from '../../src/util/paths.js';
import { RULES, RULE_IDS, SEVERITY } from '../../src/audit/rubric.js';
import { auditNotes } from '../../src/runner/audit.js';
import { realAudit, fakeEntry, f } from './helpers.js';

const rubric = fs.readFileSync(fromRoot('spec', 'audit-rubric.md'), 'utf8');

/** `### \`rule\` — verdict` sections of the rubric, with the finding ids cited in each. */
function rubricSections(): Map<string, { verdict: string; cited: string[] }> {
  const out = new Map<string, { verdict: string; cited: string[] }>();
  const parts = rubric.split(/^### /m).slice(1);
  for (const p of parts) {
    const m = /^`([a-z-]+)` — ([a-z-]+)/.exec(p);
    if (!m) continue;
    const body = p.split(/^## /m)[0]!;
    const cited = [...body.matchAll(/^- `([a-z0-9]+\.[A-Za-z0-9-]+(?:#[A-Za-z0-9.-]+)?)`/gm)].map((x) => x[1]!);
    out.set(m[1]!, { verdict: m[2]!, cited });
  }
  return out;
}

describe('the rubric', () => {
  it('spec/audit-rubric.md has one section per rule of src/audit/rubric.ts, with the same verdict', () => {
    const sections = rubricSections();
    expect([...sections.keys()].sort()).toEqual([...RULE_IDS].sort());
    for (const [id, s] of sections) expect(s.verdict, id).toBe(RULES[id as keyof typeof RULES].verdict);
  });

  it('every worked example of the rubric is a finding graded by the rule it illustrates', () => {
    const { result } = realAudit();
    const byId = new Map(result.claims.flatMap((c) => c.findings).map((x) => [x.id, x]));
    for (const [rule, s] of rubricSections()) {
      expect(s.cited.length, `rule ${rule} has no worked example`).toBeGreaterThan(0);
      for (const id of s.cited) {
        expect(byId.has(id), `${id} (cited under ${rule}) is no finding`).toBe(true);
        expect(byId.get(id)!.rule, `${id} is cited under ${rule}`).toBe(rule);
      }
    }
  });

  it('severity orders refuted > approximate > convention-dependent > confirmed', () => {
    expect(SEVERITY.refuted).toBeGreaterThan(SEVERITY.approximate);
    expect(SEVERITY.approximate).toBeGreaterThan(SEVERITY['convention-dependent']);
    expect(SEVERITY['convention-dependent']).toBeGreaterThan(SEVERITY.confirmed);
  });
});

describe('every finding names a rubric rule', () => {
  it('the audit of the catalogue has no problem', () => {
    expect(realAudit().result.problems).toEqual([]);
  });

  it('every finding carries a rule whose verdict is its verdict', () => {
    const findings = realAudit().result.claims.flatMap((c) => c.findings);
    expect(findings.length).toBeGreaterThan(100);
    for (const x of findings) {
      expect(RULE_IDS, x.id).toContain(x.rule);
      expect(RULES[x.rule].verdict, x.id).toBe(x.verdict);
    }
  });

  it('a finding without a rule, an unknown rule, or a rule of another verdict fails the audit', () => {
    const e = fakeEntry('stats.zza', 'confirmed', 10, [f('stats.zza', 'confirmed'), f('stats.zza#b', 'refuted')]);
    const st = (parts: Record<string, string>) => ({ statistics: [{ file: '002' as const, lines: [10, 10] as const, quote: `q ${Object.keys(parts).join()}`, parts: parts as never, corrected: 'c' }] });
    // #b in no statement: no rule
    let r = auditNotes([e], st({ 'stats.zza': 'exact' }));
    expect(r.problems.join('\n')).toMatch(/stats\.zza#b applies no rubric rule/);
    // unknown rule
    r = auditNotes([e], st({ 'stats.zza': 'exact', 'stats.zza#b': 'nonsense' }));
    expect(r.problems.join('\n')).toMatch(/'nonsense', which is no rule/);
    // rule of another verdict
    r = auditNotes([e], st({ 'stats.zza': 'exact', 'stats.zza#b': 'typo' }));
    expect(r.problems.join('\n')).toMatch(/stats\.zza#b is 'refuted' but its rule 'typo' gives 'confirmed'/);
    // a module may name the rule itself; then no statement is needed for the rule (but the headline still needs one)
    const e2 = fakeEntry('stats.zza', 'confirmed', 10, [f('stats.zza', 'confirmed'), f('stats.zza#b', 'refuted', 'counterexample')]);
    r = auditNotes([e2], { statistics: [{ file: '002', lines: [10, 10], quote: 'q', parts: { 'stats.zza': 'exact' } }] });
    expect(r.problems).toEqual([]);
  });
});

describe('the combination rule: the most severe part decides', () => {
  const entry = (headVerdict: 'confirmed' | 'refuted') => fakeEntry('stats.zzc', headVerdict, 20, [f('stats.zzc', headVerdict), f('stats.zzc#x', 'approximate'), f('stats.zzc#y', 'refuted')]);
  const registry = (headRule: string) => ({ statistics: [{ file: '002' as const, lines: [19, 21] as const, quote: 'three parts', parts: { 'stats.zzc': headRule, 'stats.zzc#x': 'asymptotic', 'stats.zzc#y': 'counterexample' } as never, corrected: 'fixed' }] });

  it('a headline finding that under-grades its statement fails the audit, naming the deciding part', () => {
    const r = auditNotes([entry('confirmed')], registry('exact'));
    const s = r.statements[0]!;
    expect(s.verdict).toBe('refuted');
    expect(s.decidedBy).toBe('stats.zzc#y');
    expect(s.rule).toBe('counterexample');
    expect(r.problems.join('\n')).toMatch(/headline finding is 'confirmed' but its statement .* is 'refuted': the most severe part decides \(stats\.zzc#y, rule counterexample\)/);
  });

  it('a headline carrying the combined verdict passes; the evidence names the sub-finding', () => {
    const r = auditNotes([entry('refuted')], registry('counterexample'));
    expect(r.problems).toEqual([]);
    expect(r.statements[0]!.decidedBy).toBe('stats.zzc#y');
    expect(r.claims[0]!.headline).toBe(r.statements[0]!.id);
  });

  it('a non-confirmed statement without a corrected statement fails (the errata need it)', () => {
    const reg = registry('counterexample');
    const { corrected: _c, ...bare } = reg.statistics[0]!;
    const r = auditNotes([entry('refuted')], { statistics: [bare] });
    expect(r.problems.join('\n')).toMatch(/needs the corrected statement/);
  });

  it('no statement at the source line holding the headline finding fails', () => {
    const r = auditNotes([entry('refuted')], { statistics: [{ ...registry('counterexample').statistics[0]!, lines: [30, 31] }] });
    expect(r.problems.join('\n')).toMatch(/no statement at the spec's source line 002:20/);
  });
});

describe('the re-graded cases of issue 11', () => {
  const find = (id: string) => realAudit().result.claims.flatMap((c) => c.findings).find((x) => x.id === id)!;
  const claim = (id: string) => realAudit().result.claims.find((c) => c.id === id)!;
  const statement = (sid: string) => realAudit().result.statements.find((s) => s.id === sid)!;

  it('ssm.rank1-power: an evident typo, graded on its intended meaning, with the typo recorded', () => {
    expect(find('ssm.rank1-power')).toMatchObject({ verdict: 'confirmed', rule: 'typo' });
    const s = statement(claim('ssm.rank1-power').headline!);
    expect(s.typo).toMatch(/exponent/);
    expect(s.corrected).toMatch(/\\lambda = \\\|P\\\|_2\^2/);
  });

  it('pca.reg-ae and reg.dropout-ridge: the headline follows the most severe part, and names it', () => {
    for (const [id, part] of [['pca.reg-ae', 'pca.reg-ae#w2-orientation'], ['reg.dropout-ridge', 'reg.dropout-ridge#ridge-form']] as const) {
      expect(claim(id).specVerdict).toBe('refuted');
      const s = statement(claim(id).headline!);
      expect(s.verdict).toBe('refuted');
      expect(s.decidedBy).toBe(part);
      expect(find(id).evidence).toContain(part.slice(part.indexOf('#')));
    }
    expect(find('pca.reg-ae#orthogonality')).toMatchObject({ verdict: 'approximate', rule: 'asymptotic' });
    expect(find('reg.dropout-ridge#identity')).toMatchObject({ verdict: 'confirmed', rule: 'exact' });
  });

  it('stats.mle-asymptotic uses the whole-sample I(θ) of stats.cramer-rao: Bernoulli θ = 1/4, n = 10 gives 3/16 vs 3/160', () => {
    expect(find('stats.mle-asymptotic')).toMatchObject({ verdict: 'refuted', rule: 'own-convention' });
    expect(find('stats.mle-asymptotic').evidence).toMatch(/3\/16[\s\S]*3\/160/);
    expect(find('stats.cramer-rao').evidence).toMatch(/1\/I₂/); // the whole-sample information of two draws
  });

  it('the μP Θ-from-O step and the BPTT sum of 000 are audited statements', () => {
    const mup = find('opt.mup-spectral#theta-from-bound');
    expect(mup).toMatchObject({ verdict: 'approximate', rule: 'order' });
    expect(mup.evidence).toMatch(/W = diag\(1, 0\), h = \(0, √2\)[\s\S]*Wh = 0/);
    const bptt = find('rnn.bptt#sum-000');
    expect(bptt).toMatchObject({ verdict: 'refuted', rule: 'counterexample' });
    expect(bptt.statements.map((sid) => statement(sid).lines[0])).toContain(326);
    expect(statement(bptt.statements[0]!).key).toBe('000');
  });
});
