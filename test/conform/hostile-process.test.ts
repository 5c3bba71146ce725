/**
 * The runner cannot be hung, orphaned or blown up by the program it tests. Each case starts the
 * real CLI (`node bin/lemmata.mjs conform --impl-cmd …`) on a hostile adapter from
 * test/conform/adapters/ that writes its pid and its children's pids to a file, and checks that
 *
 * - the runner exits within --timeout + 5 s of the adapter's first request (and within --timeout
 *   + 10 s of its own start, node start-up included),
 * - no process of the adapter is left running: `process.kill(pid, 0)` throws ESRCH, or the pid is
 *   a zombie (state Z: it has exited and only waits for init to collect its status — this
 *   sandbox's init reaps orphans every few seconds),
 * - a complete report is written (conform.json parses) and it names the failure,
 * - the exit code is the documented one (1: a property errored; 130/143: interrupted; 2: usage),
 * - when the runner itself is SIGKILLed (no handler of it runs), its reaper (src/conform/reaper.ts)
 *   still kills the adapter, the adapter's children (in its group, and in a session of their own)
 *   and a double-forked daemon it saw, and then exits itself, within 5 s,
 * - the runner's peak memory (VmHWM from /proc/<pid>/status, sampled every 20 ms) stays below
 *   PEAK_BOUND_KB (512 MiB for the flood at the 128 MiB reply cap). Unbounded buffering — the
 *   defect this guards against — took 4.3 GB.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../src/util/paths.js';
import { MAX_REPLY_BYTES_LIMIT, connectLineProtocol } from '../../src/conform/line-protocol.js';
import { WATCH_MS } from '../../src/conform/reaper.js';

const PEAK_BOUND_KB = 256 * 1024;
const TIMEOUT_S = 2;
const adapter = (name: string) => fromRoot('test', 'conform', 'adapters', name);
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-hostile-proc-'));

interface Run {
  code: number | null; signal: NodeJS.Signals | null; ms: number; out: string; err: string;
  peakKb: number; pids: number[]; report: any; signalledAtMs?: number;
  /** When the adapter's file first showed a request (sampled every 20 ms). */
  requestAtMs?: number;
  pidFile: string; runnerPid: number;
}

function vmHwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Still running: exists and is not a zombie. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}

const cmdline = (pid: number): string => { try { return fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1'); } catch { return ''; } };
/** Running processes (not zombies) whose command line contains `marker`. */
const procsWith = (marker: string): number[] =>
  fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n) && Number(n) !== process.pid).map(Number).filter((pid) => cmdline(pid).includes(marker) && running(pid));

const pidsIn = (file: string): number[] =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('pid ')).map((l) => Number(l.slice(4))) : [];

/** Run `lemmata conform` on `node ADAPTER PIDFILE ...args`; optionally send `interrupt` once the adapter got a request. */
async function conform(adapterArgs: string[], flags: string[], interrupt?: NodeJS.Signals): Promise<Run> {
  const dir = tmp();
  const pidFile = path.join(dir, 'pids.txt');
  const [name, ...rest] = adapterArgs;
  const cmd = ['node', adapter(name!), pidFile, ...rest].join(' ');
  const out = path.join(dir, 'out');
  const t0 = performance.now();
  const child = spawn(process.execPath, [fromRoot('bin', 'lemmata.mjs'), 'conform', '--impl-cmd', cmd, '--out', out, ...flags],
    { cwd: fromRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '', peakKb = 0, signalledAtMs: number | undefined, requestAtMs: number | undefined;
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, vmHwmKb(child.pid!));
    if (requestAtMs === undefined && fs.existsSync(pidFile) && /^request /m.test(fs.readFileSync(pidFile, 'utf8'))) {
      requestAtMs = performance.now() - t0;
      if (interrupt) {
        signalledAtMs = requestAtMs;
        child.kill(interrupt);
      }
    }
  }, 20);
  const hardLimit = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('exit', (c, s) => r([c, s])));
  const ms = performance.now() - t0;
  clearInterval(sampler);
  clearTimeout(hardLimit);
  const jsonFile = path.join(out, 'conform.json');
  const report = fs.existsSync(jsonFile) ? JSON.parse(fs.readFileSync(jsonFile, 'utf8')) : null;
  const sinceRequest = requestAtMs !== undefined ? ` (${((ms - requestAtMs) / 1000).toFixed(2)} s after the first request)` : '';
  console.log(`[hostile-process] ${adapterArgs.join(' ')}${interrupt ? ` + ${interrupt}` : ''}: exit ${code ?? signal} after ${(ms / 1000).toFixed(2)} s${sinceRequest}, runner peak RSS ${(peakKb / 1024).toFixed(0)} MiB`);
  return { code, signal, ms, out: stdout, err: stderr, peakKb, pids: pidsIn(pidFile), report, pidFile, runnerPid: child.pid!,
    ...(signalledAtMs !== undefined ? { signalledAtMs } : {}), ...(requestAtMs !== undefined ? { requestAtMs } : {}) };
}

