/**
 * Exact oracles of the alignment domain (Alignment: REINFORCE, reward models, KL penalties, DPO).
 * Imports src/numerics only.
 *
 * - softplus(x) = log(1 + e^x) = −log σ(−x), enclosed with the high-precision tier (src/numerics/precise.ts);
 * - the pairwise (Bradley–Terry) reward-model loss −mean log σ(r_w − r_l);
 * - the DPO loss −mean log σ(β[(π_w − ρ_w) − (π_l − ρ_l)]) on sequence log-probabilities and its exact
 *   gradient with respect to the policy log-probabilities;
 * - REINFORCE on a finite outcome space with a rational policy p_θ(s) = θ_s/Σθ (exact gradients);
 * - the KL-penalised reward R(s) = RM(s) − β log(p(s)/p_ref(s)) and its expectation.
 */
import { Rational } from '../numerics/rational.js';
import { expR, logR, sigmoidR, type RBounds } from '../numerics/precise.js';

export const ALIGN_BITS = 80;
const R1 = Rational.ONE;

const fromF = (x: number) => Rational.fromFloat64(x);

/** log(1 + y) for y ≥ 0 enclosed from an enclosure of y (log is increasing). */
function log1pOf(y: RBounds, bits: number): RBounds {
  return { lo: logR(R1.add(y.lo), bits).lo, hi: logR(R1.add(y.hi), bits).hi };
}

/** softplus(x) = log(1 + e^x), enclosed; x = 0 gives log 2. For x > 0: x + log(1 + e^{−x}). */
export function softplusR(x: Rational, bits = ALIGN_BITS): RBounds {
  if (x.sign() <= 0) {
    if (x.lt(Rational.fromInt(-1000))) {
      // 0 < log(1+y) ≤ y = e^x < 2^{-1000}
      return { lo: Rational.ZERO, hi: Rational.of(1n, 1n << 1000n) };
    }
    return log1pOf(expR(x, bits + 8), bits);
  }
  const t = softplusR(x.neg(), bits);
  return { lo: x.add(t.lo), hi: x.add(t.hi) };
}

const mean = (bs: readonly RBounds[]): RBounds => {
  const n = Rational.fromInt(bs.length);
  return { lo: Rational.sum(bs.map((b) => b.lo)).div(n), hi: Rational.sum(bs.map((b) => b.hi)).div(n) };
};

/** Pairwise reward-model loss: mean_i −log σ(c_i − r_i) = mean_i softplus(r_i − c_i); terms and mean. */
export function rewardPairwiseLoss(chosen: readonly number[], rejected: readonly number[], bits = ALIGN_BITS): { loss: RBounds; terms: RBounds[]; margins: Rational[] } {
  if (chosen.length !== rejected.length || chosen.length === 0) throw new RangeError('reward-pairwise: need n ≥ 1 pairs of equal length');
  const margins = chosen.map((c, i) => fromF(c).sub(fromF(rejected[i]!)));
  const terms = margins.map((m) => softplusR(m.neg(), bits));
  return { loss: mean(terms), terms, margins };
}

export interface DpoArgs {
  policyChosen: readonly number[];
  policyRejected: readonly number[];
  refChosen: readonly number[];
  refRejected: readonly number[];
  beta: number;
}

/**
 * DPO (Rafailov et al. 2023): h_i = β[(π_w − ρ_w) − (π_l − ρ_l)] (exact), loss = mean_i softplus(−h_i),
 * ∂loss/∂π_w,i = −(β/n)·σ(−h_i), ∂loss/∂π_l,i = +(β/n)·σ(−h_i).
 */
export function dpoExact(a: DpoArgs, bits = ALIGN_BITS): { h: Rational[]; loss: RBounds; terms: RBounds[]; gradChosen: RBounds[]; gradRejected: RBounds[] } {
  const n = a.policyChosen.length;
  if (n === 0 || a.policyRejected.length !== n || a.refChosen.length !== n || a.refRejected.length !== n) throw new RangeError('dpo: need n ≥ 1 and four arrays of length n');
  const beta = fromF(a.beta);
  const h = a.policyChosen.map((pc, i) => beta.mul(fromF(pc).sub(fromF(a.refChosen[i]!)).sub(fromF(a.policyRejected[i]!).sub(fromF(a.refRejected[i]!)))));
  const terms = h.map((v) => softplusR(v.neg(), bits));
  const k = beta.div(Rational.fromInt(n));
  const sig = h.map((v) => sigmoidR(v.neg(), bits));
  // k·σ with k of either sign: order the ends
  const scaled = (s: RBounds, c: Rational): RBounds => {
    const x = s.lo.mul(c), y = s.hi.mul(c);
    return x.le(y) ? { lo: x, hi: y } : { lo: y, hi: x };
  };
  return {
    h, loss: mean(terms), terms,
    gradChosen: sig.map((s) => scaled(s, k.neg())),
    gradRejected: sig.map((s) => scaled(s, k)),
  };
}

