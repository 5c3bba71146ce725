/**
 * Exact dense matrices over ℚ.
 *
 * Linear algebra (determinant, rank, solve, inverse) is done *fraction-free*:
 * each row is first multiplied by the lcm of its denominators, giving an
 * integer matrix, and then Bareiss's one-step fraction-free Gaussian
 * elimination (E. H. Bareiss, "Sylvester's identity and multistep
 * integer-preserving Gaussian elimination", Math. Comp. 22 (1968) 565–578) is
 * run on BigInts:
 *
 * $$ a^{(k+1)}_{ij} = \frac{a^{(k)}_{kk} a^{(k)}_{ij} - a^{(k)}_{ik} a^{(k)}_{kj}}{a^{(k-1)}_{k-1,k-1}}, \qquad a^{(-1)}_{-1,-1} = 1, $$
 *
 * where every division is exact (Sylvester's identity: each `a^{(k)}_{ij}` is a
 * (k+1)×(k+1) minor of the input), so intermediate sizes stay polynomial
 * (Hadamard-bounded) and there are no gcds in the inner loop. The last pivot is
 * the determinant (up to the sign of the row permutation).
 *
 * Solving `A X = B`: eliminate on `[A | B]`, giving an upper-triangular integer
 * system `U X = C` with `U_{n−1,n−1} = ±det`. With `Y = d X` (`d = U_{n−1,n−1}`),
 * `Y` is an integer matrix (Cramer), and back substitution
 * `U_{ii} Y_{ij} = d C_{ij} − Σ_{k>i} U_{ik} Y_{kj}` again divides exactly. Only
 * at the very end is each `Y_{ij}/d` normalised to a {@link Rational}.
 */

import { Rational, gcd } from './rational.js';
import { MODULAR_SOLVE_MIN_N, solveModular } from './modular-solve.js';

type Entry = Rational | number;

function toRational(x: Entry): Rational {
  return typeof x === 'number' ? Rational.fromFloat64(x) : x;
}

/** lcm of the denominators of `xs[from..to)`. */
function lcmDen(xs: readonly Rational[], from: number, to: number, start = 1n): bigint {
  let L = start;
  for (let i = from; i < to; i++) {
    const d = xs[i]!.den;
    if (d === 1n || d === L) continue;
    if (L === 1n) {
      L = d;
      continue;
    }
    if (L % d === 0n) continue;
    L = (L / gcd(L, d)) * d;
  }
  return L;
}

/** `p/q` normalised, for q ≠ 0 (sign of q arbitrary). */
function ratio(p: bigint, q: bigint): Rational {
  if (p === 0n) return Rational.ZERO;
  if (q < 0n) {
    p = -p;
    q = -q;
  }
  if (q === 1n) return Rational.unchecked(p, 1n);
  const g = gcd(p, q);
  return g === 1n ? Rational.unchecked(p, q) : Rational.unchecked(p / g, q / g);
}

interface Echelon {
  /** the eliminated integer matrix (rows of BigInt) */
  M: bigint[][];
  /** pivot column of each pivot row, in order */
  pivCols: number[];
  /** +1 or −1: sign of the row permutation */
  sign: 1 | -1;
}

/**
 * In-place fraction-free (Bareiss) row echelon form of the integer matrix `M`,
 * looking for pivots only in columns `< pivotCols`. Columns without a nonzero
 * candidate are skipped (so it also computes rank); all divisions are exact.
 * If `stopAtSingular`, returns `null` as soon as a column has no pivot.
 */
