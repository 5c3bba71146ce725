/**
 * The command line as users of vitest and pytest expect it: `--help` for every command,
 * `--version`, one-line usage errors with a hint, reporters (the GitHub Actions annotation format
 * checked against GitHub's workflow-command syntax), JUnit for `check`, `--bail`, and a config file.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../src/util/paths.js';
import { lemmataAsync } from './run-cli.js';
import { commandTable } from '../../src/cli/program.js';
import { githubAnnotations, ghData, ghProperty } from '../../src/cli/reporters.js';
import type { ConformReport } from '../../src/conform/types.js';

const BIN = fromRoot('bin', 'lemmata.mjs');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-ux-'));
function lemmata(args: string[], cwd = fromRoot()) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const COMMANDS = commandTable(new Proxy({}, { get: () => () => 0 })).map((c) => c.name);

describe('help and version', () => {
  it('every command has --help (exit 0) listing its options', async () => {
    expect(COMMANDS).toEqual(['list', 'check', 'audit', 'conform', 'verify', 'merge-reports', 'fixtures', 'replay', 'adapter-path']);
    // independent processes: started together
    const runs = await Promise.all(COMMANDS.map((c) => lemmataAsync([c, '--help'])));
    for (const [i, c] of COMMANDS.entries()) {
      const r = runs[i]!;
      expect(r.code, c).toBe(0);
      expect(r.out).toContain(`Usage: lemmata ${c}`);
      expect(r.out).toContain('--help');
    }
    expect(lemmata(['conform', '--help']).out).toMatch(/--reporter <name>[\s\S]*github-actions/);
  }, 240_000); // ten CLI start-ups in a row

  it('--version prints the package version; help lists the commands', () => {
    const v = JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')).version;
    expect(lemmata(['--version']).out.trim()).toBe(v);
    const h = lemmata(['help']);
    expect(h.code).toBe(0);
    for (const c of COMMANDS) expect(h.out).toContain(c);
  });

  it('usage errors are one line plus a hint, exit 2 — no usage dump', async () => {
    const cases = [['check', '--bogus'], ['conform', '--reporter', 'fancy'], ['frobnicate'], ['conform', '--seed']];
    const runs = await Promise.all(cases.map((args) => lemmataAsync(args))); // independent processes: started together
    for (const [i, args] of cases.entries()) {
      const r = runs[i]!;
      expect(r.code, args.join(' ')).toBe(2);
      const lines = r.err.trim().split('\n');
      expect(lines.length, r.err).toBeLessThanOrEqual(2);
      expect(lines[lines.length - 1]).toMatch(/^\(see lemmata( [a-z-]+)? --help\)$/);
    }
    expect(lemmata(['conform', '--op', 'x']).err).toMatch(/Did you mean --ops\?/i);
  }, 240_000);
});

describe('reporters', () => {
  const report = (detail: string): ConformReport => ({
    lemmata: 1, command: 'conform',
    implementation: { name: 'x', kind: 'command', spec: 'x', ops: {}, profile: { elementaryUlps: 4, flushToZero: false }, profileSource: 'defaults' },
    dtypes: ['float32'], seed: 1, runs: 1, shard: null, selection: { ops: [], claims: [] }, timeBudgetSeconds: null,
    properties: [
      { id: 'nn.softmax-claim/prop', claim: 'ret.teacher-softmax', property: 'prop', kind: 'conformance', description: '', ops: ['nn.softmax'], dtype: 'float32', status: 'fail', checks: 3, worstRatio: 2, ratios: [], seed: 1, detail, counterexample: [1, 2] },
      { id: 'a/b', claim: 'a', property: 'b', kind: 'conformance', description: '', ops: [], dtype: 'float32', status: 'pass', checks: 3, worstRatio: 0.5, ratios: [], seed: 1 },
    ],
    ops: [], summary: { pass: 1, suspicious: 0, fail: 1, error: 0, unsupported: 0, xfail: 0, xpass: 0, 'not-run': 0 }, events: [], timing: { totalMs: 1, perPropertyMs: {} },
  });

  it('github-actions: one `::error file=…,title=…::message` line per failure, escaped per the workflow-command rules', () => {
    const hostile = 'bad 100%\n::error::injected, a:b\r\u001b[31m';
    const lines = githubAnnotations(report(hostile));
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    // the documented format: ::error file={name},title={title}::{message}
    const m = /^::error file=([^,:]*),title=([^,:]*)::(.*)$/.exec(line)!;
    expect(m, line).not.toBeNull();
    expect(m[1]).toBe('spec/ret.teacher-softmax.md');
    expect(decodeURIComponent(m[2]!)).toBe('lemmata conform: nn.softmax-claim/prop [float32] fail');
    expect(line).not.toContain('\n');
    expect(line).not.toContain('\r');
    expect(m[3]).toContain('bad 100%25%0A::error::injected, a:b%0D\\x1b[31m');
    // properties escape ':' and ','; data keeps them (only %, CR, LF)
    expect(ghProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    expect(ghData('a:b,c%\n')).toBe('a:b,c%25%0A');
  });

  it('conform --reporter github-actions prints exactly the annotations of the failures on stdout', () => {
    const r = lemmata(['conform', '--impl', 'test/conform/adapters/wrong-softmax.mjs', '--ops', 'nn.softmax', '--runs', '30', '--reporter', 'github-actions', '--out', tmp()]);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error file=spec\/ret\.teacher-softmax\.md,title=lemmata conform%3A ret\.teacher-softmax\/conformance \[float32\] fail::/);
  });

  it('--reporter json prints the report alone on stdout; dot prints one character per property', () => {
    const j = lemmata(['conform', '--impl', 'test/conform/adapters/float64-reference.mjs', '--ops', 'nn.softmax', '--runs', '10', '--reporter', 'json', '--out', tmp()]);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.out).command).toBe('conform');
    const d = lemmata(['conform', '--impl', 'test/conform/adapters/float64-reference.mjs', '--ops', 'nn.softmax,stats.variance', '--runs', '10', '--reporter', 'dot', '--out', tmp()]);
    expect(d.out.trim()).toMatch(/^[.]+$/);
  });

  it('check writes JUnit with --junit and honours --bail', () => {
    const dir = tmp();
    const r = lemmata(['check', '--claims', 'norm.layernorm,cnn.out-size', '--runs', '10', '--junit', path.join(dir, 'j.xml'), '--out', dir]);
    expect(r.code).toBe(0);
    const xml = fs.readFileSync(path.join(dir, 'j.xml'), 'utf8');
    expect(xml).toMatch(/<testsuites name="lemmata check: tfjs-wasm" tests="\d+" failures="0"/);
    expect(xml).toContain('norm.layernorm/conformance');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'latest.json'), 'utf8')).command).toBe('check');
  });

  it('conform --bail stops after the first failure (the rest not-run, exit 1)', () => {
    const dir = tmp();
    const args = ['conform', '--impl', 'test/conform/adapters/wrong-softmax-good-variance.mjs', '--ops', 'nn.softmax,stats.variance', '--runs', '30', '--out', dir, '--reporter', 'json'];
    const all = JSON.parse(lemmata(args).out);
    expect(all.properties.map((p: { status: string }) => p.status)).toEqual(['fail', 'pass']);
    const r = lemmata([...args, '--bail']);
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.out);
    expect(rep.properties.map((p: { status: string }) => p.status)).toEqual(['fail', 'not-run']);
    expect(rep.properties[1].note).toContain('--bail');
  });
});

describe('merge-reports mistakes are usage errors in one line', () => {
  it('a missing shard file, a file that is not a report, a repeated shard', () => {
    const dir = tmp();
    const r1 = lemmata(['merge-reports', path.join(dir, 'nope.json')]);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/cannot read .*nope\.json: ENOENT/);
    expect(r1.err).not.toMatch(/at .*\(.*:\d+:\d+\)/); // no stack trace
    fs.writeFileSync(path.join(dir, 'x.json'), '{"hello": 1}');
    expect(lemmata(['merge-reports', path.join(dir, 'x.json')]).err).toMatch(/not a lemmata conform report/);
    const shard = path.join(dir, 's1');
    lemmata(['conform', '--impl', 'test/conform/adapters/float64-reference.mjs', '--runs', '5', '--shard', '1/2', '--out', shard, '--allow-empty']);
    const dup = lemmata(['merge-reports', path.join(shard, 'conform.json'), path.join(shard, 'conform.json'), '--out', tmp()]);
    expect(dup.code).toBe(2);
    expect(dup.err).toMatch(/shard 1\/2 appears more than once/);
  });
});

describe('config file', () => {
  it('lemmata.config.json supplies the implementation and options; the command line wins; unknown keys are usage errors', () => {
    const dir = tmp();
    fs.cpSync(fromRoot('test', 'conform', 'adapters', 'float64-reference.mjs'), path.join(dir, 'mine.mjs'));
    fs.writeFileSync(path.join(dir, 'lemmata.config.json'), JSON.stringify({ impl: './mine.mjs', ops: ['nn.softmax'], runs: 10, out: 'gate', reporter: ['json'] }));
    const r = lemmata(['conform'], dir);
    expect(r.code, r.err).toBe(0);
    const rep = JSON.parse(r.out);
    expect(rep.implementation.name).toBe('js-float64-reference');
    expect(rep.selection.ops).toEqual(['nn.softmax']);
    expect(fs.existsSync(path.join(dir, 'gate', 'conform.json'))).toBe(true);
    // the command line wins
    const r2 = lemmata(['conform', '--ops', 'stats.variance'], dir);
    expect(JSON.parse(r2.out).selection.ops).toEqual(['stats.variance']);
    fs.writeFileSync(path.join(dir, 'lemmata.config.json'), JSON.stringify({ impl: './mine.mjs', opps: ['nn.softmax'] }));
    const bad = lemmata(['conform'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/config .*lemmata\.config\.json/);
  });

  it('lemmata.config.mjs may export the object (or a function returning it)', () => {
    const dir = tmp();
    fs.cpSync(fromRoot('test', 'conform', 'adapters', 'float64-reference.mjs'), path.join(dir, 'mine.mjs'));
    fs.writeFileSync(path.join(dir, 'lemmata.config.mjs'), "export default () => ({ impl: './mine.mjs', ops: 'nn.softmax', runs: 5, reporter: 'json', out: 'o' });\n");
    const r = lemmata(['conform'], dir);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).summary.pass).toBeGreaterThan(0);
  });
});
