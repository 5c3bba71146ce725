/**
 * The exit-code table of `lemmata conform` (README, "Exit codes"), one test per row, and the
 * selection, dtype and profile rules that decide what runs:
 *   0 ran and passed · 1 fail/error/xpass · 2 usage or infrastructure · 3 incomplete (time budget)
 *   · 5 nothing ran (empty selection, all unsupported).
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../src/util/paths.js';
import { encodeReplay } from '../../src/runner/replay-token.js';

const A = (f: string) => `test/conform/adapters/${f}`;
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-exit-'));

function conform(args: string[]) {
  const out = tmp();
  const r = spawnSync(process.execPath, [fromRoot('bin', 'lemmata.mjs'), 'conform', '--out', out, ...args], { encoding: 'utf8', cwd: fromRoot(), timeout: 120_000 });
  const file = path.join(out, 'conform.json');
  const report = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
  return { code: r.status, out: r.stdout, err: r.stderr, report };
}

describe('conform exit codes', () => {
  it('0: something ran and everything that ran passed', () => {
    const r = conform(['--impl', A('float64-reference.mjs'), '--ops', 'nn.softmax', '--runs', '20']);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.report.summary.pass).toBeGreaterThan(0);
  });

  it('1: a failing property', () => {
    const r = conform(['--impl', A('wrong-softmax.mjs'), '--ops', 'nn.softmax', '--runs', '50']);
    expect(r.code).toBe(1);
  });

  it('2: an unknown op id is a usage error with a hint, never an empty green run', () => {
    const r = conform(['--impl', A('float64-reference.mjs'), '--ops', 'nn.softmx']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown op id 'nn.softmx' (did you mean 'nn.softmax'?)");
    expect(r.err.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
  });

  it('2: an unknown claim id, an unknown dtype, a module declaring an unknown dtype', () => {
    expect(conform(['--impl', A('float64-reference.mjs'), '--claims', 'ret.teacher-sofmax']).code).toBe(2);
    expect(conform(['--impl', A('float64-reference.mjs'), '--dtype', 'float32,Float64']).code).toBe(2);
    const typo = conform(['--impl', A('dtype-typo.mjs')]);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('"Float64"');
    // one clear line, not one error block per property
    expect((typo.out.match(/^ERROR /gm) ?? []).length).toBe(0);
  });

  it('5: nothing selected (an include and its exclusion), unless --allow-empty', () => {
    const r = conform(['--impl', A('float64-reference.mjs'), '--ops', 'nn.softmax', '--ops', '!nn.softmax']);
    expect(r.code).toBe(5);
    expect(r.err).toContain('nothing was selected');
    expect(conform(['--impl', A('float64-reference.mjs'), '--ops', 'nn.softmax,!nn.*', '--allow-empty']).code).toBe(0);
  });

  it('5: everything selected unsupported — the report names the ops the property needs', () => {
    // the chained quantisation property (quant.affine-roundtrip) needs all three ops
    const r = conform(['--impl', A('quantize-only.mjs'), '--ops', 'quant.affine-params']);
    expect(r.code).toBe(5);
    const p = r.report.properties.find((q: any) => q.ops.includes('quant.affine-params') && q.ops.includes('quant.dequantize'));
    expect(p.status).toBe('unsupported');
    expect(p.note).toContain('needs quant.affine-params, quant.quantize, quant.dequantize');
    expect(p.note).toContain('does not provide quant.affine-params, quant.dequantize');
  });

  it('dtype: a float64-only module runs in float64 by default; --dtype float32 is a dtype mismatch (5)', () => {
    const r = conform(['--impl', A('float64-only.mjs'), '--ops', 'nn.softmax', '--runs', '20']);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.report.dtypes).toEqual(['float64']);
    expect(r.report.properties.every((q: any) => q.dtype === 'float64')).toBe(true);
    const m = conform(['--impl', A('float64-only.mjs'), '--ops', 'nn.softmax', '--dtype', 'float32']);
    expect(m.code).toBe(5);
    expect(m.err).toContain('declares no op in float32');
  });

  it('dtype: --dtype float32,float64 runs both in one report', () => {
    const r = conform(['--impl', A('float64-reference.mjs'), '--ops', 'nn.softmax', '--dtype', 'float32', '--dtype', 'float64', '--runs', '10']);
    expect(r.report.dtypes).toEqual(['float32', 'float64']);
    const ds = r.report.properties.map((q: any) => q.dtype);
    expect(ds).toContain('float32');
    expect(ds).toContain('float64');
    expect(r.code).toBe(0); // float64 entries are unsupported (the module declares float32), float32 ones pass
  });

  it('3: the time budget interrupts a running property (not-run), unless --allow-partial', () => {
    const t0 = Date.now();
    const r = conform(['--impl', A('slow-softmax.mjs'), '--ops', 'nn.softmax', '--runs', '1000', '--time-budget', '1']);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.code, r.out + r.err).toBe(3);
    const q = r.report.properties.find((p: any) => p.status === 'not-run');
    expect(q.note).toMatch(/interrupted by the time budget|spent before it started/);
    // --allow-partial accepts incompleteness; here nothing completed, so it is "nothing ran" (5) unless --allow-empty too
    expect(conform(['--impl', A('slow-softmax.mjs'), '--ops', 'nn.softmax', '--runs', '1000', '--time-budget', '1', '--allow-partial']).code).toBe(5);
    expect(conform(['--impl', A('slow-softmax.mjs'), '--ops', 'nn.softmax', '--runs', '1000', '--time-budget', '1', '--allow-partial', '--allow-empty']).code).toBe(0);
  });

  it('repeated --ops accumulate', () => {
    const r = conform(['--impl', A('float64-reference.mjs'), '--ops', 'nn.softmax', '--ops', 'stats.variance', '--runs', '10']);
    const ops = new Set(r.report.properties.flatMap((q: any) => q.ops));
    expect(ops.has('nn.softmax') && ops.has('stats.variance')).toBe(true);
    expect(r.report.selection.ops).toEqual(['nn.softmax', 'stats.variance']);
  });

  it('2: xfail entries naming an unknown property, or tokens asking for unbounded runs', () => {
    const dir = tmp();
    const bad = path.join(dir, 'x1.json');
    const token = encodeReplay({ property: 'ret.teacher-softmax/conformance', seed: 1, path: '', runs: 10, backend: 'external', dtype: 'float32' });
    fs.writeFileSync(bad, JSON.stringify({ xfail: [{ property: 'ret.teacher-softmax/conformanse', dtype: 'float32', replay: token }] }));
    const r1 = conform(['--impl', A('float64-reference.mjs'), '--xfail', bad]);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain("unknown property 'ret.teacher-softmax/conformanse'");
    const huge = path.join(dir, 'x2.json');
    const big = Buffer.from(JSON.stringify({ v: 1, property: 'ret.teacher-softmax/conformance', seed: 1, path: '', runs: 1e9, backend: 'external', dtype: 'float32' })).toString('base64url');
    fs.writeFileSync(huge, JSON.stringify({ xfail: [{ property: 'ret.teacher-softmax/conformance', dtype: 'float32', replay: big }] }));
    const t0 = Date.now();
    expect(conform(['--impl', A('float64-reference.mjs'), '--xfail', huge]).code).toBe(2);
    expect(Date.now() - t0).toBeLessThan(20_000);
    const rp = spawnSync(process.execPath, [fromRoot('bin', 'lemmata.mjs'), 'replay', big, '--impl', A('float64-reference.mjs')], { encoding: 'utf8', cwd: fromRoot(), timeout: 60_000 });
    expect(rp.status).toBe(2);
  });
});

describe('declared profiles are capped, strict ignores them, and adapter text is escaped', () => {
  it('a hello/module declaring 10⁶ ulps is capped: a softmax off by 1e-4 still fails, and the report says so', () => {
    const r = conform(['--impl', A('loose-profile-softmax.mjs'), '--ops', 'nn.softmax', '--runs', '50']);
    expect(r.code).toBe(1);
    expect(r.report.implementation.profile.elementaryUlps).toBe(64);
    expect(r.report.implementation.profileSource).toBe('declared (capped)');
    expect(r.report.events.join('\n')).toContain('capped to 64');
  });

  it('--profile strict ignores the declared profile (flush-to-zero off)', () => {
    const r = conform(['--impl', A('loose-profile-softmax.mjs'), '--ops', 'nn.softmax', '--runs', '20', '--profile', 'strict']);
    expect(r.report.implementation.profile).toEqual({ elementaryUlps: 4, flushToZero: false });
    expect(r.report.implementation.profileSource).toBe('strict');
    expect(r.out).toContain('profile strict');
  });

  it("the adapter's name cannot issue CI commands or terminal escapes", () => {
    const r = conform(['--impl', A('loose-profile-softmax.mjs'), '--ops', 'nn.softmax', '--runs', '5']);
    for (const line of (r.out + r.err).split('\n')) expect(line.trimStart().startsWith('::')).toBe(false);
    expect(r.out + r.err).not.toMatch(/[\u001b\u0007]/);
    expect(r.out).toContain('\\x1b[31mred\\x07');
  });
});
