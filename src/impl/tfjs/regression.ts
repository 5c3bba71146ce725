import type { TF } from './types.js';

export interface RidgeArgs { X: number[][]; y: number[]; lambda: number }

const f = Math.fround;

/**
 * `reg.ridge-solve`: w = (XᵀX + λI)⁻¹Xᵀy.
 * TensorFlow.js has no linear solver (tf.linalg offers qr, gramSchmidt and bandPart), so the
 * normal equations A = XᵀX + λI and b = Xᵀy are formed with tfjs (float32 matMul) and solved by
 * Gaussian elimination with partial pivoting in float32 arithmetic (every operation rounded with
 * Math.fround), the textbook backward-stable method (Higham, ch. 9).
 */
export function ridgeSolve(tf: TF, args: RidgeArgs): number[] {
  const m = args.X.length;
  const n = m > 0 ? args.X[0]!.length : 0;
  if (n === 0) return [];
  const [A, b] = tf.tidy(() => {
    const X = tf.tensor2d(args.X, [m, n], 'float32');
    const y = tf.tensor2d(args.y, [m, 1], 'float32');
    const A = tf.add(tf.matMul(X, X, true, false), tf.mul(tf.eye(n), tf.scalar(args.lambda, 'float32')));
    const b = tf.matMul(X, y, true, false);
    return [A.arraySync() as number[][], (b.arraySync() as number[][]).map((r) => r[0]!)];
  });
  return solveGepp(A, b);
}

function solveGepp(A0: number[][], b0: number[]): number[] {
  const n = b0.length;
  const A = A0.map((r) => r.map(f));
  const b = b0.map(f);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(A[i]![k]!) > Math.abs(A[p]![k]!)) p = i;
    if (A[p]![k] === 0) throw new Error('singular matrix');
    [A[k], A[p]] = [A[p]!, A[k]!];
    [b[k], b[p]] = [b[p]!, b[k]!];
    for (let i = k + 1; i < n; i++) {
      const l = f(A[i]![k]! / A[k]![k]!);
      for (let j = k + 1; j < n; j++) A[i]![j] = f(A[i]![j]! - f(l * A[k]![j]!));
      b[i] = f(b[i]! - f(l * b[k]!));
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < n; j++) s = f(s - f(A[i]![j]! * x[j]!));
    x[i] = f(s / A[i]![i]!);
  }
  return x;
}

/** The ops of this domain in the built-in implementation. */
export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'reg.ridge-solve': (a: RidgeArgs) => ridgeSolve(tf, a),
  };
}
