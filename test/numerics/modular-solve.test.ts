/**
 * The p-adic (Dixon) solver equals fraction-free Bareiss exactly, on seeded
 * random systems of many kinds: dense float32, small integers (often singular),
 * rank-deficient, Hilbert-like (exact rationals and float32-rounded), near-singular
 * float32, wide exponent ranges (integers far beyond 2^53 after row scaling),
 * sparse, zero right-hand sides, general rationals; n from 1 to 40.
 */
import { describe, expect, test } from 'vitest';
import { Rational } from '../../src/numerics/rational.js';
import { QMatrix, solveVec } from '../../src/numerics/matrix.js';
import {
  DIXON_PRIMES,
  MODULAR_SOLVE_MIN_N,
  lastModularSolveStats,
  rationalReconstruct,
  solveModular,
} from '../../src/numerics/modular-solve.js';
import { mulberry32 } from '../../src/util/prng.js';

const R = Rational;


interface System {
  kind: string;
  n: number;
  A: Rational[];
  b: Rational[];
}

type Gen = (n: number, rnd: () => number) => { A: Rational[]; b: Rational[] };

const int = (rnd: () => number, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const f32 = (rnd: () => number): Rational => R.fromFloat32(Math.fround(rnd() * 2 - 1));
const vec = (len: number, f: () => Rational): Rational[] => Array.from({ length: len }, f);

/** `row_t := Σ c_s row_s` over a few other rows (exact), making A singular when n ≥ 2. */
function makeDependent(A: Rational[], n: number, rnd: () => number): void {
  const t = int(rnd, 0, n - 1);
  const others = [...Array(n).keys()].filter((i) => i !== t);
  const k = Math.min(others.length, int(rnd, 1, 3));
  const coef = others.slice(0, k).map(() => R.of(int(rnd, -3, 3) || 1, int(rnd, 1, 4)));
  for (let j = 0; j < n; j++) {
    let s = R.ZERO;
    for (let u = 0; u < k; u++) s = s.add(coef[u]!.mul(A[others[u]! * n + j]!));
    A[t * n + j] = s;
  }
}

const GENS: Record<string, Gen> = {
  float32: (n, rnd) => ({ A: vec(n * n, () => f32(rnd)), b: vec(n, () => f32(rnd)) }),
  smallInt: (n, rnd) => ({ A: vec(n * n, () => R.fromInt(int(rnd, -3, 3))), b: vec(n, () => R.fromInt(int(rnd, -5, 5))) }),
  rankDeficient: (n, rnd) => {
    const A = vec(n * n, () => f32(rnd));
    if (n >= 2) makeDependent(A, n, rnd);
    else A[0] = R.ZERO;
    return { A, b: vec(n, () => f32(rnd)) };
  },
  rankDeficientInt: (n, rnd) => {
    const A = vec(n * n, () => R.fromInt(int(rnd, -9, 9)));
    if (n >= 2) makeDependent(A, n, rnd);
    else A[0] = R.ZERO;
    return { A, b: vec(n, () => R.fromInt(int(rnd, -9, 9))) };
  },
  hilbertExact: (n, rnd) => {
    const s = int(rnd, 1, 5);
    const A: Rational[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A.push(R.of(s, i + j + 1));
    return { A, b: vec(n, () => R.of(int(rnd, -7, 7), int(rnd, 1, 9))) };
  },
  hilbertFloat32: (n, rnd) => {
    const e = 2 ** int(rnd, -20, 20);
    const A: Rational[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A.push(R.fromFloat32(Math.fround(e / (i + j + 1))));
    return { A, b: vec(n, () => f32(rnd)) };
  },
  nearSingularFloat32: (n, rnd) => {
    // a singular float32 matrix (a row = sum of two others, rounded to float32) nudged by one ulp
    const a = Array.from({ length: n * n }, () => Math.fround(rnd() * 2 - 1));
    if (n >= 3) {
      const [t, u, v] = [0, 1, 2];
      for (let j = 0; j < n; j++) a[t * n + j] = Math.fround(a[u * n + j]! + a[v * n + j]!);
      const j = int(rnd, 0, n - 1);
      const x = a[t * n + j]!;
      a[t * n + j] = Math.fround(x + (x === 0 ? 2 ** -149 : Math.abs(x) * 2 ** -23));
    }
    return { A: a.map((x) => R.fromFloat32(x)), b: vec(n, () => f32(rnd)) };
  },
  wideExponent: (n, rnd) => {
    const w = (): Rational => {
      const m = int(rnd, -(2 ** 24), 2 ** 24);
      const e = int(rnd, -70, 70);
      return R.fromFloat64(m * 2 ** e);
    };
    return { A: vec(n * n, w), b: vec(n, w) };
  },
  hugeExponent: (n, rnd) => {
    // rows spanning 2^±1000 (integers of thousands of bits after scaling)
    const w = (): Rational => R.fromFloat64((rnd() * 2 - 1) * 2 ** int(rnd, -1000, 1000));
    return { A: vec(n * n, w), b: vec(n, w) };
  },
  sparse: (n, rnd) => {
    const A = vec(n * n, () => (rnd() < 0.75 ? R.ZERO : f32(rnd)));
    for (let i = 0; i < n; i++) if (rnd() < 0.8) A[i * n + ((i * 7 + 3) % n)] = f32(rnd);
    return { A, b: vec(n, () => (rnd() < 0.5 ? R.ZERO : f32(rnd))) };
  },
  zeroRhs: (n, rnd) => ({ A: vec(n * n, () => f32(rnd)), b: vec(n, () => R.ZERO) }),
  permutation: (n, rnd) => {
    const perm = [...Array(n).keys()].sort(() => rnd() - 0.5);
    const A = vec(n * n, () => R.ZERO);
    for (let i = 0; i < n; i++) A[i * n + perm[i]!] = R.fromInt(rnd() < 0.5 ? -1 : 1);
    return { A, b: vec(n, () => f32(rnd)) };
  },
  rationals: (n, rnd) => {
    const q = (): Rational => R.of(int(rnd, -50, 50), int(rnd, 1, 30));
    return { A: vec(n * n, q), b: vec(n, q) };
  },
  negativeDiagDominant: (n, rnd) => {
    const A = vec(n * n, () => f32(rnd));
    for (let i = 0; i < n; i++) A[i * n + i] = R.fromInt(-n - int(rnd, 0, 5));
    return { A, b: vec(n, () => f32(rnd).neg()) };
  },
};

/** Sizes: mostly small (Bareiss, the reference, costs O(n⁴) bits), some up to 40. */
function systems(): System[] {
  const out: System[] = [];
  const kinds = Object.keys(GENS);
  const rnd = mulberry32(0x5eed12);
  let id = 0;
  for (let k = 0; k < 1100; k++) {
    const kind = kinds[k % kinds.length]!;
    const u = rnd();
    const n = u < 0.55 ? int(rnd, 1, 6) : u < 0.9 ? int(rnd, 7, 14) : u < 0.985 ? int(rnd, 15, 24) : int(rnd, 25, 40);
    const nn = kind === 'hugeExponent' ? Math.min(n, 4) : kind === 'wideExponent' ? Math.min(n, 16) : n;
    const { A, b } = GENS[kind]!(nn, mulberry32(0x1000 + id++));
    out.push({ kind, n: nn, A, b });
  }
  // a fixed tail of larger dense systems
  for (const n of [30, 36, 40]) for (const kind of ['float32', 'rankDeficient', 'nearSingularFloat32', 'hilbertFloat32']) {
    const { A, b } = GENS[kind]!(n, mulberry32(0x2000 + id++));
    out.push({ kind, n, A, b });
  }
  return out;
}

function bareiss(s: System): Rational[] | 'singular' {
  try {
    return new QMatrix(s.n, s.n, s.A.slice()).solve(new QMatrix(s.n, 1, s.b.slice())).data;
  } catch (e) {
    if (e instanceof RangeError && e.message === 'QMatrix.solve: matrix is singular') return 'singular';
    throw e;
  }
}

const same = (x: Rational[], y: Rational[]): boolean => x.length === y.length && x.every((q, i) => q.num === y[i]!.num && q.den === y[i]!.den);

describe('solveModular equals Bareiss', () => {
  const all = systems();

  test('at least 1,000 seeded systems of every kind, with singular ones among them', () => {
    expect(all.length).toBeGreaterThanOrEqual(1000);
    let singular = 0;
    let solved = 0;
    let early = 0;
    const byKind = new Map<string, { singular: number; solved: number }>();
    let maxN = 0;
    for (const s of all) {
      const ref = bareiss(s);
      const x = solveModular(s.n, s.A, s.b, { maxEntryBits: Infinity });
      if (lastModularSolveStats()!.earlyExit) early++;
      const k = byKind.get(s.kind) ?? { singular: 0, solved: 0 };
      if (ref === 'singular') {
        // singular ⇒ singular modulo every prime
        expect(x, `${s.kind} n=${s.n}`).toBeNull();
        singular++;
        k.singular++;
      } else {
        expect(x, `${s.kind} n=${s.n}: null for a nonsingular system`).not.toBeNull();
        expect(same(x!, ref), `${s.kind} n=${s.n}`).toBe(true);
        solved++;
        k.solved++;
      }
      byKind.set(s.kind, k);
      maxN = Math.max(maxN, s.n);
    }
    expect(maxN).toBe(40);
    expect(early).toBeGreaterThan(40);
    expect(early).toBeLessThan(solved);
    expect(singular).toBeGreaterThan(100);
    expect(solved).toBeGreaterThan(700);
    for (const kind of ['rankDeficient', 'rankDeficientInt']) expect(byKind.get(kind)!.solved).toBe(0);
    for (const kind of ['float32', 'hilbertExact', 'hilbertFloat32', 'nearSingularFloat32', 'wideExponent', 'hugeExponent']) {
      expect(byKind.get(kind)!.solved, kind).toBeGreaterThan(50);
    }
  });

  test('solveVec routes through the modular solver above the crossover and keeps the singular error', () => {
    let routed = 0;
    for (const s of all.filter((t) => t.n >= MODULAR_SOLVE_MIN_N).slice(0, 60)) {
      const ref = bareiss(s);
      const A = new QMatrix(s.n, s.n, s.A.slice());
      if (ref === 'singular') {
        expect(() => solveVec(A, s.b)).toThrow(new RangeError('QMatrix.solve: matrix is singular'));
      } else {
        expect(same(solveVec(A, s.b), ref)).toBe(true);
        routed++;
      }
    }
    expect(routed).toBeGreaterThan(20);
  });

  test('other Dixon primes give the same solutions', () => {
    const rnd = mulberry32(77);
    for (let t = 0; t < 40; t++) {
      const n = int(rnd, 1, 12);
      const { A, b } = GENS['float32']!(n, mulberry32(900 + t));
      const s = { kind: 'float32', n, A, b };
      const ref = bareiss(s);
      if (ref === 'singular') continue;
      const x = solveModular(n, A, b, { primeOffset: 1 + (t % (DIXON_PRIMES.length - 1)) });
      expect(lastModularSolveStats()!.p).toBe(DIXON_PRIMES[1 + (t % (DIXON_PRIMES.length - 1))]);
      expect(same(x!, ref)).toBe(true);
    }
  });

  test('a determinant divisible by the first prime: that prime is rejected, the next one solves', () => {
    const p = DIXON_PRIMES[0]!;
    const n = 14;
    const rnd = mulberry32(4);
    const A = vec(n * n, () => R.fromInt(int(rnd, -4, 4)));
    // make row 0 ≡ row 1 (mod p): row0 := row1 + p·e_0, so det ≡ 0 (mod p) and det ≠ 0 (generically)
    for (let j = 0; j < n; j++) A[j] = A[n + j]!.add(j === 0 ? R.fromInt(p) : R.ZERO);
    const b = vec(n, () => R.fromInt(int(rnd, -9, 9)));
    const ref = bareiss({ kind: 'x', n, A, b });
    expect(ref).not.toBe('singular');
    const x = solveModular(n, A, b);
    expect(lastModularSolveStats()!.rejectedPrimes).toBe(1);
    expect(same(x!, ref as Rational[])).toBe(true);
  });

  test('a determinant divisible by all three tried primes: null, and solveVec falls back to Bareiss', () => {
    const [p0, p1, p2] = DIXON_PRIMES as [number, number, number];
    const n = MODULAR_SOLVE_MIN_N + 2;
    const rnd = mulberry32(5);
    const A = vec(n * n, () => f32(rnd));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] = i === j ? R.fromInt(i === 0 ? p0 * p1 : i === 1 ? p2 : 1) : i < j ? A[i * n + j]! : R.ZERO;
    const b = vec(n, () => f32(rnd));
    expect(solveModular(n, A, b)).toBeNull();
    const ref = bareiss({ kind: 'x', n, A, b }) as Rational[];
    expect(same(solveVec(new QMatrix(n, n, A), b), ref)).toBe(true);
  });

  test('wide entries are declined (null, outcome declined-wide) and solveVec solves them by Bareiss', () => {
    const n = MODULAR_SOLVE_MIN_N;
    const { A, b } = GENS['hugeExponent']!(n, mulberry32(6));
    expect(solveModular(n, A, b)).toBeNull();
    expect(lastModularSolveStats()!.outcome).toBe('declined-wide');
    const ref = bareiss({ kind: 'x', n, A, b });
    if (ref === 'singular') throw new Error('unexpected');
    expect(same(solveVec(new QMatrix(n, n, A), b), ref)).toBe(true);
  });

  test('output-sensitive exit: a Gram + λI system stops early (verified exactly), a dense float32 one lifts to the Hadamard bound', () => {
    const rnd = mulberry32(11);
    const m = 24;
    const k = 4;
    const X = vec(m * k, () => f32(rnd));
    const lam = R.of(1, 10);
    const A: Rational[] = [];
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        let g = i === j ? lam : R.ZERO;
        for (let t = 0; t < k; t++) g = g.add(X[i * k + t]!.mul(X[j * k + t]!));
        A.push(g);
      }
    const b = vec(m, () => f32(rnd));
    const ref = bareiss({ kind: 'gram', n: m, A, b }) as Rational[];
    const x = solveModular(m, A, b)!;
    const st = lastModularSolveStats()!;
    expect(st.earlyExit).toBe(true);
    expect(st.steps * Math.log2(st.p)).toBeLessThan((st.boundBits!.num + st.boundBits!.den) / 2);
    expect(same(x, ref)).toBe(true);
    const dense = GENS['float32']!(24, mulberry32(12));
    const xd = solveModular(24, dense.A, dense.b)!;
    expect(lastModularSolveStats()!.earlyExit).toBe(false);
    expect(same(xd, bareiss({ kind: 'float32', n: 24, ...dense }) as Rational[])).toBe(true);
  });

  test('shape errors and the empty system', () => {
    expect(solveModular(0, [], [])).toEqual([]);
    expect(() => solveModular(2, [R.ONE], [R.ONE, R.ONE])).toThrow(RangeError);
  });
});

describe('rationalReconstruct', () => {
  test('recovers a/b from a·b⁻¹ mod M when M > 2ND, and the Lehmer path agrees on large moduli', () => {
    const rnd = mulberry32(31);
    const M = 1_000_000_007n ** 40n; // ~1200 bits, forces Lehmer batches
    for (let t = 0; t < 200; t++) {
      const bits = int(rnd, 1, 590);
      const rbig = (k: number): bigint => {
        let v = 1n;
        while (v.toString(2).length < k) v = (v << 30n) | BigInt(Math.floor(rnd() * 2 ** 30));
        return v >> BigInt(Math.max(0, v.toString(2).length - k));
      };
      const a = rbig(bits) * (rnd() < 0.5 ? -1n : 1n);
      let den = rbig(int(rnd, 1, 590));
      if (den % 1_000_000_007n === 0n) den += 1n;
      const N = 1n << 590n;
      const D = 1n << 590n;
      // u = a · den⁻¹ mod M
      const inv = (x: bigint, m: bigint): bigint => {
        let [r0, r1, s0, s1] = [m, ((x % m) + m) % m, 0n, 1n];
        while (r1 !== 0n) {
          const q = r0 / r1;
          [r0, r1] = [r1, r0 - q * r1];
          [s0, s1] = [s1, s0 - q * s1];
        }
        return ((s0 % m) + m) % m;
      };
      const u = (((a % M) + M) * inv(den, M)) % M;
      const rr = rationalReconstruct(u, M, N, D);
      expect(rr).not.toBeNull();
      const got = R.of(rr![0], rr![1]);
      expect(got.eq(R.of(a, den))).toBe(true);
    }
  });
});
