/**
 * The library entry points (src/api/): the catalogue, `conform()` over a JS implementation object
 * and the report writers, the arbitraries of every op, the vitest matcher and `testOp` /
 * `conformsTo` (which shrink a failure), the shipped adapters, and where the CLI writes reports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import * as lemmata from '../../src/api/index.js';
import { ORACLES, judge, NoJudgeError } from '../../src/api/oracles.js';
import * as numerics from '../../src/api/numerics.js';
import { opArbitrary, edgeCases, ARBITRARY_OPS, f32Mixed } from '../../src/api/arbitraries.js';
import { testOp, conformsTo } from '../../src/api/vitest.js';
import { DEFAULT_SEED as CLI_DEFAULT_SEED } from '../../src/cli/main.js';
import { fromRoot, insidePackage, outputPath, PACKAGE_ROOT } from '../../src/util/paths.js';
import { SAMPLING_OP_IDS } from '../../src/ops/index.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-api-'));

/** A correct softmax: float64 arithmetic, rounded to float32. */
function softmax({ x }: { x: number[] }): number[] {
  if (x.length === 0) return [];
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => Math.fround(v / s));
}
const SOFTMAX_MODULE = `export default {
  name: 'mine', dtype: 'float32',
  ops: {
    'nn.softmax': ({ x }) => {
      if (x.length === 0) return [];
      const m = Math.max(...x);
      const e = x.map((v) => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => Math.fround(v / s));
    },
  },
};
`;
/** A plausible bug: a temperature of 1.01. */
function softmaxT({ x }: { x: number[] }): number[] {
  if (x.length === 0) return [];
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp((v - m) / 1.01));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => Math.fround(v / s));
}

describe('lemmata (main entry)', () => {
  it('exposes the catalogue: every op and every claim with its spec', () => {
    expect(lemmata.OPS.length).toBeGreaterThanOrEqual(20);
    expect(lemmata.opById('nn.softmax')?.signature).toMatch(/→/);
    const cat = lemmata.loadCatalogue();
    expect(cat.length).toBe(lemmata.CLAIM_MODULES.length);
    expect(cat.find((c) => c.spec.id === 'ret.teacher-softmax')?.spec.verdict).toBe('refuted');
  });

  it('uses the same default seed as the command line', () => {
    expect(lemmata.DEFAULT_SEED).toBe(CLI_DEFAULT_SEED);
  });

  it('conform() passes a correct JS implementation object and writes every report format', async () => {
    const r = await lemmata.conform({ name: 'api-softmax', dtype: 'float32', ops: { 'nn.softmax': softmax } }, { ops: 'nn.softmax', runs: 40 });
    expect(r.command).toBe('conform');
    expect(r.summary.fail + r.summary.error).toBe(0);
    expect(r.summary.pass).toBeGreaterThan(0);
    expect(lemmata.conformExitCode(r)).toBe(0);
    expect(r.properties.every((p) => p.ops.includes('nn.softmax'))).toBe(true);
    const dir = tmp();
    const files = lemmata.writeReports(r, dir, { junit: path.join(dir, 'junit.xml') });
    for (const f of ['conform.json', 'conform.md', 'conform.html', 'junit.xml']) expect(files).toContain(path.join(dir, f));
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'conform.json'), 'utf8')).implementation.name).toBe('api-softmax');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('conform() fails a wrong implementation with a shrunk counterexample and a replay command', async () => {
    const r = await lemmata.conform({ name: 'api-wrong', ops: { 'nn.softmax': softmaxT } }, { ops: ['nn.softmax'], runs: 40, replayFlag: '--impl ./wrong.mjs' });
    const failed = r.properties.filter((p) => p.status === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.replayCommand).toMatch(/^npx lemmata replay \S+ --impl \.\/wrong\.mjs$/);
    expect(lemmata.conformExitCode(r)).toBe(1);
  });

  it('conform() rejects an unknown op id in the selection (a typo never selects nothing silently)', async () => {
    await expect(lemmata.conform({ name: 'x', ops: { 'nn.softmax': softmax } }, { ops: 'nn.sofmax' })).rejects.toThrow(RangeError);
  });

  it('judge is also exported from the main entry', () => {
    expect(lemmata.judge('nn.softmax', { x: [1, 1] }, [0.5, 0.5]).ok).toBe(true);
  });

  it('names the shipped adapters by absolute path', () => {
    expect(lemmata.ADAPTER_NAMES.sort()).toEqual(['check-fixtures', 'numpy', 'onnxruntime', 'python-helper', 'serve-line', 'tokenizers', 'torch']);
    for (const n of lemmata.ADAPTER_NAMES) {
      const p = lemmata.adapterPath(n);
      expect(path.isAbsolute(p)).toBe(true);
      expect(fs.existsSync(p), p).toBe(true);
    }
    expect(() => lemmata.adapterPath('tensorflow')).toThrow(/unknown adapter 'tensorflow'/);
  });
});