/**
 * The checks every hostile case shares. Time: the runner exits within --timeout + 5 s of the
 * adapter receiving its first request (each of these runs makes one request per property), and
 * within --timeout + 10 s of its own start (node start-up and module loading included).
 */
function expectContained(r: Run, { peakBoundKb = PEAK_BOUND_KB, timeoutS = TIMEOUT_S } = {}): void {
  expect(r.signal, r.err).toBeNull();
  expect(r.requestAtMs, `the adapter got a request; its file: ${r.pids.join(',')}; stderr: ${r.err}`).toBeDefined();
  expect(r.ms - r.requestAtMs!, 'runner exit after the first request (ms)').toBeLessThan((timeoutS + 5) * 1000);
  expect(r.ms, 'runner exit after its start (ms)').toBeLessThan((timeoutS + 10) * 1000);
  expect(r.pids.length, 'the adapter recorded its pids').toBeGreaterThan(0);
  expect(r.pids.filter(running), `adapter processes left running (pids ${r.pids.join(', ')})`).toEqual([]);
  expect(r.peakKb, 'runner peak memory (kB)').toBeGreaterThan(0);
  expect(r.peakKb, 'runner peak memory (kB)').toBeLessThan(peakBoundKb);
  expect(r.report, r.out + r.err).not.toBeNull();
}

const SOFTMAX = ['--ops', 'nn.softmax', '--runs', '5', '--timeout', String(TIMEOUT_S)];
const onlyProperty = (r: Run) => { expect(r.report.properties).toHaveLength(1); return r.report.properties[0]; };

