/**
 * lemmata benchmark: exact linear solves (the p-adic kernel behind solveVec vs
 * BigInt Bareiss vs FLINT fmpq_mat_solve vs mathjs Fraction lusolve) on identical
 * seeded inputs, interleaved, with ml-matrix's float64 LU solve as the
 * floating-point baseline (time and its error against the exact solution), plus
 * the fast interval tier's throughput when that module is present.
 *
 * Run with `npm run bench`. Deterministic inputs; wall-clock timings only.
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { all, create } from 'mathjs';
import { Matrix, solve as mlSolve } from 'ml-matrix';
import { Rational } from '../numerics/rational.js';
import { QMatrix, solveVec } from '../numerics/matrix.js';
import { MODULAR_SOLVE_MIN_N } from '../numerics/modular-solve.js';
import { fromRoot } from '../util/paths.js';


/** Seeded n×n system with entries = random doubles in [−1, 1) rounded to float32 (so `m/2^k`, |m| < 2^24). */
function randomSystem(n: number, seed: number): { A: Rational[][]; b: Rational[] } {
  const rnd = mulberry32(seed);
  const f = (): Rational => Rational.fromFloat32(Math.fround(rnd() * 2 - 1));
  const A: Rational[][] = [];
  for (let i = 0; i < n; i++) {
    const row: Rational[] = [];
    for (let j = 0; j < n; j++) row.push(f());
    A.push(row);
  }
  const b: Rational[] = [];
  for (let i = 0; i < n; i++) b.push(f());
  return { A, b };
}

