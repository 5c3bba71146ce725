/**
 * `--workers N` (src/runner/pool.ts, src/conform/pool.ts): the reports of `lemmata check` and
 * `lemmata conform` (--impl module and --impl-cmd) with two workers are byte-identical to those with
 * one, apart from timing; exit codes are the same; a hung adapter with two processes still ends
 * within the timeout and leaves nothing running; a worker thread that dies is an `error` for the
 * property it ran, not a crash of the runner; the config file accepts `workers`.
 */
import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../src/util/paths.js';
import { defaultWorkers } from '../../src/runner/pool.js';
import { lemmataAsync } from '../cli/run-cli.js';

const BIN = fromRoot('bin', 'lemmata.mjs');
const A = (name: string) => path.join('test', 'conform', 'adapters', name);
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-workers-'));

function lemmata(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: fromRoot(), timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The report files with their timing fields removed (the only part that may differ). */
function untimed(dir: string, files: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) {
    let text = fs.readFileSync(path.join(dir, f), 'utf8');
    if (f.endsWith('.json')) { const j = JSON.parse(text); delete j.timing; text = JSON.stringify(j, null, 2); }
    else text = text.replace(/\b\d+ ms\b/g, 'N ms').replace(/\btime="[0-9.]+"/g, 'time=""');
    out[f] = text;
  }
  return out;
}

/** Run with --workers 1 and --workers 2 (or the config's `workers`), two independent processes started together; both reports and exit codes. */
async function both(args: string[], files: string[], twoWith: string[] = ['--workers', '2']) {
  const one = tmp(), two = tmp();
  const junit = files.includes('junit.xml');
  const [r1, r2] = await Promise.all([
    lemmataAsync([...args, '--workers', '1', '--out', one, ...(junit ? ['--junit', path.join(one, 'junit.xml')] : [])]),
    lemmataAsync([...args, ...twoWith, '--out', two, ...(junit ? ['--junit', path.join(two, 'junit.xml')] : [])]),
  ]);
  return { r1, r2, one: untimed(one, files), two: untimed(two, files) };
}

const CONFORM_FILES = ['conform.json', 'conform.md', 'conform.html', 'junit.xml'];

