import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../../src/numerics/rational.js';
import { QMatrix, solveVec } from '../../src/numerics/matrix.js';

const R = Rational;
const SEED = 4242;
const opts = (numRuns = 100) => ({ seed: SEED, numRuns });

/** Entries: small p/q (q ≤ 12), dyadics m/2^k, or float32-like values; zero is common. */
const entry = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 12 })).map(([p, q]) => R.of(p, q)) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: -(2 ** 24), max: 2 ** 24 }), fc.integer({ min: 0, max: 30 })).map(([m, k]) => R.of(BigInt(m), 2n ** BigInt(k))) },
  { weight: 1, arbitrary: fc.constant(R.ZERO) },
);
const matrix = (r: number, c: number) =>
  fc.array(entry, { minLength: r * c, maxLength: r * c }).map((d) => new QMatrix(r, c, d));
const square = fc.integer({ min: 1, max: 6 }).chain((n) => matrix(n, n));
const squarePair = fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(matrix(n, n), matrix(n, n)));
const invertible = square.filter((A) => !A.det().isZero());

/** Reference multiplication straight from the definition. */
function naiveMul(A: QMatrix, B: QMatrix): QMatrix {
  const out: Rational[] = [];
  for (let i = 0; i < A.rows; i++)
    for (let j = 0; j < B.cols; j++) {
      let s = R.ZERO;
      for (let k = 0; k < A.cols; k++) s = s.add(A.get(i, k).mul(B.get(k, j)));
      out.push(s);
    }
  return new QMatrix(A.rows, B.cols, out);
}

/** Reference determinant: Leibniz formula over all permutations (n ≤ 5). */
function leibnizDet(A: QMatrix): Rational {
  const n = A.rows;
  let total = R.ZERO;
  const perm = [...Array(n).keys()];
  const rec = (k: number, sign: number): void => {
    if (k === n) {
      let p = R.ONE;
      for (let i = 0; i < n; i++) p = p.mul(A.get(i, perm[i]!));
      total = sign > 0 ? total.add(p) : total.sub(p);
      return;
    }
    for (let i = k; i < n; i++) {
      [perm[k], perm[i]] = [perm[i]!, perm[k]!];
      rec(k + 1, i === k ? sign : -sign);
      [perm[k], perm[i]] = [perm[i]!, perm[k]!];
    }
  };
  rec(0, 1);
  return total;
}

describe('construction and elementwise ops', () => {
  test('from / get / toArray / identity / zeros', () => {
    const A = QMatrix.from([
      [1, 0.5],
      [R.of(1, 3), -2],
    ]);
    expect(A.rows).toBe(2);
    expect(A.cols).toBe(2);
    expect(A.get(0, 1).toString()).toBe('1/2');
    expect(A.get(1, 0).toString()).toBe('1/3');
    expect(A.toArray().map((r) => r.map(String))).toEqual([
      ['1', '1/2'],
      ['1/3', '-2'],
    ]);
    expect(() => A.get(2, 0)).toThrow(RangeError);
    expect(() => QMatrix.from([[1, 2], [3]])).toThrow(RangeError);
    expect(QMatrix.from([[0.1]]).get(0, 0).eq(R.fromFloat64(0.1))).toBe(true);
    expect(QMatrix.identity(3).toString()).toBe('[[1, 0, 0], [0, 1, 0], [0, 0, 1]]');
    expect(QMatrix.zeros(2, 3).data.every((q) => q.isZero())).toBe(true);
  });

  test('add / sub / scale / transpose', () => {
    fc.assert(
      fc.property(matrix(3, 4), matrix(3, 4), entry, (A, B, s) => {
        const C = A.add(B);
        return (
          C.sub(B).equals(A) &&
          A.sub(A).equals(QMatrix.zeros(3, 4)) &&
          C.scale(s).equals(A.scale(s).add(B.scale(s))) &&
          A.transpose().transpose().equals(A) &&
          A.transpose().get(2, 1).eq(A.get(1, 2))
        );
      }),
      opts(),
    );
    expect(() => QMatrix.zeros(2, 2).add(QMatrix.zeros(2, 3))).toThrow(RangeError);
  });

  test('mul agrees with the definition; (AB)ᵀ = BᵀAᵀ', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).chain(([r, k, c]) =>
          fc.tuple(matrix(r, k), matrix(k, c)),
        ),
        ([A, B]) => {
          const P = A.mul(B);
          return P.equals(naiveMul(A, B)) && P.transpose().equals(B.transpose().mul(A.transpose()));
        },
      ),
      opts(),
    );
    expect(() => QMatrix.zeros(2, 3).mul(QMatrix.zeros(2, 3))).toThrow(RangeError);
  });
});