/** Median wall time (ms) of `fn`, repeating until `budgetMs` is spent (at least `minReps`, at most `maxReps`). */
function timeIt<T>(fn: () => T, budgetMs: number, minReps = 1, maxReps = 50): { ms: number; reps: number; result: T } {
  const times: number[] = [];
  let result!: T;
  const start = performance.now();
  while (times.length < minReps || (times.length < maxReps && performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return { ms: times[Math.floor(times.length / 2)]!, reps: times.length, result };
}

function pad(s: string, w: number, left = false): string {
  return left ? s.padEnd(w) : s.padStart(w);
}

function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}

interface MathFraction {
  s: bigint;
  n: bigint;
  d: bigint;
}

// ----------------------------------------------------------------------------
// FLINT peer: fmpq_mat_solve through python-flint when it imports, otherwise a
// small C harness (src/bench/flint_solve.c) compiled here against libflint-dev.
// Both read the systems on stdin and time only the solve call themselves.
// ----------------------------------------------------------------------------

interface PeerResult {
  ms: number;
  reps: number;
  /** the solution as "p/q" strings, or null when the peer reported a singular matrix */
  x: string[] | null;
}

interface FlintPeer {
  label: string;
  solve(n: number, A: Rational[][], b: Rational[], minMs: number, maxReps: number): PeerResult;
}

const PY_FLINT_SCRIPT = `
import sys, time, flint
from fractions import Fraction
data = sys.stdin.read().split()
pos = 0
def nxt():
    global pos
    pos += 1
    return data[pos - 1]
def q(t):
    f = Fraction(t)
    return flint.fmpq(f.numerator, f.denominator)
for _ in range(int(nxt())):
    n = int(nxt()); min_ms = float(nxt()); max_reps = int(nxt())
    A = flint.fmpq_mat(n, n, [q(nxt()) for _ in range(n * n)])
    B = flint.fmpq_mat(n, 1, [q(nxt()) for _ in range(n)])
    times = []; X = None; ok = True
    start = time.perf_counter()
    while not times or (len(times) < max_reps and (time.perf_counter() - start) * 1e3 < min_ms):
        t0 = time.perf_counter_ns()
        try:
            X = A.solve(B)
        except ZeroDivisionError:
            ok = False
        times.append(time.perf_counter_ns() - t0)
    times.sort()
    med = times[len(times) // 2]
    if ok:
        print('ok', med, len(times), ' '.join(str(X[i, 0]) for i in range(n)))
    else:
        print('singular', med, len(times))
    sys.stdout.flush()
`;
import { mulberry32 } from '../util/prng.js';

function peerInput(n: number, A: Rational[][], b: Rational[], minMs: number, maxReps: number): string {
  return `1\n${n} ${minMs} ${maxReps}\n${A.map((r) => r.join(' ')).join('\n')}\n${b.join(' ')}\n`;
}

function parsePeer(out: string): PeerResult {
  const line = out.trim().split('\n').pop() ?? '';
  const [status, ns, reps, ...xs] = line.split(' ');
  if (status !== 'ok' && status !== 'singular') throw new Error(`FLINT peer: unexpected output ${JSON.stringify(line.slice(0, 200))}`);
  return { ms: Number(ns) / 1e6, reps: Number(reps), x: status === 'ok' ? xs : null };
}

const FLINT_HOWTO =
  'FLINT not available: `apt-get install -y libflint-dev` (Debian/Ubuntu; the bench compiles src/bench/flint_solve.c with cc) ' +
  'or `pip install python-flint` for /usr/bin/python3.';

function findFlint(): FlintPeer | string {
  const py = '/usr/bin/python3';
  const probe = spawnSync(py, ['-c', 'import flint; print(flint.__version__)'], { encoding: 'utf8' });
  if (probe.status === 0) {
    return {
      label: `python-flint ${probe.stdout.trim()} fmpq_mat.solve`,
      solve: (n, A, b, minMs, maxReps) => {
        const r = spawnSync(py, ['-c', PY_FLINT_SCRIPT], { input: peerInput(n, A, b, minMs, maxReps), encoding: 'utf8', maxBuffer: 1 << 28 });
        if (r.status !== 0) throw new Error(`python-flint peer failed: ${r.stderr}`);
        return parsePeer(r.stdout);
      },
    };
  }
  const src = fromRoot('src', 'bench', 'flint_solve.c');
  if (!fs.existsSync(src)) return `${FLINT_HOWTO} (harness source ${src} missing)`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-flint-'));
  const exe = path.join(dir, 'flint_solve');
  const cc = spawnSync('cc', ['-O2', src, '-o', exe, '-lflint', '-lgmp'], { encoding: 'utf8' });
  if (cc.status !== 0) {
    const why = cc.error ? String(cc.error.message) : (cc.stderr ?? '').split('\n').find((l) => l.trim()) ?? `exit ${cc.status}`;
    return `${FLINT_HOWTO} (cc -lflint failed: ${why.trim()})`;
  }
  const version = spawnSync('sh', ['-c', "dpkg-query -W -f='${Version}' libflint-dev 2>/dev/null"], { encoding: 'utf8' }).stdout.trim();
  return {
    label: `FLINT ${version || ''} fmpq_mat_solve (C harness src/bench/flint_solve.c, cc -O2)`.replace('  ', ' '),
    solve: (n, A, b, minMs, maxReps) => {
      const r = spawnSync(exe, [], { input: peerInput(n, A, b, minMs, maxReps), encoding: 'utf8', maxBuffer: 1 << 28 });
      if (r.status !== 0) throw new Error(`FLINT harness failed (exit ${r.status}): ${r.stderr}`);
      return parsePeer(r.stdout);
    },
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
};

async function benchSolve(): Promise<void> {
  const math = create(all, { number: 'Fraction' });
  const flint = findFlint();
  console.log('Exact solve A x = b over Q (entries: seeded float32 values in [-1, 1)); the same systems for every solver');
  console.log(`  lemmata: solveVec = p-adic (Dixon) lifting, src/numerics/modular-solve.ts (Bareiss below n = ${MODULAR_SOLVE_MIN_N})`);
  console.log('  Bareiss: QMatrix.solve (fraction-free Bareiss on BigInt, the previous kernel)');
  console.log(`  FLINT  : ${typeof flint === 'string' ? '-' : flint.label}`);
  console.log("  mathjs : create(all, { number: 'Fraction' }).lusolve");
  console.log('  float64 baseline: ml-matrix solve (LU, partial pivoting); its max relative error vs the exact x');
  console.log('  Timings interleaved: 3 rounds over (lemmata, Bareiss, FLINT) per n, median of the round medians; mathjs in round 1.');
  if (typeof flint === 'string') console.log(`  ${flint}`);
  console.log();
  const sizes = [16, 32, 64];
  const cases = sizes.map((n) => {
    const { A, b } = randomSystem(n, 0x1e77a + n);
    return { n, A, b, QA: QMatrix.from(A), B: new QMatrix(n, 1, b.slice()) };
  });
  // warm the JIT on a different system of each size
  for (const n of sizes) {
    const w = randomSystem(n, 0xa11 + n);
    const QW = QMatrix.from(w.A);
    for (let r = 0; r < 3; r++) solveVec(QW, w.b);
    QW.solve(new QMatrix(n, 1, w.b.slice()));
  }
  const t = cases.map(() => ({ ours: [] as number[], bareiss: [] as number[], flint: [] as number[], mathjs: NaN, f64: NaN }));
  const eq = cases.map(() => ({ bareiss: true, flint: null as boolean | null, mathjs: true }));
  let relErr: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (let c = 0; c < cases.length; c++) {
      const { n, A, b, QA, B } = cases[c]!;
      const ours = timeIt(() => solveVec(QA, b), 400, 3, 200);
      t[c]!.ours.push(ours.ms);
      const bar = timeIt(() => QA.solve(B).data, 400, 1, 50);
      t[c]!.bareiss.push(bar.ms);
      if (round === 0) eq[c]!.bareiss = bar.result.every((q, i) => q.eq(ours.result[i]!));
      if (typeof flint !== 'string') {
        const fl = flint.solve(n, A, b, 400, 200);
        t[c]!.flint.push(fl.ms);
        if (round === 0) eq[c]!.flint = fl.x !== null && fl.x.length === n && fl.x.every((s, i) => s === ours.result[i]!.toString());
      }
      if (round === 0) {
        const MA = math.matrix(A.map((row) => row.map((q) => math.fraction(q.num, q.den))));
        const Mb = math.matrix(b.map((q) => [math.fraction(q.num, q.den)]));
        const theirs = timeIt(() => math.lusolve(MA, Mb), n >= 32 ? 1 : 1500, 1, 10);
        t[c]!.mathjs = theirs.ms;
        const theirX = (theirs.result.toArray() as unknown as MathFraction[][]).map(([f]) => Rational.of(f!.s * f!.n, f!.d));
        eq[c]!.mathjs = theirX.length === n && theirX.every((q, i) => q.eq(ours.result[i]!));
        const A64 = new Matrix(A.map((row) => row.map((q) => q.toFloat64())));
        const b64 = Matrix.columnVector(b.map((q) => q.toFloat64()));
        const f64 = timeIt(() => mlSolve(A64, b64), 200, 3, 1000);
        t[c]!.f64 = f64.ms;
        const xs = f64.result.getColumn(0);
        const xInf = Math.max(...ours.result.map((q) => Math.abs(q.toFloat64())));
        relErr[c] = Math.max(...ours.result.map((q, i) => Math.abs(q.sub(Rational.fromFloat64(xs[i]!)).toFloat64()))) / xInf;
      }
    }
  }
  const head = [
    pad('n', 4),
    pad('lemmata ms', 12),
    pad('Bareiss ms', 12),
    pad('FLINT ms', 10),
    pad('mathjs ms', 11),
    pad('lemmata/FLINT', 15),
    pad('Bareiss/FLINT', 15),
    pad('Bareiss/lemmata', 17),
    pad('mathjs/lemmata', 16),
    '  equal (Bareiss, FLINT, mathjs)',
    pad('ml-matrix ms', 14),
    pad('f64 rel err', 13),
  ];
  console.log(head.join(''));
  console.log('-'.repeat(head.join('').length));
  const yn = (v: boolean | null): string => (v === null ? '-' : v ? 'yes' : 'NO');
  for (let c = 0; c < cases.length; c++) {
    const T = t[c]!;
    const ours = median(T.ours);
    const bar = median(T.bareiss);
    const fl = T.flint.length ? median(T.flint) : NaN;
    const ratio = (x: number, y: number): string => (Number.isFinite(x) && Number.isFinite(y) ? `${(x / y).toFixed(2)}x` : '-');
    console.log(
      [
        pad(String(cases[c]!.n), 4),
        pad(fmtMs(ours), 12),
        pad(fmtMs(bar), 12),
        pad(Number.isFinite(fl) ? fmtMs(fl) : '-', 10),
        pad(fmtMs(T.mathjs), 11),
        pad(ratio(ours, fl), 15),
        pad(ratio(bar, fl), 15),
        pad(ratio(bar, ours), 17),
        pad(`${(T.mathjs / ours).toFixed(0)}x`, 16),
        `  ${yn(eq[c]!.bareiss)}, ${yn(eq[c]!.flint)}, ${yn(eq[c]!.mathjs)}`.padEnd(32),
        pad(fmtMs(T.f64), 14),
        pad(relErr[c]!.toExponential(1), 13),
      ].join(''),
    );
  }
  console.log();
}

// ----------------------------------------------------------------------------
// INTERVAL TIER (optional). `src/numerics/interval.ts` is owned by another
// engineer; it is loaded dynamically so this bench builds whether or not it
// exists. We look for an exp enclosure function returning [lo, hi] (or an
// object with lo/hi or inf/sup) under a few plausible names.
// ----------------------------------------------------------------------------
type Enclosure = (x: number) => unknown;

async function benchInterval(): Promise<void> {
  let mod: Record<string, unknown>;
  try {
    const url = new URL('../numerics/interval.js', import.meta.url).href;
    mod = (await import(url)) as Record<string, unknown>;
  } catch {
    console.log('interval tier not available (src/numerics/interval.ts absent or failed to load)');
    return;
  }
  const names = ['expEnclosure', 'encloseExp', 'expInterval', 'exp'];
  const name = names.find((k) => typeof mod[k] === 'function');
  if (!name) {
    console.log(`interval tier not available (no exp enclosure among exports: ${Object.keys(mod).join(', ') || 'none'})`);
    return;
  }
  const fn = mod[name] as Enclosure;
  const N = 1_000_000;
  const rnd = mulberry32(0xe4b);
  const xs = new Float64Array(4096);
  for (let i = 0; i < xs.length; i++) xs[i] = rnd() * 40 - 20;
  let sink = 0;
  const touch = (r: unknown): void => {
    if (Array.isArray(r)) sink += r[0] as number;
    else if (r && typeof r === 'object') sink += ((r as { lo?: number; inf?: number }).lo ?? (r as { inf?: number }).inf ?? 0) as number;
  };
  for (let i = 0; i < 10_000; i++) touch(fn(xs[i & 4095]!)); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < N; i++) touch(fn(xs[i & 4095]!));
  const ms = performance.now() - t0;
  console.log(`Interval tier: exp enclosures, x uniform in [-20, 20), ${N.toExponential(0)} calls`);
  console.log(`${pad('function', 34, true)}${pad('ms', 10)}${pad('enclosures/s', 16)}`);
  console.log(`${pad(`${name}(x) -> pair`, 34, true)}${pad(ms.toFixed(0), 10)}${pad((N / (ms / 1000)).toExponential(3), 16)}`);
  // allocation-free batch variant, if the module has one: (xs, out[2n]) => void
  const batch = mod['expEnclosureBatch'];
  if (typeof batch === 'function') {
    const bf = batch as (xs: Float64Array, out: Float64Array) => void;
    const out = new Float64Array(2 * xs.length);
    const reps = Math.ceil(N / xs.length);
    bf(xs, out); // warm-up
    const t1 = performance.now();
    for (let r = 0; r < reps; r++) {
      bf(xs, out);
      sink += out[0]!;
    }
    const msB = performance.now() - t1;
    const calls = reps * xs.length;
    console.log(`${pad('expEnclosureBatch(Float64Array)', 34, true)}${pad(msB.toFixed(0), 10)}${pad((calls / (msB / 1000)).toExponential(3), 16)}`);
  }
  if (Number.isNaN(sink)) console.log('(sink NaN)');
}

async function main(): Promise<void> {
  const t0 = performance.now();
  await benchSolve();
  await benchInterval();
  console.log();
  console.log(`total bench time ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

await main();