// Linux: the checks read /proc (peak memory, zombie state); elsewhere every test here fails loudly, none is skipped.
describe('hostile processes: the runner ends, kills the whole group, stays bounded', () => {
  beforeAll(() => { expect(process.platform, 'these tests need Linux (/proc)').toBe('linux'); });
  it('an adapter that spins forever on a request (children in its group and in a session of their own)', async () => {
    const r = await conform(['spin-forever.mjs'], SOFTMAX);
    expectContained(r);
    expect(r.pids.length).toBe(3);
    expect(r.code).toBe(1);
    const p = onlyProperty(r);
    expect(p.status).toBe('error');
    expect(p.detail).toMatch(/timed out after 2 s/);
  });

  it('an adapter that ignores SIGTERM (and so does its child): SIGKILL after the grace period', async () => {
    const r = await conform(['ignore-sigterm.mjs'], SOFTMAX);
    expectContained(r);
    expect(r.pids.length).toBe(2);
    expect(r.code).toBe(1);
    expect(onlyProperty(r).detail).toMatch(/timed out after 2 s/);
  });

  it.each([['reply'], ['exit']])('a forked child that keeps writing to the shared stdout (parent: %s)', async (mode) => {
    const r = await conform(['fork-writer.mjs', mode], SOFTMAX);
    expectContained(r);
    expect(r.pids.length).toBe(2);
    expect(r.code).toBe(1);
    // the writer's lines are taken for the reply (malformed, or output after it); with `exit` the
    // parent's exit may be noticed first (crashed) — which, depends on timing
    expect(onlyProperty(r).detail).toMatch(mode === 'exit' ? /crashed with exit code 0|malformed reply|protocol violation/ : /malformed reply|protocol violation/);
  });

  it('an adapter that closes its stdout but keeps running', async () => {
    const r = await conform(['close-stdout.mjs'], SOFTMAX);
    expectContained(r);
    expect(r.code).toBe(1);
    expect(onlyProperty(r).detail).toMatch(/closed its standard output/);
    expect(r.ms - r.requestAtMs!).toBeLessThan(TIMEOUT_S * 1000); // noticed at once, not at the timeout
  });

  // (the 128 MiB case gets a longer timeout: on a loaded 2-core machine the pipe carries ~50 MB/s)
  it.each([[8 * 1024 * 1024, PEAK_BOUND_KB, TIMEOUT_S], [MAX_REPLY_BYTES_LIMIT, 512 * 1024, 20]])('a reply line that never ends, with --max-reply-bytes %i', async (cap, peakBoundKb, timeoutS) => {
    const r = await conform(['huge-line.mjs'], [...SOFTMAX.slice(0, -1), String(timeoutS), '--max-reply-bytes', String(cap)]);
    expectContained(r, { peakBoundKb, timeoutS });
    expect(r.code).toBe(1);
    expect(onlyProperty(r).detail).toMatch(new RegExp(`reply exceeds ${cap} bytes`));
  });

  it('a --max-reply-bytes above the maximum (what a string can hold and JSON.parse can survive) is a usage error', () => {
    const r = spawnSync(process.execPath, [fromRoot('bin', 'lemmata.mjs'), 'conform', '--impl-cmd', 'true', '--max-reply-bytes', String(MAX_REPLY_BYTES_LIMIT + 1)], { encoding: 'utf8', cwd: fromRoot() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`--max-reply-bytes must be between 1024 and ${MAX_REPLY_BYTES_LIMIT}`));
  });

  const THREE_OPS = ['--ops', 'nn.softmax,stats.variance,cnn.conv2d-shape', '--runs', '5', '--timeout', String(TIMEOUT_S)];
  it('a reply written twice costs one request, not the properties after it', async () => {
    const clean = await conform(['duplicate-reply.mjs', '0', '0', '0'], THREE_OPS);
    expectContained(clean);
    expect(clean.code).toBe(0);
    const passing = clean.report.properties.filter((p: any) => p.status === 'pass').length;
    expect(passing).toBeGreaterThanOrEqual(3);
    // the duplicate comes with the reply: the request it follows fails, and nothing else
    const r = await conform(['duplicate-reply.mjs', '1', '0', '0'], THREE_OPS);
    expectContained(r);
    expect(r.code).toBe(1);
    const errors = r.report.properties.filter((p: any) => p.status === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].detail).toMatch(/output after the reply to request 1/);
    expect(r.report.properties.filter((p: any) => p.status === 'pass')).toHaveLength(passing - 1);
  });

  it('a reply repeated later (during the next request) fails that one request only, naming request 1', async () => {
    // request 1's reply is repeated 150 ms later, while request 2 (answered after 400 ms) is outstanding
    const r = await conform(['duplicate-reply.mjs', '1', '150', '400'], THREE_OPS);
    expectContained(r);
    expect(r.code).toBe(1);
    const errors = r.report.properties.filter((p: any) => p.status === 'error');
    expect(errors).toHaveLength(1);
    // normally read as the reply to request 2; on a very slow machine it may arrive before request 2 is sent
    expect(errors[0].detail).toMatch(/a second reply to request 1, received instead of the reply to request 2|output after the reply to request 1 .*not sent/);
    expect(r.report.properties.filter((p: any) => p.status === 'pass').length).toBeGreaterThanOrEqual(2);
  });

  it('output between requests: the next request is not sent and fails naming request 1; the one after goes to a restarted program', async () => {
    const pidFile = path.join(tmp(), 'pids.txt');
    const impl = await connectLineProtocol(`node ${adapter('duplicate-reply.mjs')} ${pidFile} 1 100 0`, { timeoutMs: 2000, maxReplyBytes: 1 << 20, maxRestarts: 3, base64: false });
    const call = () => impl.callBatch('nn.softmax', 'float32', [{ x: [1, 2] }]);
    try {
      expect(await call()).toEqual([{ ok: [Math.fround(1 / (1 + Math.E)), Math.fround(Math.E / (1 + Math.E))] }]);
      await new Promise((r) => setTimeout(r, 500)); // the repeated reply arrives while nothing is outstanding
      const [second] = await call();
      expect(second).toMatchObject({ infrastructure: true });
      expect((second as { error: string }).error).toMatch(/output after the reply to request 1 \(nn\.softmax\).*this request was not sent/);
      expect('ok' in (await call())[0]!).toBe(true);
      expect(impl.events).toEqual([expect.stringMatching(/^nn\.softmax request not sent: protocol violation: output after the reply to request 1/), 'restarted the implementation (restart 1)']);
    } finally {
      await impl.close();
    }
    expect(pidsIn(pidFile)).toHaveLength(2);
    expect(pidsIn(pidFile).filter(running)).toEqual([]);
  });

  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s of the runner mid-run: adapter group killed, interrupted report, exit %i', async (sig, code) => {
    const r = await conform(['spin-forever.mjs'], [...SOFTMAX.slice(0, -1), '30'], sig);
    expect(r.signalledAtMs).toBeDefined();
    expect(r.ms - r.signalledAtMs!, 'exit after the signal (ms)').toBeLessThan(5000);
    expectContained(r);
    expect(r.code).toBe(code);
    expect(r.report.interrupted).toBe(true);
    expect(onlyProperty(r).status).toBe('not-run');
    expect(onlyProperty(r).note).toMatch(new RegExp(`interrupted by ${sig}`));
    expect(r.report.events.join('\n')).toMatch(new RegExp(`interrupted by ${sig}`));
  });

  it('SIGKILL of the runner mid-run: the reaper kills the adapter, its group child and its setsid child within a few seconds', async () => {
    const r = await conform(['spin-forever.mjs'], [...SOFTMAX.slice(0, -1), '30'], 'SIGKILL');
    expect(r.signal).toBe('SIGKILL');
    expect(r.pids, `the adapter and its two children recorded their pids; stderr: ${r.err}`).toHaveLength(3);
    // nothing of the runner ran after the kill: no report; the adapter outlives it unless the reaper acts
    expect(r.report).toBeNull();
    const marker = r.pidFile; // on the command line of the adapter (its argument)
    const leftovers = () => [
      ...r.pids.filter(running),
      ...procsWith(marker),
      ...procsWith('lemmata-reaper').filter((pid) => cmdline(pid).includes(`lemmata-reaper\0${r.runnerPid}`)),
    ];
    const until = performance.now() + 5000;
    while (leftovers().length && performance.now() < until) await new Promise((res) => setTimeout(res, 50));
    const left = leftovers();
    for (const pid of left) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } } // never leave them to the next test
    expect(left, 'adapter or reaper processes still running 5 s after the runner was SIGKILLed').toEqual([]);
  });

  it('SIGKILL of the runner after a double fork: the reaper still kills the daemon it saw while its parent lived', async () => {
    const dir = tmp();
    const marker = `lemmata-daemon-${path.basename(dir)}`;
    const go = path.join(dir, 'go');
    // the adapter (its own command line must not hold the marker): starts a daemon in a session of
    // its own, and exits once the test creates `go` — then the daemon is an orphan (parent: init)
    const adapterCode = `const fs = require('fs'); require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'lemmata-dae' + '${marker.slice('lemmata-dae'.length)}'], { detached: true, stdio: 'ignore' }); setInterval(() => { if (fs.existsSync('${go}')) process.exit(0); }, 20);`;
    const runnerFile = path.join(dir, 'runner.mjs');
    fs.writeFileSync(runnerFile, `import { ProcessGroup } from ${JSON.stringify(fromRoot('dist', 'conform', 'process-group.js'))};
      new ProcessGroup(${JSON.stringify(`node -e ${JSON.stringify(adapterCode)}`)});
      setInterval(() => {}, 1000);`);
    const runner = spawn(process.execPath, [runnerFile], { stdio: 'ignore' });
    const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));
    const state = (pid: number) => { try { const st = fs.readFileSync(`/proc/${pid}/stat`, 'latin1'); return st.slice(st.lastIndexOf(')') + 2).split(' '); } catch { return null; } };
    try {
      const seen = performance.now() + 15_000;
      const reaper = () => procsWith('lemmata-reaper').find((pid) => cmdline(pid).includes(`lemmata-reaper\0${runner.pid}`));
      while ((procsWith(marker).length === 0 || reaper() === undefined) && performance.now() < seen) await sleep(20);
      expect(procsWith(marker), 'the daemon started').toHaveLength(1);
      // the reaper has booted (asleep in its event loop: state S on 5 samples in a row), then had
      // 4 × WATCH_MS to see the daemon while its parent lived; on a loaded machine boot takes seconds
      for (let calm = 0; calm < 5 && performance.now() < seen; await sleep(50)) calm = state(reaper()!)?.[0] === 'S' ? calm + 1 : 0;
      await sleep(4 * WATCH_MS);
      const daemon = procsWith(marker)[0]!;
      const parent = state(daemon)?.[1];
      fs.writeFileSync(go, '');
      while (state(daemon)?.[1] === parent && performance.now() < seen) await sleep(20);
      expect(state(daemon)?.[1], 'the daemon is an orphan (its parent, the adapter, has exited; init or a subreaper adopted it)').not.toBe(parent);
    } finally {
      runner.kill('SIGKILL');
    }
    const until = performance.now() + 5000;
    while (procsWith(marker).length && performance.now() < until) await new Promise((res) => setTimeout(res, 50));
    const left = procsWith(marker);
    for (const pid of left) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    expect(left, 'the double-forked daemon still runs 5 s after the runner was SIGKILLed').toEqual([]);
  });

  it('report files are replaced atomically: a runner SIGKILLed while writing leaves complete files', async () => {
    const dir = tmp();
    const writer = path.join(dir, 'writer.mjs');
    // rewrite a two-file set (2 MB each) as fast as possible; every version ends with its own marker
    fs.writeFileSync(writer, `import { writeReportSet } from ${JSON.stringify(fromRoot('dist', 'conform', 'atomic-write.js'))};
      const body = 'x'.repeat(2_000_000);
      for (let i = 0; ; i++) writeReportSet([[${JSON.stringify(path.join(dir, 'conform.md'))}, body + 'end ' + i], [${JSON.stringify(path.join(dir, 'conform.json'))}, JSON.stringify({ body, i })]]);`);
    for (let round = 0; round < 3; round++) {
      const c = spawn(process.execPath, [writer], { stdio: 'ignore' });
      while (!fs.existsSync(path.join(dir, 'conform.json'))) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 20 + 37 * round));
      c.kill('SIGKILL');
      await new Promise((r) => c.on('exit', r));
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'conform.json'), 'utf8'));
      expect(json.body.length).toBe(2_000_000);
      const md = fs.readFileSync(path.join(dir, 'conform.md'), 'utf8');
      expect(md.length).toBeGreaterThan(2_000_000);
      expect(md.slice(-12)).toMatch(/xend \d+$/);
    }
    // a later write removes the temporary files the killed writers left
    const { writeReportSet } = await import('../../src/conform/atomic-write.js');
    writeReportSet([[path.join(dir, 'conform.md'), ''], [path.join(dir, 'conform.json'), '{}']]);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.lemmata-tmp'))).toEqual([]);
  });
});
