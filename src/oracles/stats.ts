/**
 * Exact oracles for estimator identities (seed 000_1c190711b4cfcedd.txt, §1.1 and §1.3.1).
 * Distributions are finite with rational probabilities; every expectation is an exact sum.
 */
import { Rational } from '../numerics/rational.js';

/** A finite distribution: P(X = values[i]) = probs[i]; probs are ≥ 0 and sum to 1. */
export interface FiniteDist { values: Rational[]; probs: Rational[] }

export function checkDist(d: FiniteDist): void {
  if (d.values.length !== d.probs.length || d.values.length === 0) throw new RangeError('bad distribution shape');
  if (d.probs.some((p) => p.sign() < 0)) throw new RangeError('negative probability');
  if (!Rational.sum(d.probs).eq(Rational.ONE)) throw new RangeError('probabilities do not sum to 1');
}

/** E[f(X)] exactly. */
export function expectation(d: FiniteDist, f: (x: Rational) => Rational = (x) => x): Rational {
  let s = Rational.ZERO;
  for (let i = 0; i < d.values.length; i++) s = s.add(d.probs[i]!.mul(f(d.values[i]!)));
  return s;
}

/**
 * The three sides of MSE = Var + Bias² computed independently from their definitions (000:42–50):
 * MSE = E[(θ̂ − θ)²], Var = E[(θ̂ − Eθ̂)²], Bias = Eθ̂ − θ.
 */
export function mseParts(estimator: FiniteDist, theta: Rational): { mse: Rational; variance: Rational; bias: Rational } {
  const mean = expectation(estimator);
  return {
    mse: expectation(estimator, (x) => x.sub(theta).pow(2)),
    variance: expectation(estimator, (x) => x.sub(mean).pow(2)),
    bias: mean.sub(theta),
  };
}

/** Σ(x_i − x̄)² / (n − correction), exactly. */
export function sampleVariance(xs: Rational[], correction: 0 | 1): Rational {
  const n = xs.length;
  if (n - correction <= 0) throw new RangeError('need n > correction');
  const mean = Rational.sum(xs).div(Rational.fromInt(n));
  return Rational.sum(xs.map((x) => x.sub(mean).pow(2))).div(Rational.fromInt(n - correction));
}

/**
 * The exact sampling distribution of a statistic of n i.i.d. draws from `pop`, by enumerating all
 * |pop|ⁿ ordered samples (each with probability Π p_{i_k}). Guarded against blow-up.
 */
export function samplingDistribution(pop: FiniteDist, n: number, stat: (xs: Rational[]) => Rational): FiniteDist {
  const k = pop.values.length;
  if (k ** n > 200_000) throw new RangeError(`enumeration too large: ${k}^${n}`);
  const values: Rational[] = [];
  const probs: Rational[] = [];
  const idx = new Array<number>(n).fill(0);
  for (;;) {
    values.push(stat(idx.map((i) => pop.values[i]!)));
    probs.push(idx.reduce((p, i) => p.mul(pop.probs[i]!), Rational.ONE));
    let j = n - 1;
    while (j >= 0 && idx[j] === k - 1) idx[j--] = 0;
    if (j < 0) break;
    idx[j]!++;
  }
  return { values, probs };
}

/** Var(X) for X ~ pop. */
export function populationVariance(pop: FiniteDist): Rational {
  const m = expectation(pop);
  return expectation(pop, (x) => x.sub(m).pow(2));
}