function bareiss(M: bigint[][], pivotCols: number, stopAtSingular: boolean): Echelon | null {
  const rows = M.length;
  const cols = rows === 0 ? 0 : M[0]!.length;
  let prev = 1n;
  let r = 0;
  let sign: 1 | -1 = 1;
  const pivCols: number[] = [];
  for (let c = 0; c < pivotCols && r < rows; c++) {
    // pivot: the nonzero entry of smallest bit size keeps products small
    let best = -1;
    let bestSize = Infinity;
    for (let i = r; i < rows; i++) {
      const v = M[i]![c]!;
      if (v !== 0n) {
        const a = v < 0n ? -v : v;
        const size = a < 0x20000000000000n ? Math.log2(Number(a)) : a.toString(16).length * 4;
        if (size < bestSize) {
          best = i;
          bestSize = size;
          if (a === 1n) break;
        }
      }
    }
    if (best < 0) {
      if (stopAtSingular) return null;
      continue;
    }
    if (best !== r) {
      const t = M[best]!;
      M[best] = M[r]!;
      M[r] = t;
      sign = sign === 1 ? -1 : 1;
    }
    const P = M[r]!;
    const p = P[c]!;
    for (let i = r + 1; i < rows; i++) {
      const Ri = M[i]!;
      const f = Ri[c]!;
      if (f === 0n) {
        if (p === prev) continue; // (p·x − 0)/prev = x
        if (prev === 1n) {
          for (let j = c + 1; j < cols; j++) Ri[j] = Ri[j]! * p;
        } else {
          for (let j = c + 1; j < cols; j++) {
            const x = Ri[j]!;
            if (x !== 0n) Ri[j] = (x * p) / prev;
          }
        }
      } else if (prev === 1n) {
        for (let j = c + 1; j < cols; j++) Ri[j] = Ri[j]! * p - f * P[j]!;
      } else {
        for (let j = c + 1; j < cols; j++) Ri[j] = (Ri[j]! * p - f * P[j]!) / prev;
      }
      Ri[c] = 0n;
    }
    pivCols.push(c);
    prev = p;
    r++;
  }
  return { M, pivCols, sign };
}

export class QMatrix {
  readonly rows: number;
  readonly cols: number;
  /** row-major, length rows·cols */
  readonly data: Rational[];