describe('--workers N', () => {
  it('check: two worker threads give the one-thread report, byte for byte apart from timing', async () => {
    const { r1, r2, one, two } = await both(['check', '--claims', 'cnn.out-size,reg.ridge-map,stats.mse-decomposition,opt.gd-scalar', '--runs', '10'], ['latest.json', 'latest.md', 'junit.xml']);
    expect(r1.code, r1.out + r1.err).toBe(0);
    expect(r2.code, r2.out + r2.err).toBe(0);
    expect(JSON.parse(one['latest.json']!).claims).toHaveLength(4);
    expect(two).toEqual(one);
  }, 240_000); // two CLI runs

  it('conform --impl: a failure, its shrunk counterexample and replay token are the same with two workers (set in the config file)', async () => {
    const dir = tmp();
    const config = path.join(dir, 'lemmata.config.json');
    fs.writeFileSync(config, JSON.stringify({ workers: 2 }));
    const { r1, r2, one, two } = await both(['conform', '--impl', A('wrong-softmax-good-variance.mjs'), '--runs', '20'], CONFORM_FILES, ['--config', config]);
    expect(r1.code, r1.out + r1.err).toBe(1);
    expect(r2.code, r2.out + r2.err).toBe(1);
    const j = JSON.parse(one['conform.json']!);
    expect(j.summary).toMatchObject({ pass: 1, fail: 1 });
    expect(j.properties.find((p: { status: string }) => p.status === 'fail').replay).toBeTruthy();
    expect(two).toEqual(one);
  }, 240_000); // two CLI runs

  it('conform --impl-cmd: two adapter processes give the one-process report', async () => {
    const { r1, r2, one, two } = await both(['conform', '--impl-cmd', `node clients/js/serve-line.mjs ${A('wrong-softmax-good-variance.mjs')}`, '--runs', '20'], CONFORM_FILES);
    expect(r1.code, r1.out + r1.err).toBe(1);
    expect(r2.code, r2.out + r2.err).toBe(1);
    expect(JSON.parse(one['conform.json']!).summary).toMatchObject({ pass: 1, fail: 1 });
    expect(two).toEqual(one);
  }, 240_000); // two CLI runs

  it('a worker thread that dies fails only the properties it ran; the runner reports and exits 1', () => {
    const out = tmp();
    const r = lemmata(['conform', '--impl', A('crash-softmax.mjs'), '--ops', 'nn.softmax,stats.variance', '--runs', '5', '--workers', '2', '--out', out]);
    expect(r.code, r.out + r.err).toBe(1);
    const j = JSON.parse(fs.readFileSync(path.join(out, 'conform.json'), 'utf8'));
    const ran = j.properties.filter((p: { status: string }) => p.status !== 'unsupported');
    expect(ran.length).toBeGreaterThanOrEqual(2);
    for (const p of ran) {
      if (p.ops.includes('nn.softmax')) { expect(p.status).toBe('error'); expect(p.detail).toMatch(/worker thread crashed: .*crash-softmax: uncaught exception/); }
      else expect(p.status, p.id).toBe('pass');
    }
  });

  it('--workers must be a positive integer', () => {
    const r = lemmata(['conform', '--workers', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--workers must be between 1 and/);
  });

  /** Still running: exists and is not a zombie. */
  const running = (pid: number): boolean => {
    try { process.kill(pid, 0); } catch (e) { return (e as NodeJS.ErrnoException).code !== 'ESRCH'; }
    try { const s = fs.readFileSync(`/proc/${pid}/stat`, 'latin1'); return !/^[ZX]/.test(s.slice(s.lastIndexOf(')') + 2)); } catch { return false; }
  };

  it('a hung adapter with --workers 2: both processes (and their children) are killed at the timeout, the run ends', async () => {
    // the zombie check reads /proc: elsewhere this fails loudly rather than being skipped
    expect(process.platform, 'this test needs Linux (/proc)').toBe('linux');
    const dir = tmp();
    const pidFile = path.join(dir, 'pids.txt');
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, 'conform', '--impl-cmd', `node ${A('spin-forever-two-ops.mjs')} ${pidFile}`, '--ops', 'nn.softmax,stats.variance',
      '--runs', '5', '--timeout', '2', '--max-restarts', '0', '--workers', '2', '--out', path.join(dir, 'out')], { cwd: fromRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let requestAt: number | undefined;
    child.stderr.on('data', (d) => { err += d; });
    const sampler = setInterval(() => {
      if (requestAt === undefined && fs.existsSync(pidFile) && /^request /m.test(fs.readFileSync(pidFile, 'utf8'))) requestAt = performance.now();
    }, 20);
    const hard = setTimeout(() => child.kill('SIGKILL'), 40_000);
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    const end = performance.now();
    clearTimeout(hard);
    clearInterval(sampler);
    expect(code, err).toBe(1);
    expect(requestAt, 'the adapter got a request').toBeDefined();
    // the --timeout of 2 s, the kill sequence (≤ 2.5 s) and writing the report
    expect(end - requestAt!, 'runner exit after the first request (ms)').toBeLessThan(2_000 + 5_000);
    expect(end - t0, 'runner exit after its start (ms)').toBeLessThan(2_000 + 20_000);
    const text = fs.readFileSync(pidFile, 'utf8');
    const pids = text.split('\n').filter((l) => l.startsWith('pid ')).map((l) => Number(l.slice(4)));
    expect(pids.length, text).toBe(6); // two adapter processes, two children each
    expect((text.match(/^request /gm) ?? []).length, 'both processes got a request').toBeGreaterThanOrEqual(2);
    expect(pids.filter(running), `adapter processes left running (pids ${pids.join(', ')})`).toEqual([]);
    const j = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'conform.json'), 'utf8'));
    const ran = j.properties.filter((p: { status: string }) => p.status !== 'unsupported');
    expect(ran.length).toBeGreaterThanOrEqual(2);
    for (const p of ran) { expect(p.status).toBe('error'); expect(p.detail).toMatch(/timed out after 2 s|given up/); }
  });

  it('the default is the core count; LEMMATA_WORKERS overrides it (a positive integer, anything else ignored)', () => {
    const saved = process.env['LEMMATA_WORKERS'];
    try {
      delete process.env['LEMMATA_WORKERS'];
      expect(defaultWorkers()).toBe(os.availableParallelism());
      process.env['LEMMATA_WORKERS'] = '3';
      expect(defaultWorkers()).toBe(3);
      for (const bad of ['0', '-1', 'two', '1.5', '']) { process.env['LEMMATA_WORKERS'] = bad; expect(defaultWorkers(), bad).toBe(os.availableParallelism()); }
    } finally {
      if (saved === undefined) delete process.env['LEMMATA_WORKERS']; else process.env['LEMMATA_WORKERS'] = saved;
    }
  });
});
