/**
 * lemmata benchmark: exact linear solves (BigInt Bareiss vs mathjs Fraction
 * lusolve) on identical seeded inputs, with ml-matrix's float64 LU solve as the
 * floating-point baseline (time and its error against the exact solution), plus
 * the fast interval tier's throughput when that module is present.
 *
 * Run with `npm run bench`. Deterministic inputs; wall-clock timings only.
 */

import { performance } from 'node:perf_hooks';
import { all, create } from 'mathjs';
import { Matrix, solve as mlSolve } from 'ml-matrix';
import { Rational } from '../numerics/rational.js';
import { QMatrix, solveVec } from '../numerics/matrix.js';

/** mulberry32: tiny seeded PRNG returning uniform doubles in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

async function benchSolve(): Promise<void> {
  const math = create(all, { number: 'Fraction' });
  console.log('Exact solve A x = b over Q (entries: seeded float32 values in [-1, 1))');
  console.log('  lemmata: QMatrix / solveVec (fraction-free Bareiss on BigInt)');
  console.log("  mathjs : create(all, { number: 'Fraction' }).lusolve");
  console.log('  float64 baseline: ml-matrix solve (LU, partial pivoting); its max relative error vs the exact x');
  console.log();
  const head = [pad('n', 4), pad('lemmata ms', 12), pad('reps', 6), pad('mathjs ms', 12), pad('reps', 6), pad('ratio', 9), '  equal', pad('ml-matrix ms', 14), pad('f64 rel err', 13)];
  console.log(head.join(''));
  console.log('-'.repeat(head.join('').length + 2));
  for (const n of [8, 16, 32]) {
    const { A, b } = randomSystem(n, 0x1e77a + n);
    const QA = QMatrix.from(A);
    const ours = timeIt(() => solveVec(QA, b), 1500, 3);
    const MA = math.matrix(A.map((row) => row.map((q) => math.fraction(q.num, q.den))));
    const Mb = math.matrix(b.map((q) => [math.fraction(q.num, q.den)]));
    const theirs = timeIt(() => math.lusolve(MA, Mb), n >= 32 ? 4000 : 2000, 1, 20);
    const theirX = (theirs.result.toArray() as unknown as MathFraction[][]).map(([f]) => Rational.of(f!.s * f!.n, f!.d));
    const equal = theirX.length === n && theirX.every((q, i) => q.eq(ours.result[i]!));
    const A64 = new Matrix(A.map((row) => row.map((q) => q.toFloat64())));
    const b64 = Matrix.columnVector(b.map((q) => q.toFloat64()));
    const f64 = timeIt(() => mlSolve(A64, b64), 300, 3, 1000);
    const xs = f64.result.getColumn(0);
    const xInf = Math.max(...ours.result.map((q) => Math.abs(q.toFloat64())));
    const relErr = Math.max(...ours.result.map((q, i) => Math.abs(q.sub(Rational.fromFloat64(xs[i]!)).toFloat64()))) / xInf;
    console.log(
      [
        pad(String(n), 4),
        pad(fmtMs(ours.ms), 12),
        pad(String(ours.reps), 6),
        pad(fmtMs(theirs.ms), 12),
        pad(String(theirs.reps), 6),
        pad(`${(theirs.ms / ours.ms).toFixed(1)}x`, 9),
        `  equal: ${equal ? 'yes' : 'NO'}`,
        pad(fmtMs(f64.ms), 9),
        pad(relErr.toExponential(1), 13),
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
