/**
 * `lemmata conform` end to end: a good JS module and the same module over the line protocol pass
 * (exit 0, JSON/Markdown/HTML/JUnit written); deliberately wrong adapters fail (exit 1) with a
 * shrunk counterexample whose replay command reproduces the failure; xfail, shards and usage errors.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../src/util/paths.js';
import { lemmataAsync } from '../cli/run-cli.js';

const GOOD = 'test/conform/adapters/float64-reference.mjs';
const WRONG = 'test/conform/adapters/wrong-softmax.mjs';
const SERVE = 'node clients/js/serve-line.mjs';

function lemmata(args: string[]) {
  const r = spawnSync(process.execPath, [fromRoot('bin', 'lemmata.mjs'), ...args], { encoding: 'utf8', cwd: fromRoot(), timeout: 300_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-conform-'));

/** Run the printed replay command (split safely: token, then the implementation flag and its quoted value). */
function replay(out: string): { code: number | null; out: string } {
  const line = out.split('\n').find((l) => l.trim().startsWith('replay: npx lemmata replay '))!;
  const m = /replay: npx lemmata replay (\S+) (--impl|--impl-cmd) '([^']*)'/.exec(line)!;
  return lemmata(['replay', m[1]!, m[2]!, m[3]!]);
}

/** `conform --impl WRONG --out <fresh dir>` at the default seed: one run read by the two tests that need it. */
let wrongModule: ReturnType<typeof lemmata> | undefined;
const wrongModuleRun = () => (wrongModule ??= lemmata(['conform', '--impl', WRONG, '--out', tmp()]));

describe('lemmata conform', () => {
  it('passes a correct JS module and writes every report format', () => {
    const dir = tmp();
    const r = lemmata(['conform', '--impl', GOOD, '--out', dir, '--junit', path.join(dir, 'junit.xml')]);
    expect(r.code, r.out + r.err).toBe(0);
    for (const f of ['conform.json', 'conform.md', 'conform.html', 'junit.xml']) expect(fs.existsSync(path.join(dir, f))).toBe(true);
    const j = JSON.parse(fs.readFileSync(path.join(dir, 'conform.json'), 'utf8'));
    expect(j.summary.pass).toBe(3);
    expect(j.properties.find((p: any) => p.id === 'attn.sdpa/conformance').status).toBe('unsupported');
    expect(fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8')).toMatch(/<testsuites[^>]*tests="\d+"/);
  });
  it('passes the same implementation through the line protocol', () => {
    const r = lemmata(['conform', '--impl-cmd', `${SERVE} ${GOOD}`, '--out', tmp()]);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/3 passed, 0 failed/);
  });
  it.each([
    ['JS module', ['--impl', WRONG]],
    ['line protocol', ['--impl-cmd', `${SERVE} ${WRONG}`]],
  ])('fails a wrong %s with a shrunk counterexample that replays exactly', (_kind, implArgs) => {
    const r = implArgs[0] === '--impl' ? wrongModuleRun() : lemmata(['conform', ...implArgs, '--out', tmp()]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL ret\.teacher-softmax\/conformance \[float32\]/);
    const cex = /counterexample: (.*)/.exec(r.out)![1]!;
    // shrunk to a tiny vector (the input may carry its generator class, e.g. "cls":"large-offset")
    expect(JSON.parse(cex.replace(/ \(.*\)$/, '')).x.length).toBeLessThanOrEqual(4);
    const again = replay(r.out);
    expect(again.code).toBe(1);
    expect(again.out).toContain(`counterexample: ${cex}`);
  });
  it('pins an expected failure (xfail) and reports an xpass when it no longer fails', () => {
    const dir = tmp();
    const first = wrongModuleRun();
    const token = /replay: npx lemmata replay (\S+)/.exec(first.out)![1]!;
    const xf = path.join(dir, 'xfail.json');
    fs.writeFileSync(xf, JSON.stringify({ xfail: [{ property: 'ret.teacher-softmax/conformance', dtype: 'float32', replay: token, reason: 'temperature bug #12' }] }));
    const r = lemmata(['conform', '--impl', WRONG, '--xfail', xf, '--out', tmp()]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/1 xfail/);
    const fixed = lemmata(['conform', '--impl', GOOD, '--xfail', xf, '--out', tmp()]);
    expect(fixed.code).toBe(1);
    expect(fixed.out).toMatch(/XPASS ret\.teacher-softmax\/conformance/);
  });
  it('shards and merges to the unsharded result', async () => {
    const a = tmp(), b = tmp(), whole = tmp(), merged = tmp();
    // a shard may hold only properties this implementation does not support: --allow-empty (exit 5 otherwise)
    // (the three runs are independent processes: started together)
    const runs = await Promise.all([
      lemmataAsync(['conform', '--impl', GOOD, '--seed', '5', '--shard', '1/2', '--allow-empty', '--out', a]),
      lemmataAsync(['conform', '--impl', GOOD, '--seed', '5', '--shard', '2/2', '--allow-empty', '--out', b]),
      lemmataAsync(['conform', '--impl', GOOD, '--seed', '5', '--out', whole]),
    ]);
    for (const r of runs) expect(r.code, r.out + r.err).toBe(0);
    expect(lemmata(['merge-reports', path.join(a, 'conform.json'), path.join(b, 'conform.json'), '--out', merged]).code).toBe(0);
    const strip = (d: string) => { const j = JSON.parse(fs.readFileSync(path.join(d, 'conform.json'), 'utf8')); delete j.timing; return j; };
    expect(strip(merged).properties).toEqual(strip(whole).properties);
    expect(strip(merged).summary).toEqual(strip(whole).summary);
  }, 240_000); // three conform runs and a merge
  it('a program that fails its handshake: every property error, report written, exit 2', () => {
    const dir = tmp();
    const r = lemmata(['conform', '--impl-cmd', 'node test/conform/adapters/hostile.mjs garbage ok', '--ops', 'nn.*', '--timeout', '2', '--out', dir]);
    expect(r.code).toBe(2);
    const j = JSON.parse(fs.readFileSync(path.join(dir, 'conform.json'), 'utf8'));
    expect(j.properties.every((p: any) => p.status === 'error')).toBe(true);
  });
  it.each([
    [['conform', '--impl', GOOD, '--impl-cmd', 'x']],
    [['conform', '--dtype', 'float16']],
    [['conform', '--shard', '3/2']],
    [['conform', '--xfail', '/nonexistent.json']],
    [['replay', 'eyJ2IjoxLCJwcm9wZXJ0eSI6InJldC50ZWFjaGVyLXNvZnRtYXgvY29uZm9ybWFuY2UiLCJzZWVkIjoxLCJwYXRoIjoiIiwicnVucyI6MSwiYmFja2VuZCI6ImV4dGVybmFsIn0']],
  ])('usage error %j exits 2', (args) => {
    expect(lemmata(args).code).toBe(2);
  });
});