describe('determinant', () => {
  test('hand examples', () => {
    expect(QMatrix.from([[1, 2], [3, 4]]).det().toString()).toBe('-2');
    expect(QMatrix.from([[0, 1], [1, 0]]).det().toString()).toBe('-1'); // needs a row swap
    expect(QMatrix.from([[R.of(1, 2), 3], [2, 5]]).det().toString()).toBe('-7/2');
    expect(QMatrix.from([[2, 0, 0], [0, 3, 0], [0, 0, R.of(1, 6)]]).det().eq(R.ONE)).toBe(true);
    expect(QMatrix.from([[1, 2], [2, 4]]).det().isZero()).toBe(true);
    expect(new QMatrix(0, 0, []).det().eq(R.ONE)).toBe(true);
    expect(() => QMatrix.zeros(2, 3).det()).toThrow(RangeError);
  });

  test('agrees with the Leibniz formula', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((n) => matrix(n, n)), (A) => A.det().eq(leibnizDet(A))),
      opts(150),
    );
  });

  test('det(AB) = det A · det B, det Aᵀ = det A', () => {
    fc.assert(
      fc.property(squarePair, ([A, B]) => A.mul(B).det().eq(A.det().mul(B.det())) && A.transpose().det().eq(A.det())),
      opts(),
    );
  });
});

describe('solve / inverse', () => {
  test('A · A⁻¹ = A⁻¹ · A = I', () => {
    fc.assert(
      fc.property(invertible, (A) => {
        const I = QMatrix.identity(A.rows);
        const X = A.inverse();
        return A.mul(X).equals(I) && X.mul(A).equals(I) && X.det().eq(A.det().inv());
      }),
      opts(),
    );
  });

  test('A · solve(A, B) = B and solveVec', () => {
    fc.assert(
      fc.property(
        invertible.chain((A) => fc.tuple(fc.constant(A), matrix(A.rows, 3), fc.array(entry, { minLength: A.rows, maxLength: A.rows }))),
        ([A, B, b]) => {
          const X = A.solve(B);
          const x = solveVec(A, b);
          const Ax = A.mul(new QMatrix(b.length, 1, x));
          return A.mul(X).equals(B) && Ax.data.every((q, i) => q.eq(b[i]!));
        },
      ),
      opts(),
    );
  });

  test('hand example and rows needing swaps', () => {
    const A = QMatrix.from([[R.of(1, 2), 3], [2, 5]]);
    expect(solveVec(A, [R.ONE, R.of(2)]).map(String)).toEqual(['2/7', '2/7']);
    const P = QMatrix.from([[0, 0, 2], [0, 3, 0], [4, 0, 0]]);
    expect(solveVec(P, [R.of(2), R.of(3), R.of(4)]).map(String)).toEqual(['1', '1', '1']);
    expect(P.inverse().toString()).toBe('[[0, 0, 1/4], [0, 1/3, 0], [1/2, 0, 0]]');
  });

  test('singular matrices are detected', () => {
    const S = QMatrix.from([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(S.det().isZero()).toBe(true);
    expect(S.rank()).toBe(2);
    expect(() => S.inverse()).toThrow(RangeError);
    expect(() => solveVec(S, [R.ONE, R.ONE, R.ONE])).toThrow(RangeError);
    expect(() => S.condInf()).toThrow(RangeError);
    expect(() => QMatrix.zeros(3, 3).inverse()).toThrow(RangeError);
    // random singular: last row a combination of the others
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }).chain((n) => fc.tuple(matrix(n - 1, n), fc.array(entry, { minLength: n - 1, maxLength: n - 1 }))), ([T, c]) => {
        const last = new QMatrix(1, T.rows, c).mul(T);
        const A = new QMatrix(T.cols, T.cols, [...T.data, ...last.data]);
        if (!A.det().isZero()) return false;
        try {
          A.inverse();
          return false;
        } catch (e) {
          return e instanceof RangeError;
        }
      }),
      opts(),
    );
  });
});

