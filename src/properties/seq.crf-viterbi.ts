/**
 * seq.crf-viterbi — Viterbi returns a best path (tie-aware); the forward algorithm gives log Z.
 * Seed 004_975819c312b074f9.txt, line 1040: "the CRF layer does **not** simply pick the highest-scoring tag for each word. … This is done using the **Viterbi algorithm**."
 */

/** Scores k/8 with small k make exact ties frequent; generic float32 scores cover the rest. */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { type CrfArgs, pathScore, pathAbsSum, termCount, maxPathAbsSum, viterbiOracle, viterbiBestDP, isAcceptableViterbi, logPartitionEnclosure, partitionPolynomial, logPolynomialEnclosure } from '../oracles/sequence.js';
import { viterbiSlack, forwardLogZBound, precisionOf } from '../numerics/bounds.js';
import { gamma } from '../numerics/float-format.js';
import { f32Mixed, matrix } from './arbitraries.js';

const score = fc.oneof(fc.integer({ min: -16, max: 16 }).map((k) => k / 8), f32Mixed(6));

export const crfArb: fc.Arbitrary<CrfArgs> = fc.record({
  T: fc.integer({ min: 1, max: 6 }),
  L: fc.integer({ min: 1, max: 4 }),
  withStart: fc.boolean(),
  withEnd: fc.boolean(),
}).chain(({ T, L, withStart, withEnd }) => fc.record({
  emissions: matrix(T, L, score),
  transitions: matrix(L, L, score),
  ...(withStart ? { start: fc.array(score, { minLength: L, maxLength: L }) } : {}),
  ...(withEnd ? { end: fc.array(score, { minLength: L, maxLength: L }) } : {}),
}) as fc.Arbitrary<CrfArgs>);

export function checkViterbi(args: CrfArgs, got: { path: number[]; score: number }, impl: Implementation): Outcome {
  const p = precisionOf(impl);
  const k = termCount(args);
  const slack = viterbiSlack(k, maxPathAbsSum(args).toFloat64() * (1 + 2 ** -50), p);
  if (!isAcceptableViterbi(args, got.path, Rational.fromFloat64(slack))) {
    const best = viterbiBestDP(args);
    const have = got.path.length === args.emissions.length ? pathScore(args, got.path).toDecimal(8) : 'malformed';
    return { ok: false, detail: `path [${got.path}] has exact score ${have}, optimum ${best.toDecimal(8)} (optimal paths ${JSON.stringify(viterbiOracle(args).optimalPaths.slice(0, 3))}), slack ${slack.toExponential(3)}` };
  }
  const exact = pathScore(args, got.path);
  const sBound = gamma(Math.max(k, 1), p.u) * pathAbsSum(args, got.path).toFloat64() * (1 + 2 ** -40) + k * p.tiny;
  const err = Rational.fromFloat64(got.score).sub(exact).abs().toFloat64();
  const ratio = err === 0 ? 0 : err / sBound;
  return ratio <= 1 ? { ok: true, ratio } : { ok: false, ratio, detail: `reported score ${got.score} for path [${got.path}] whose exact score is ${exact.toDecimal(10)}` };
}

export function checkLogZ(args: CrfArgs, got: number, impl: Implementation): Outcome {
  const p = precisionOf(impl);
  const enc = logPartitionEnclosure(args);
  const T = args.emissions.length, L = args.transitions.length;
  const M = maxPathAbsSum(args).toFloat64() * (1 + 2 ** -50) + T * Math.log(L) + 1;
  const bound = forwardLogZBound(T, L, M, p);
  const err = got < enc.lo ? enc.lo - got : got > enc.hi ? got - enc.hi : Number.isFinite(got) ? 0 : Infinity;
  const ratio = err === 0 ? 0 : err / bound;
  return ratio <= 1 ? { ok: true, ratio } : { ok: false, ratio, detail: `log Z = ${got}, exact ∈ [${enc.lo}, ${enc.hi}], bound ${bound.toExponential(3)}` };
}

export const claim: ClaimModule = {
  id: 'seq.crf-viterbi',
  properties: [
    {
      name: 'viterbi',
      kind: 'conformance',
      description: 'The returned path’s exact score is within the float slack 2γ_k·max Σ|terms| of the brute-force optimum, and its reported score within γ_k Σ|terms| of its exact score.',
      arbitrary: crfArb,
      ops: ['seq.crf-viterbi'],
      runs: 100,
      check: (args, impl) => checkViterbi(args, impl!.ops['seq.crf-viterbi']!(args) as { path: number[]; score: number }, impl!),
    },
    {
      name: 'log-partition',
      kind: 'conformance',
      description: 'The forward-algorithm log Z lies within the derived bound of the rigorous enclosure of the brute-force log Σ exp(score).',
      arbitrary: crfArb,
      ops: ['seq.crf-logz'],
      runs: 100,
      check: (args, impl) => checkLogZ(args, impl!.ops['seq.crf-logz']!(args) as number, impl!),
    },
    {
      name: 'exact-dp',
      kind: 'identity',
      description: 'Brute-force enumeration and an exact forward algorithm (in the polynomial semiring, for scores k/8) agree on log Z; max-plus DP agrees with enumeration on the optimum.',
      arbitrary: fc.record({ T: fc.integer({ min: 1, max: 5 }), L: fc.integer({ min: 1, max: 3 }) }).chain(({ T, L }) => fc.record({
        emissions: matrix(T, L, fc.integer({ min: -16, max: 16 }).map((k) => k / 8)),
        transitions: matrix(L, L, fc.integer({ min: -16, max: 16 }).map((k) => k / 8)),
      })),
      runs: 80,
      check: (args) => {
        const brute = logPartitionEnclosure(args);
        const dp = logPolynomialEnclosure(partitionPolynomial(args, 8), 8);
        if (!(brute.lo <= dp.hi && dp.lo <= brute.hi)) return { ok: false, detail: `enumeration [${brute.lo}, ${brute.hi}] vs exact DP [${dp.lo}, ${dp.hi}]` };
        const v = viterbiOracle(args);
        if (!v.best.eq(viterbiBestDP(args))) return { ok: false, detail: `optimum ${v.best} vs DP ${viterbiBestDP(args)}` };
        return { ok: true };
      },
    },
  ],
  audit: () => [
    {
      id: 'seq.crf-viterbi',
      verdict: 'confirmed',
      evidence: 'The notes (004:1013–1040, 003:673) describe the CRF in words only — emission scores from a BiLSTM, a learned transition matrix, ' +
        'Viterbi decoding of the best global sequence — which matches the standard linear-chain model checked here; there is no formula or number to audit. ' +
        'Caveat: a CRF learns soft transition scores; "O → I-PER (not allowed)" (004:1021) holds only if those scores are very negative or hard-masked, and only in the BIO/IOB2 scheme.',
    },
  ],
};
