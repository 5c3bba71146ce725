/**
 * lemmata benchmark: the rigorous oracles of the big ops against a plain float64 evaluation of the
 * same input, both measured in this run (issue 12, part 1). Per op and size it prints the plain
 * time, the oracle's time (the tier the gate uses: fast compensated tier at these sizes), their
 * ratio, and the reference tier's time and ratio (at the largest sizes only with `--all`: minutes).
 *
 * Run with `node dist/bench/oracles.js` (after `npm run build`). Seeded float32 inputs; wall-clock
 * minima after a warm-up; the machine's load shows in the absolute times, less in the ratios.
 */

import { performance } from 'node:perf_hooks';
import { sdpaEnclosure, sdpaEnclosureReference, sdpaEncloseArrays } from '../oracles/attention.js';
import { layerNormEnclosure, layerNormEnclosureReference, layerNormEncloseInto } from '../oracles/normalisation.js';
import { softmaxEnclosure, softmaxEnclosureReference } from '../oracles/softmax.js';
import { softmaxInto } from '../numerics/fast-enclose.js';
import { compareLayerNorm } from '../properties/norm.layernorm.js';
import { ridgeEnclosureFast } from '../numerics/verified-solve.js';
import { ridgePrimal } from '../oracles/regression.js';
import { QMatrix } from '../numerics/matrix.js';
import { Rational } from '../numerics/rational.js';
import { mulberry32 } from '../util/prng.js';


/** rows × cols float32 values, uniform in [−scale, scale). */
function matrix(rows: number, cols: number, scale: number, seed: number): number[][] {
  const rnd = mulberry32(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.fround((rnd() * 2 - 1) * scale)));
}

/**
 * Minimum wall time (ms) of `fn` after one warm-up call, repeating until `budgetMs` is spent (at
 * least `minReps`, at most `maxReps`). The minimum, not the median: on a shared, loaded machine it
 * is the least disturbed measurement of both sides.
 */
function timeIt(fn: () => unknown, budgetMs: number, minReps = 3, maxReps = 200): number {
  fn();
  let best = Infinity;
  let reps = 0;
  const start = performance.now();
  while (reps < minReps || (reps < maxReps && performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
    reps++;
  }
  return best;
}

// ---------------------------------------------------------------------------
// Plain float64 evaluations (the same inputs, number[][] in and out, straightforward loops)
// ---------------------------------------------------------------------------

function sdpaPlain(q: number[][], k: number[][], v: number[][], causal: boolean): number[][] {
  const T = q.length, S = k.length, d = q[0]!.length, e = v[0]!.length;
  const scale = 1 / Math.sqrt(d);
  const out: number[][] = [];
  const sc = new Float64Array(S);
  for (let t = 0; t < T; t++) {
    const n = causal ? Math.min(t + 1, S) : S;
    const qt = q[t]!;
    let m = -Infinity;
    for (let s = 0; s < n; s++) {
      const ks = k[s]!;
      let acc = 0;
      for (let i = 0; i < d; i++) acc += qt[i]! * ks[i]!;
      sc[s] = acc * scale;
      if (sc[s]! > m) m = sc[s]!;
    }
    let sum = 0;
    for (let s = 0; s < n; s++) { sc[s] = Math.exp(sc[s]! - m); sum += sc[s]!; }
    const row = new Array<number>(e).fill(0);
    for (let s = 0; s < n; s++) {
      const p = sc[s]! / sum, vs = v[s]!;
      for (let c = 0; c < e; c++) row[c] += p * vs[c]!;
    }
    out.push(row);
  }
  return out;
}

function layerNormPlain(x: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  return x.map((r) => {
    const D = r.length;
    let s = 0;
    for (let i = 0; i < D; i++) s += r[i]!;
    const mu = s / D;
    let ss = 0;
    for (let i = 0; i < D; i++) { const dv = r[i]! - mu; ss += dv * dv; }
    const inv = 1 / Math.sqrt(ss / D + eps);
    const y = new Array<number>(D);
    for (let i = 0; i < D; i++) y[i] = (r[i]! - mu) * inv * gamma[i]! + beta[i]!;
    return y;
  });
}

function softmaxPlain(x: number[]): number[] {
  let m = -Infinity;
  for (const v of x) if (v > m) m = v;
  const y = new Array<number>(x.length);
  let s = 0;
  for (let i = 0; i < x.length; i++) { y[i] = Math.exp(x[i]! - m); s += y[i]!; }
  for (let i = 0; i < x.length; i++) y[i] = y[i]! / s;
  return y;
}

/** Ridge by the normal equations and Cholesky, float64. */
function ridgePlain(X: number[][], y: number[], lambda: number): Float64Array {
  const m = X.length, n = X[0]!.length;
  const A = new Float64Array(n * n), b = new Float64Array(n);
  for (let k = 0; k < m; k++) {
    const xk = X[k]!, yk = y[k]!;
    for (let i = 0; i < n; i++) {
      const v = xk[i]!;
      b[i] += v * yk;
      for (let j = i; j < n; j++) A[i * n + j] += v * xk[j]!;
    }
  }
  for (let i = 0; i < n; i++) { A[i * n + i] += lambda; for (let j = 0; j < i; j++) A[i * n + j] = A[j * n + i]!; }
  for (let j = 0; j < n; j++) {
    let d = A[j * n + j]!;
    for (let k = 0; k < j; k++) d -= A[j * n + k]! * A[j * n + k]!;
    const l = Math.sqrt(d);
    A[j * n + j] = l;
    for (let i = j + 1; i < n; i++) { let s = A[i * n + j]!; for (let k = 0; k < j; k++) s -= A[i * n + k]! * A[j * n + k]!; A[i * n + j] = s / l; }
  }
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) { let s = b[i]!; for (let k = 0; k < i; k++) s -= A[i * n + k]! * w[k]!; w[i] = s / A[i * n + i]!; }
  for (let i = n - 1; i >= 0; i--) { let s = w[i]!; for (let k = i + 1; k < n; k++) s -= A[k * n + i]! * w[k]!; w[i] = s / A[i * n + i]!; }
  return w;
}