describe('lemmata/oracles and lemmata/numerics', () => {
  it('ORACLES has the exact oracle of every deterministic op', () => {
    expect([...SAMPLING_OP_IDS].sort(), 'ops with sampling: true').toEqual(['dec.sample', 'pre.mlm-mask', 'random.bernoulli-mask', 'random.normal']);
    expect(Object.keys(ORACLES).sort()).toEqual(lemmata.OPS.map((o) => o.id).filter((id) => !SAMPLING_OP_IDS.includes(id)).sort());
    const e = ORACLES['stats.variance']!({ x: [1, 2, 4], correction: 1 });
    expect(e).toMatchObject({ kind: 'exact', shape: [], elements: [{ exact: '7/3' }] });
  });

  it('numerics re-exports Rational, QMatrix, float formats, enclosures and the bound models', () => {
    const q = numerics.Rational.fromFloat64(0.1);
    expect(q.toString()).toBe('3602879701896397/36028797018963968');
    expect(numerics.QMatrix.from([[1, 2], [3, 4]].map((r) => r.map((v) => numerics.Rational.fromInt(v)))).det().toString()).toBe('-2');
    expect(numerics.ulp(1, numerics.FLOAT32)).toBe(2 ** -23);
    const iv = numerics.interval.exp(new numerics.Interval(0, 0));
    expect(iv.lo).toBeLessThanOrEqual(1);
    expect(iv.hi).toBeGreaterThanOrEqual(1);
    expect(typeof numerics.precise.expR).toBe('function');
    expect(numerics.precisionOf({ dtype: 'float32' }).u).toBe(2 ** -24);
  });
});

describe('lemmata/arbitraries', () => {
  it('has an arbitrary for every op, producing arguments the oracle accepts', () => {
    expect([...ARBITRARY_OPS].sort()).toEqual(lemmata.OPS.map((o) => o.id).sort());
    for (const op of ARBITRARY_OPS) {
      const samples = fc.sample(opArbitrary(op), { seed: 7, numRuns: 3 });
      expect(samples.length, op).toBe(3);
      for (const a of samples) {
        expect(typeof a, op).toBe('object');
        if (SAMPLING_OP_IDS.includes(op)) expect(Number.isInteger(a['seed']), op).toBe(true);
        else expect(() => ORACLES[op]!(a), op).not.toThrow();
      }
    }
    expect(() => opArbitrary('no.such-op')).toThrow(RangeError);
  });

  it('gives each op\'s edge cases as fresh copies, and the shared element arbitraries', () => {
    const a = edgeCases('nn.softmax');
    expect(a.map((e) => e.name)).toContain('near-underflow-float32');
    (a[0]!.args['x'] as number[]).push(99);
    expect(edgeCases('nn.softmax')[0]!.args['x']).not.toContain(99);
    expect(edgeCases('random.normal')).toEqual([]);
    for (const x of fc.sample(f32Mixed(10), { seed: 1, numRuns: 20 })) expect(Math.fround(x)).toBe(x);
  });
});