// ----------------------------------------------------------------------------- REINFORCE

/** The rational policy p_θ(s) = θ_s / Σ_t θ_t (θ_s > 0). */
export function ratioPolicy(theta: readonly Rational[]): Rational[] {
  const z = Rational.sum(theta);
  return theta.map((t) => t.div(z));
}

/** ∇_θ E_{s∼p_θ}[R(s)] by the quotient rule on E = Σ R_s θ_s / Σ θ: ∂E/∂θ_k = (R_k Σθ − Σ R θ)/(Σθ)². */
export function expectedRewardGradient(theta: readonly Rational[], R: readonly Rational[]): Rational[] {
  const z = Rational.sum(theta);
  const rt = Rational.sum(theta.map((t, i) => t.mul(R[i]!)));
  return theta.map((_, k) => R[k]!.mul(z).sub(rt).div(z.mul(z)));
}

/** ∇_θk log p_θ(s) = δ_sk/θ_s − 1/Σθ. */
export function scoreFunction(theta: readonly Rational[], s: number): Rational[] {
  const z = Rational.sum(theta);
  return theta.map((t, k) => (k === s ? R1.div(t) : Rational.ZERO).sub(R1.div(z)));
}

/** E_{s∼p_θ}[R(s) ∇ log p_θ(s)] (the log-derivative trick), exactly. */
export function scoreFunctionGradient(theta: readonly Rational[], R: readonly Rational[]): Rational[] {
  const p = ratioPolicy(theta);
  const g = theta.map(() => Rational.ZERO);
  for (let s = 0; s < theta.length; s++) {
    const sf = scoreFunction(theta, s);
    for (let k = 0; k < theta.length; k++) g[k] = g[k]!.add(p[s]!.mul(R[s]!).mul(sf[k]!));
  }
  return g;
}

/**
 * The expectation of the m-sample REINFORCE estimator (1/m) Σ_i R(s_i) ∇ log p_θ(s_i), s_i i.i.d. from
 * p_θ, by enumerating all |S|^m sample tuples (exact).
 */
export function reinforceEstimatorMean(theta: readonly Rational[], R: readonly Rational[], m: number): Rational[] {
  const S = theta.length;
  const p = ratioPolicy(theta);
  const sfs = theta.map((_, s) => scoreFunction(theta, s));
  const acc = theta.map(() => Rational.ZERO);
  const idx = new Array<number>(m).fill(0);
  const total = S ** m;
  for (let c = 0; c < total; c++) {
    let r = c;
    for (let i = 0; i < m; i++) { idx[i] = r % S; r = Math.floor(r / S); }
    let w = R1;
    for (const s of idx) w = w.mul(p[s]!);
    for (let k = 0; k < S; k++) {
      let est = Rational.ZERO;
      for (const s of idx) est = est.add(R[s]!.mul(sfs[s]![k]!));
      acc[k] = acc[k]!.add(w.mul(est).div(Rational.fromInt(m)));
    }
  }
  return acc;
}

// ----------------------------------------------------------------------------- KL penalty

/**
 * The KL-penalised reward R(s) = RM(s) − β log(p(s)/p_ref(s)) per outcome, and its expectation under p,
 * which equals E_p[RM] − β·KL(p‖p_ref).
 */
export function klPenalisedReward(rm: readonly Rational[], p: readonly Rational[], pref: readonly Rational[], beta: Rational, bits = ALIGN_BITS): { perOutcome: RBounds[]; expected: RBounds; kl: RBounds; expectedRm: Rational } {
  const perOutcome = rm.map((r, i) => {
    const l = logR(p[i]!.div(pref[i]!), bits);
    const a = r.sub(beta.mul(l.hi)), b = r.sub(beta.mul(l.lo));
    return a.le(b) ? { lo: a, hi: b } : { lo: b, hi: a };
  });
  const expected = { lo: Rational.sum(perOutcome.map((v, i) => p[i]!.mul(v.lo))), hi: Rational.sum(perOutcome.map((v, i) => p[i]!.mul(v.hi))) };
  const klTerms = p.map((pi, i) => (pi.isZero() ? { lo: Rational.ZERO, hi: Rational.ZERO } : (() => { const l = logR(pi.div(pref[i]!), bits); return { lo: pi.mul(l.lo), hi: pi.mul(l.hi) }; })()));
  const kl = { lo: Rational.sum(klTerms.map((t) => t.lo)), hi: Rational.sum(klTerms.map((t) => t.hi)) };
  const expectedRm = Rational.sum(rm.map((r, i) => r.mul(p[i]!)));
  return { perOutcome, expected, kl, expectedRm };
}