// ---------------------------------------------------------------------------

interface Row { op: string; size: string; plain: number; core: number; oracle: number; ref?: number }

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(3);
}

function main(): void {
  const all = process.argv.includes('--all');
  const rows: Row[] = [];
  const budget = 1500;

  for (const T of [64, 128, 512]) {
    const d = 128, e = 128;
    const q = matrix(T, d, 1, 11 + T), k = matrix(T, d, 1, 12 + T), v = matrix(T, e, 4, 13 + T);
    const plain = timeIt(() => sdpaPlain(q, k, v, false), budget);
    const core = timeIt(() => sdpaEncloseArrays(q, k, v, false), budget);
    const oracle = timeIt(() => sdpaEnclosure(q, k, v, false), budget);
    const ref = T < 512 || all ? timeIt(() => sdpaEnclosureReference(q, k, v, false), T >= 128 ? 1 : budget, 1, T >= 128 ? 1 : 20) : undefined;
    rows.push({ op: 'attn.sdpa', size: `T = S = ${T}, d = e = ${d}`, plain, core, oracle, ref });
  }
  for (const [N, D] of [[64, 768], [64, 4096]] as const) {
    const x = matrix(N, D, 2, 21 + D).map((r) => r.map((v) => Math.fround(v + 0.5)));
    const g = matrix(1, D, 1, 22 + D)[0]!, b = matrix(1, D, 1, 23 + D)[0]!;
    const eps = Math.fround(1e-5);
    const plain = timeIt(() => layerNormPlain(x, g, b, eps), budget);
    const core = timeIt(() => {
      const lo = new Float64Array(N * D), hi = new Float64Array(N * D);
      x.forEach((r, i) => layerNormEncloseInto(r, g, b, eps, lo, hi, i * D));
    }, budget);
    // what the property's check runs per input: the enclosure, both bound tiers and the comparison
    const y = layerNormPlain(x, g, b, eps);
    const gate = { name: 'bench', dtype: 'float64' as const, notes: [], ops: {} };
    const oracle = timeIt(() => { if (!compareLayerNorm({ x, gamma: g, beta: b, eps }, y, gate).ok) throw new Error('bench: plain layer norm outside its bound'); }, budget);
    void layerNormEnclosure;
    const ref = D < 4096 || all ? timeIt(() => x.map((r) => layerNormEnclosureReference(r, g, b, eps)), 1, 1, 1) : undefined;
    rows.push({ op: 'norm.layernorm', size: `N × D = ${N} × ${D}`, plain, core, oracle, ref });
  }
  for (const n of [1024, 32768]) {
    const x = matrix(1, n, 8, 31 + n)[0]!;
    const plain = timeIt(() => softmaxPlain(x), budget);
    const core = timeIt(() => softmaxInto(x, null, n, new Float64Array(n), new Float64Array(n)), budget);
    const oracle = timeIt(() => softmaxEnclosure(x), budget);
    const ref = timeIt(() => softmaxEnclosureReference(x), budget);
    rows.push({ op: 'nn.softmax', size: `n = ${n}`, plain, core, oracle, ref });
  }

  for (const [m, n] of [[128, 16], [512, 64]] as const) {
    const X = matrix(m, n, 1, 41 + m), y = matrix(1, m, 1, 42 + m)[0]!;
    const lambda = Math.fround(0.1);
    const plain = timeIt(() => ridgePlain(X, y, lambda), budget);
    const core = timeIt(() => { if (!ridgeEnclosureFast(X, y, lambda)) throw new Error('bench: ridge not verified'); }, budget);
    const ref = timeIt(() => ridgePrimal(QMatrix.from(X.map((r) => r.map((v) => Rational.fromFloat64(v)))), y.map((v) => Rational.fromFloat64(v)), Rational.fromFloat64(lambda)), 1, 1, 1);
    rows.push({ op: 'reg.ridge-solve', size: `m × n = ${m} × ${n}`, plain, core, oracle: core, ref });
  }

  console.log('Rigorous oracles vs a plain float64 evaluation of the same input, measured in this run');
  console.log('(minimum of repeated runs after a warm-up, in ms; ratios = time / plain; "fast core" = the fast tier on typed arrays, "oracle" = the');
  console.log('oracle function the properties call, which also builds one Interval object per entry (for norm.layernorm: the whole');
  console.log('check of one input: enclosure, both bound tiers and the comparison, on typed arrays; for reg.ridge-solve the verified');
  console.log('binary64 enclosure of src/numerics/verified-solve.ts, against the normal equations + Cholesky); "reference" = the');
  console.log('previous tier, still used below the size thresholds; –: skipped, run with --all)');
  console.log('');
  console.log('| op | size | plain float64 | fast core | ratio | oracle | ratio | reference | ratio |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const refCols = r.ref === undefined ? '– | –' : `${fmt(r.ref)} | ${(r.ref / r.plain).toFixed(1)}×`;
    console.log(`| ${r.op} | ${r.size} | ${fmt(r.plain)} | ${fmt(r.core)} | ${(r.core / r.plain).toFixed(1)}× | ${fmt(r.oracle)} | ${(r.oracle / r.plain).toFixed(1)}× | ${refCols} |`);
  }
}

main();