  /** Wraps `data` (row-major, not copied). Prefer {@link QMatrix.from}. */
  constructor(rows: number, cols: number, data: Rational[]) {
    if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || rows < 0 || cols < 0) {
      throw new RangeError(`QMatrix: bad shape ${rows}×${cols}`);
    }
    if (data.length !== rows * cols) {
      throw new RangeError(`QMatrix: data length ${data.length} ≠ ${rows}·${cols}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /** From nested rows; JS numbers are converted exactly (`Rational.fromFloat64`). */
  static from(rows: readonly (readonly Entry[])[]): QMatrix {
    const r = rows.length;
    const c = r === 0 ? 0 : rows[0]!.length;
    const data: Rational[] = new Array(r * c);
    for (let i = 0; i < r; i++) {
      const row = rows[i]!;
      if (row.length !== c) throw new RangeError(`QMatrix.from: ragged rows (row ${i} has ${row.length}, expected ${c})`);
      for (let j = 0; j < c; j++) data[i * c + j] = toRational(row[j]!);
    }
    return new QMatrix(r, c, data);
  }

  static identity(n: number): QMatrix {
    const m = QMatrix.zeros(n, n);
    for (let i = 0; i < n; i++) m.data[i * n + i] = Rational.ONE;
    return m;
  }

  static zeros(r: number, c: number): QMatrix {
    return new QMatrix(r, c, new Array<Rational>(r * c).fill(Rational.ZERO));
  }

  get(i: number, j: number): Rational {
    if (!(i >= 0 && i < this.rows && j >= 0 && j < this.cols && Number.isInteger(i) && Number.isInteger(j))) {
      throw new RangeError(`QMatrix.get: (${i}, ${j}) out of range for ${this.rows}×${this.cols}`);
    }
    return this.data[i * this.cols + j]!;
  }

  toArray(): Rational[][] {
    const out: Rational[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(this.data.slice(i * this.cols, (i + 1) * this.cols));
    return out;
  }

  /** Exact equality (same shape, equal entries). */
  equals(B: QMatrix): boolean {
    if (this.rows !== B.rows || this.cols !== B.cols) return false;
    for (let k = 0; k < this.data.length; k++) if (!this.data[k]!.eq(B.data[k]!)) return false;
    return true;
  }

  toString(): string {
    return `[${this.toArray()
      .map((r) => `[${r.join(', ')}]`)
      .join(', ')}]`;
  }

  // ---------------------------------------------------------------- arithmetic

  /**
   * Product. Rows of A are scaled by the lcm of their denominators and columns
   * of B likewise, so each entry is one integer dot product and one
   * normalisation: `(AB)_{ij} = (Σ_k Ã_{ik} B̃_{kj}) / (L_i M_j)`.
   */
  mul(B: QMatrix): QMatrix {
    if (this.cols !== B.rows) throw new RangeError(`QMatrix.mul: ${this.rows}×${this.cols} · ${B.rows}×${B.cols}`);
    const n = this.rows;
    const K = this.cols;
    const m = B.cols;
    const A = this.data;
    const Ai: bigint[][] = [];
    const LA: bigint[] = [];
    for (let i = 0; i < n; i++) {
      const L = lcmDen(A, i * K, (i + 1) * K);
      LA.push(L);
      const row: bigint[] = new Array(K);
      for (let k = 0; k < K; k++) {
        const q = A[i * K + k]!;
        row[k] = q.den === L ? q.num : q.num * (L / q.den);
      }
      Ai.push(row);
    }
    const Bj: bigint[][] = [];
    const LB: bigint[] = [];
    for (let j = 0; j < m; j++) {
      let L = 1n;
      for (let k = 0; k < K; k++) {
        const d = B.data[k * m + j]!.den;
        if (d !== 1n && L % d !== 0n) L = (L / gcd(L, d)) * d;
      }
      LB.push(L);
      const col: bigint[] = new Array(K);
      for (let k = 0; k < K; k++) {
        const q = B.data[k * m + j]!;
        col[k] = q.den === L ? q.num : q.num * (L / q.den);
      }
      Bj.push(col);
    }
    const out: Rational[] = new Array(n * m);
    for (let i = 0; i < n; i++) {
      const a = Ai[i]!;
      for (let j = 0; j < m; j++) {
        const b = Bj[j]!;
        let s = 0n;
        for (let k = 0; k < K; k++) {
          const x = a[k]!;
          if (x !== 0n) s += x * b[k]!;
        }
        out[i * m + j] = ratio(s, LA[i]! * LB[j]!);
      }
    }
    return new QMatrix(n, m, out);
  }

  add(B: QMatrix): QMatrix {
    this.sameShape(B, 'add');
    return new QMatrix(this.rows, this.cols, this.data.map((x, k) => x.add(B.data[k]!)));
  }

  sub(B: QMatrix): QMatrix {
    this.sameShape(B, 'sub');
    return new QMatrix(this.rows, this.cols, this.data.map((x, k) => x.sub(B.data[k]!)));
  }

  scale(q: Rational | number): QMatrix {
    const s = toRational(q);
    return new QMatrix(this.rows, this.cols, this.data.map((x) => x.mul(s)));
  }

  transpose(): QMatrix {
    const r = this.rows;
    const c = this.cols;
    const out: Rational[] = new Array(r * c);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = this.data[i * c + j]!;
    return new QMatrix(c, r, out);
  }

  private sameShape(B: QMatrix, op: string): void {
    if (this.rows !== B.rows || this.cols !== B.cols) {
      throw new RangeError(`QMatrix.${op}: shapes ${this.rows}×${this.cols} and ${B.rows}×${B.cols}`);
    }
  }

  // ---------------------------------------------------------------- fraction-free core

  /**
   * Integer rows of `[this | extra]`, each scaled by the lcm of its
   * denominators (positive), together with the product of the scalings of the
   * `this` part if requested.
   */
  private integerRows(extra?: QMatrix): { M: bigint[][]; scales: bigint[] } {
    const n = this.rows;
    const c = this.cols;
    const m = extra ? extra.cols : 0;
    const M: bigint[][] = [];
    const scales: bigint[] = [];
    for (let i = 0; i < n; i++) {
      let L = lcmDen(this.data, i * c, (i + 1) * c);
      if (extra) L = lcmDen(extra.data, i * m, (i + 1) * m, L);
      scales.push(L);
      const row: bigint[] = new Array(c + m);
      for (let j = 0; j < c; j++) {
        const q = this.data[i * c + j]!;
        row[j] = q.den === L ? q.num : q.num * (L / q.den);
      }
      for (let j = 0; j < m; j++) {
        const q = extra!.data[i * m + j]!;
        row[c + j] = q.den === L ? q.num : q.num * (L / q.den);
      }
      M.push(row);
    }
    return { M, scales };
  }

  /** Determinant (exact, Bareiss). `det` of the 0×0 matrix is 1. @throws RangeError if not square. */
  det(): Rational {
    this.requireSquare('det');
    const n = this.rows;
    if (n === 0) return Rational.ONE;
    const { M, scales } = this.integerRows();
    const e = bareiss(M, n, true);
    if (e === null) return Rational.ZERO;
    let d = e.M[n - 1]![n - 1]!;
    if (e.sign < 0) d = -d;
    let s = 1n;
    for (const L of scales) s *= L;
    return ratio(d, s);
  }

  /** Rank (exact, fraction-free echelon form). */
  rank(): number {
    if (this.rows === 0 || this.cols === 0) return 0;
    const { M } = this.integerRows();
    return bareiss(M, this.cols, false)!.pivCols.length;
  }

  /**
   * The unique `X` with `A X = B` (A square, B with A.rows rows).
   * @throws RangeError if A is singular or the shapes mismatch.
   */
  solve(B: QMatrix): QMatrix {
    this.requireSquare('solve');
    const n = this.rows;
    if (B.rows !== n) throw new RangeError(`QMatrix.solve: A is ${n}×${n} but B has ${B.rows} rows`);
    const m = B.cols;
    if (n === 0) return new QMatrix(0, m, []);
    const { M } = this.integerRows(B);
    const e = bareiss(M, n, true);
    if (e === null) throw new RangeError('QMatrix.solve: matrix is singular');
    const U = e.M;
    const d = U[n - 1]![n - 1]!; // ±det of the scaled matrix, nonzero
    // Y = d·X is integral; back substitution with exact divisions
    const Y: bigint[][] = new Array(n);
    for (let i = n - 1; i >= 0; i--) {
      const Ui = U[i]!;
      const uii = Ui[i]!;
      const yi: bigint[] = new Array(m);
      for (let j = 0; j < m; j++) {
        let s = d * Ui[n + j]!;
        for (let k = i + 1; k < n; k++) {
          const u = Ui[k]!;
          if (u !== 0n) s -= u * Y[k]![j]!;
        }
        yi[j] = i === n - 1 ? Ui[n + j]! : s / uii;
      }
      Y[i] = yi;
    }
    const out: Rational[] = new Array(n * m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[i * m + j] = ratio(Y[i]![j]!, d);
    return new QMatrix(n, m, out);
  }

  /** `A⁻¹`. @throws RangeError if singular or not square. */
  inverse(): QMatrix {
    this.requireSquare('inverse');
    return this.solve(QMatrix.identity(this.rows));
  }

  /** `‖A‖∞ = max_i Σ_j |a_ij|` (max row sum of absolute values; 0 for an empty matrix). */
  normInf(): Rational {
    let best = Rational.ZERO;
    for (let i = 0; i < this.rows; i++) {
      let s = Rational.ZERO;
      for (let j = 0; j < this.cols; j++) s = s.add(this.data[i * this.cols + j]!.abs());
      if (s.gt(best)) best = s;
    }
    return best;
  }

  /**
   * `κ∞(A) = ‖A‖∞ ‖A⁻¹‖∞`, exactly.
   * @throws RangeError if A is singular (κ = ∞) or not square.
   */
  condInf(): Rational {
    return this.normInf().mul(this.inverse().normInf());
  }

  private requireSquare(op: string): void {
    if (this.rows !== this.cols) throw new RangeError(`QMatrix.${op}: matrix is ${this.rows}×${this.cols}, not square`);
  }
}

/**
 * Solve `A x = b` exactly for a vector `b`. From order {@link MODULAR_SOLVE_MIN_N} on, by
 * p-adic lifting ({@link solveModular}, same exact result); below it, or when `A` is singular
 * modulo the lifting primes, by Bareiss ({@link QMatrix.solve}), which decides singularity.
 * @throws RangeError if A is singular (`QMatrix.solve: matrix is singular`) or the shapes mismatch.
 */
export function solveVec(A: QMatrix, b: readonly Rational[]): Rational[] {
  if (A.rows === A.cols && A.rows >= MODULAR_SOLVE_MIN_N && b.length === A.rows) {
    const x = solveModular(A.rows, A.data, b);
    if (x) return x;
  }
  return A.solve(new QMatrix(b.length, 1, b.slice())).data;
}