describe('rank', () => {
  test('hand examples', () => {
    expect(QMatrix.zeros(3, 4).rank()).toBe(0);
    expect(QMatrix.identity(4).rank()).toBe(4);
    expect(QMatrix.from([[0, 1, 2], [0, 2, 4]]).rank()).toBe(1);
    expect(QMatrix.from([[0, 0, 1], [0, 0, 2], [1, 0, 0]]).rank()).toBe(2); // pivot column skipping
    expect(QMatrix.from([[1, 2], [3, 4], [5, 6]]).rank()).toBe(2);
  });

  test('rank of a constructed rank-k product, scrambled by invertible matrices', () => {
    // M = L · [I_k ; X] · [I_k | Y] · Rt has rank exactly k when L, Rt are invertible
    const gen = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }))
      .filter(([r, c, k]) => k <= Math.min(r, c))
      .chain(([r, c, k]) => fc.tuple(fc.constant(k), matrix(r - k, k), matrix(k, c - k), matrix(r, r), matrix(c, c)));
    fc.assert(
      fc.property(gen, ([k, X, Y, L, Rt]) => {
        if (L.det().isZero() || Rt.det().isZero()) return true;
        const r = X.rows + k;
        const c = Y.cols + k;
        const U = QMatrix.zeros(r, k);
        const V = QMatrix.zeros(k, c);
        for (let i = 0; i < k; i++) {
          U.data[i * k + i] = R.ONE;
          V.data[i * c + i] = R.ONE;
        }
        for (let i = 0; i < X.rows; i++) for (let j = 0; j < k; j++) U.data[(k + i) * k + j] = X.get(i, j);
        for (let i = 0; i < k; i++) for (let j = 0; j < Y.cols; j++) V.data[i * c + k + j] = Y.get(i, j);
        const M = k === 0 ? QMatrix.zeros(r, c) : L.mul(U.mul(V)).mul(Rt);
        return M.rank() === k && M.transpose().rank() === k;
      }),
      opts(150),
    );
  });
});

describe('norms and condition number', () => {
  test('hand example [[1,2],[3,4]]', () => {
    const A = QMatrix.from([[1, 2], [3, 4]]);
    expect(A.normInf().toString()).toBe('7');
    expect(A.inverse().toString()).toBe('[[-2, 1], [3/2, -1/2]]');
    expect(A.inverse().normInf().toString()).toBe('3');
    expect(A.condInf().toString()).toBe('21');
  });

  test('normInf of a rational matrix; condInf ≥ 1', () => {
    expect(QMatrix.from([[R.of(-1, 2), R.of(1, 3)], [0, R.of(-1, 7)]]).normInf().toString()).toBe('5/6');
    fc.assert(fc.property(invertible, (A) => A.condInf().ge(R.ONE)), opts(60));
  });
});

describe('larger systems (speed and exactness)', () => {
  test('n = 24 float32-valued system solves exactly', () => {
    // deterministic LCG entries, float32 values in [-1, 1)
    let s = 12345;
    const rnd = (): number => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s / 4294967296;
    };
    const n = 24;
    const A = QMatrix.from(Array.from({ length: n }, () => Array.from({ length: n }, () => Math.fround(rnd() * 2 - 1))));
    const b = Array.from({ length: n }, () => R.fromFloat32(Math.fround(rnd() * 2 - 1)));
    const x = solveVec(A, b);
    const Ax = A.mul(new QMatrix(n, 1, x)).data;
    expect(Ax.every((q, i) => q.eq(b[i]!))).toBe(true);
    expect(A.mul(A.inverse()).equals(QMatrix.identity(n))).toBe(true);
  });
});
