/**
 * The package as a user gets it: `npm pack`, then `npm install <tarball>` (from the npm cache)
 * into a fresh project outside the repository, and there:
 *
 * - every entry point imports from JavaScript, and type-checks from TypeScript (NodeNext);
 * - `npx lemmata conform --impl ./mine.mjs --ops nn.softmax` passes and writes its reports to the
 *   project's ./lemmata-reports/ (never into node_modules/lemmata/), and `--out` is honoured;
 * - `npx lemmata adapter-path` points into the installed package;
 * - a vitest suite using `lemmata/vitest` (matcher, testOp, conformsTo) runs;
 * - the tarball holds clients/, schemas/ and LICENSE, and no src/ or test/.
 *
 * Uses the compiled dist/ as `npm test` built it (`npm pack --ignore-scripts`: rebuilding here
 * would rewrite dist/ under the other test files); run `npm run build` first when running this
 * file alone. vitest in the project is a link to the repository's (it is an optional peer).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { encodeRequestFrame } from '../../src/conform/frame.js';
import { fromRoot } from '../../src/util/paths.js';

const NPM_CLI = process.env['npm_execpath'] && /npm-cli\.js$/.test(process.env['npm_execpath']) ? process.env['npm_execpath'] : null;
const TSC = fromRoot('node_modules', 'typescript', 'bin', 'tsc');
const VITEST = fromRoot('node_modules', 'vitest', 'vitest.mjs');

/** The environment without the npm_* variables of an enclosing `npm test` (they would point the nested npm at this repository). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'INIT_CWD' && k !== 'NODE_OPTIONS' && !k.startsWith('VITEST')) env[k] = v;
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', NO_COLOR: '1', FORCE_COLOR: '0' };
}

function run(cmd: string, args: string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout });
}
const npm = (args: string[], cwd: string, timeout?: number) => (NPM_CLI ? run(process.execPath, [NPM_CLI, ...args], cwd, timeout) : run('npm', args, cwd, timeout));
const show = (r: SpawnSyncReturns<string>) => `exit ${r.status}${r.error ? ` (${r.error.message})` : ''}\n${r.stdout}\n${r.stderr}`;

let work: string;
let project: string;
let tarball: string;
let packed: { path: string; size: number }[];
let installed: string;

const SOFTMAX = `export default {
  name: 'mine',
  dtype: 'float32',
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

beforeAll(() => {
  expect(fs.existsSync(fromRoot('dist', 'api', 'index.js')), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-pack-'));
  const p = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], fromRoot());
  expect(p.status, show(p)).toBe(0);
  const info = JSON.parse(p.stdout) as { filename: string; files: { path: string; size: number }[] }[];
  tarball = path.join(work, info[0]!.filename);
  packed = info[0]!.files;
  project = path.join(work, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'lemmata-consumer', version: '1.0.0', private: true, type: 'module' }, null, 2) + '\n');
  // offline from the npm cache; fall back to --prefer-offline if something is not cached
  let r = npm(['install', tarball, '--offline', '--no-audit', '--no-fund', '--no-save'], project, 150_000);
  if (r.status !== 0 && /ENOTCACHED/.test(r.stderr)) r = npm(['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--no-save'], project, 150_000);
  expect(r.status, show(r)).toBe(0);
  expect(r.stderr).not.toMatch(/Unknown (project|user|env) config/);
  installed = path.join(project, 'node_modules', 'lemmata');
  expect(fs.existsSync(installed)).toBe(true);
  // vitest is an optional peer: link the repository's copy into the project
  fs.symlinkSync(fromRoot('node_modules', 'vitest'), path.join(project, 'node_modules', 'vitest'), 'dir');
  fs.writeFileSync(path.join(project, 'mine.mjs'), SOFTMAX);
}, 240_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships bin, dist, spec, fixtures, schemas, clients, LICENSE and the docs — not src/ or test/', () => {
    const paths = packed.map((f) => f.path);
    for (const need of ['LICENSE', 'README.md', 'ARCHITECTURE.md', 'bin/lemmata.mjs', 'dist/api/index.js', 'dist/api/index.d.ts', 'spec/ops.md',
      'fixtures/manifest.json', 'clients/python/torch_adapter.py', 'clients/js/serve-line.mjs']) {
      expect(paths, need).toContain(need);
    }
    if (fs.existsSync(fromRoot('schemas'))) expect(paths.some((p) => p.startsWith('schemas/'))).toBe(true);
    expect(paths.filter((p) => /^(src|test|node_modules|reports)\//.test(p) || p.startsWith('dist/bench/') || p.includes('__pycache__'))).toEqual([]);
    expect(fs.readFileSync(path.join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License[\s\S]*lemmata contributors/);
    const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain('mathjs');
    expect(Object.keys(pkg.dependencies)).not.toContain('ml-matrix');
    const size = packed.reduce((s, f) => s + f.size, 0);
    console.log(`lemmata package: ${packed.length} files, ${(size / 1e6).toFixed(2)} MB unpacked`);
  });
});

describe('the installed package', () => {
  it('imports every entry point from JavaScript', () => {
    fs.writeFileSync(path.join(project, 'imports.mjs'), `
import * as main from 'lemmata';
import * as oracles from 'lemmata/oracles';
import * as numerics from 'lemmata/numerics';
import * as arbitraries from 'lemmata/arbitraries';
import * as vitest from 'lemmata/vitest';
import 'lemmata/vitest/setup';
import fc from 'fast-check';
const x = [Math.fround(10.2), Math.fround(3.1), Math.fround(-0.8)];
const out = {
  ops: main.OPS.length,
  claims: main.loadCatalogue().length,
  judged: oracles.judge('nn.softmax', { x }, [0.92, 0.07, 0.01]).ok,
  judgedGood: oracles.judge('stats.variance', { x: [1, 2, 4], correction: 1 }, 7 / 3, { dtype: 'float64' }).ok,
  rational: numerics.Rational.fromFloat64(0.5).toString(),
  sample: Object.keys(fc.sample(arbitraries.opArbitrary('nn.softmax'), { seed: 1, numRuns: 1 })[0]),
  vitest: typeof vitest.testOp,
  adapter: main.adapterPath('torch'),
};
console.log(JSON.stringify(out));
`);
    const r = run(process.execPath, ['imports.mjs'], project);
    expect(r.status, show(r)).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(out['ops']).toBeGreaterThanOrEqual(20);
    expect(out['claims']).toBeGreaterThanOrEqual(13);
    expect(out['judged']).toBe(false);
    expect(out['judgedGood']).toBe(true);
    expect(out['rational']).toBe('1/2');
    expect(out['sample']).toEqual(['x']);
    expect(out['vitest']).toBe('function');
    expect(fs.realpathSync(String(out['adapter']))).toBe(fs.realpathSync(path.join(installed, 'clients', 'python', 'torch_adapter.py')));
  });

  it('type-checks a TypeScript user of every entry point (NodeNext)', () => {
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] },
      include: ['*.ts'],
    }, null, 2));
    fs.writeFileSync(path.join(project, 'user.ts'), `
import { conform, conformExitCode, check, judge, OPS, loadCatalogue, writeReports, adapterPath, type ConformReport, type JsImplementation, type CheckReport } from 'lemmata';
import { ORACLES, accept, type Expected, type Judgement } from 'lemmata/oracles';
import { Rational, QMatrix, interval, precise, FLOAT32, ulp } from 'lemmata/numerics';
import { opArbitrary, f32Mixed, type OpArgs } from 'lemmata/arbitraries';
import { testOp, conformsTo, setup } from 'lemmata/vitest';
import { expect } from 'vitest';

const mine: JsImplementation = { name: 'mine', dtype: 'float32', ops: { 'nn.softmax': ({ x }: { x: number[] }) => x.map(() => 1 / x.length) } };
async function gate(): Promise<number> {
  const r: ConformReport = await conform(mine, { ops: 'nn.softmax', runs: 10 });
  writeReports(r, 'out');
  return conformExitCode(r);
}
async function builtin(): Promise<CheckReport> { return check({ backend: 'cpu', claims: 'cnn.*' }); }
const j: Judgement = judge('nn.softmax', { x: [1, 2] }, [0.27, 0.73], { dtype: 'float32', profile: { flushToZero: true } });
const okay: boolean = j.ok;
const e: Expected | null = ORACLES['stats.variance']!({ x: [1, 2], correction: 0 });
const a = e ? accept(e, 0.25, 'float64') : null;
const q: Rational = Rational.fromFloat64(0.1).add(Rational.of(1, 3));
const m: QMatrix = QMatrix.from([[Rational.ONE]]);
const iv = interval.exp(new interval.Interval(0, 1));
const u: number = ulp(1, FLOAT32);
const arb = opArbitrary('norm.layernorm');
const args: OpArgs[] = [];
expect([0.5, 0.5]).toConformTo('nn.softmax', { x: [0, 0] }, { dtype: 'float32' });
testOp('nn.softmax', mine.ops['nn.softmax']!, { numRuns: 5 });
setup();
void [gate, builtin, okay, a, q, m, iv, u, arb, args, OPS, loadCatalogue, adapterPath, conformsTo, precise, f32Mixed];
// @ts-expect-error: the matcher's arguments are typed
expect([1]).toConformTo(42);
`);
    const r = run(process.execPath, [TSC, '-p', 'tsconfig.json'], project);
    expect(r.status, show(r)).toBe(0);
  });

  it('npx lemmata conform writes ./lemmata-reports/ in the project (not into node_modules), and honours --out', () => {
    const r = npm(['exec', '--offline', '--', 'lemmata', 'conform', '--impl', './mine.mjs', '--ops', 'nn.softmax', '--runs', '30'], project, 150_000);
    expect(r.status, show(r)).toBe(0);
    expect(r.stdout).toMatch(/\d+ passed, 0 failed/);
    expect(r.stderr).not.toMatch(/Unknown (project|user|env) config/);
    for (const f of ['conform.json', 'conform.md', 'conform.html']) expect(fs.existsSync(path.join(project, 'lemmata-reports', 'conform', f)), f).toBe(true);
    expect(fs.existsSync(path.join(installed, 'reports'))).toBe(false);
    const o = npm(['exec', '--offline', '--', 'lemmata', 'conform', '--impl', './mine.mjs', '--ops', 'nn.softmax', '--runs', '10', '--out', 'somewhere'], project, 150_000);
    expect(o.status, show(o)).toBe(0);
    expect(fs.existsSync(path.join(project, 'somewhere', 'conform.json'))).toBe(true);
  }, 240_000);

  it('npx lemmata adapter-path points into the installed package', () => {
    const r = npm(['exec', '--offline', '--', 'lemmata', 'adapter-path', 'check-fixtures'], project);
    expect(r.status, show(r)).toBe(0);
    expect(fs.realpathSync(r.stdout.trim())).toBe(fs.realpathSync(path.join(installed, 'clients', 'python', 'check_fixtures.py')));
    const l = npm(['exec', '--offline', '--', 'lemmata', 'adapter-path', '--list'], project);
    expect(l.status, show(l)).toBe(0);
    expect(l.stdout).toMatch(/^torch\s+\S+torch_adapter\.py/m);
  });

  it('the installed serve-line.mjs finds the op schemas beside it: a plain-array softmax travels as bytes (protocol v2)', () => {
    const frame = encodeRequestFrame(1, 'nn.softmax', 'float32', [{ x: [0, 0] }], { x: 'float' });
    const input = Buffer.concat([Buffer.from(`${JSON.stringify({ lemmata: 1, type: 'hello', protocols: [1, 2] })}\n${frame.header}`), Buffer.from(frame.blob)]);
    const r = spawnSync(process.execPath, [path.join(installed, 'clients', 'js', 'serve-line.mjs'), path.join(project, 'mine.mjs')], { input, timeout: 30_000 });
    expect(r.status, r.stderr.toString()).toBe(0);
    const reply = JSON.parse(r.stdout.toString('latin1').split('\n')[1]!) as { results: { ok: unknown }[] };
    expect(reply.results[0]!.ok).toMatchObject({ dtype: 'float32', shape: [2] });
  });

  it('runs a vitest suite that uses lemmata/vitest', () => {
    fs.writeFileSync(path.join(project, 'softmax.test.mjs'), `
import { expect, it } from 'vitest';
import { testOp, conformsTo } from 'lemmata/vitest';
import mine from './mine.mjs';
const softmax = mine.ops['nn.softmax'];
const wrong = ({ x }) => softmax({ x: x.map((v) => v / 1.01) });
it('matcher', () => {
  const x = [1, 2, 3];
  expect(softmax({ x })).toConformTo('nn.softmax', { x }, { dtype: 'float32' });
  expect(wrong({ x })).not.toConformTo('nn.softmax', { x });
});
testOp('nn.softmax', softmax, { dtype: 'float32', numRuns: 40, seed: 11 });
it('a wrong softmax is caught and shrunk', async () => {
  await expect(conformsTo('nn.softmax', wrong, { numRuns: 100, seed: 11 })).rejects.toThrow(/does not conform[\\s\\S]*Counterexample/);
});
`);
    const r = run(process.execPath, [VITEST, 'run', '--root', project, '--reporter', 'verbose'], project, 150_000);
    expect(r.status, show(r)).toBe(0);
    expect(r.stdout).toMatch(/Tests\s+3 passed/);
  }, 180_000);
});