describe('lemmata/vitest', () => {
  it('registers expect(output).toConformTo(op, args, { dtype })', () => {
    const x = [Math.fround(10.2), Math.fround(3.1), Math.fround(-0.8)];
    expect(softmax({ x })).toConformTo('nn.softmax', { x }, { dtype: 'float32' });
    expect(softmaxT({ x })).not.toConformTo('nn.softmax', { x }, { dtype: 'float32' });
    expect(() => expect([0.92, 0.07, 0.01]).toConformTo('nn.softmax', { x })).toThrow(/to conform to nn\.softmax \[float32\]: element 0/);
  });

  testOp('nn.softmax', softmax, { dtype: 'float32', numRuns: 60, seed: 3 });

  it('conformsTo shrinks a failure of a wrong function to a small counterexample', async () => {
    const err = await conformsTo('nn.softmax', softmaxT, { numRuns: 100, seed: 3 }).then(() => null, (e: Error) => e);
    expect(err).not.toBeNull();
    expect(err!.message).toMatch(/Counterexample: \[\{"x":\[/);
    expect(err!.message).toMatch(/^nn\.softmax \[float32\] does not conform: element \d+: got/);
    const cex = /Counterexample: \[(\{.*\})\]/.exec(err!.message)![1]!;
    expect((JSON.parse(cex) as { x: number[] }).x.length).toBeLessThanOrEqual(3);
  });

  it('conformsTo explains that sampling ops have no judge', async () => {
    await expect(conformsTo('random.normal', () => [0])).rejects.toThrow(NoJudgeError);
    expect(() => judge('random.normal', {}, [])).toThrow(/statistically/);
  });
});

describe('where reports are written', () => {
  it('inside the repository: its reports/; anywhere else: ./lemmata-reports/', () => {
    expect(insidePackage(PACKAGE_ROOT)).toBe(true);
    expect(insidePackage(fromRoot('test', 'api'))).toBe(true);
    expect(insidePackage(os.tmpdir())).toBe(false);
    expect(insidePackage(path.dirname(PACKAGE_ROOT))).toBe(false);
    // vitest runs with the repository root as working directory
    expect(outputPath('reports', 'conform')).toBe(fromRoot('reports', 'conform'));
  });

  it('the CLI run from another directory writes ./lemmata-reports/ there, and honours --out', () => {
    const cwd = tmp();
    const impl = path.join(cwd, 'mine.mjs');
    fs.writeFileSync(impl, SOFTMAX_MODULE);
    const run = (...args: string[]) => spawnSync(process.execPath, [fromRoot('bin', 'lemmata.mjs'), ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
    const r = run('conform', '--impl', './mine.mjs', '--ops', 'nn.softmax', '--runs', '20');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(fs.existsSync(path.join(cwd, 'lemmata-reports', 'conform', 'conform.json'))).toBe(true);
    const r2 = run('conform', '--impl', './mine.mjs', '--ops', 'nn.softmax', '--runs', '20', '--out', 'elsewhere');
    expect(r2.status, r2.stdout + r2.stderr).toBe(0);
    expect(fs.existsSync(path.join(cwd, 'elsewhere', 'conform.html'))).toBe(true);
    const a = run('adapter-path', 'serve-line');
    expect(a.status).toBe(0);
    expect(a.stdout.trim()).toBe(fromRoot('clients', 'js', 'serve-line.mjs'));
    const l = run('adapter-path', '--list');
    expect(l.status).toBe(0);
    expect(l.stdout.split('\n').filter(Boolean)).toHaveLength(7);
    expect(run('adapter-path', 'nope').status).toBe(2);
    expect(run('adapter-path').status).toBe(2);
    fs.rmSync(cwd, { recursive: true, force: true });
  });
});
