/**
 * attn.linear-attn — kernelised (linear) attention (002:719–747): with sim(q, k) = φ(q)ᵀφ(k),
 * V'_i = Σ_j φ(q_i)ᵀφ(k_j)V_j / Σ_j φ(q_i)ᵀφ(k_j) = φ(q_i)ᵀ(Σ_j φ(k_j)V_jᵀ) / φ(q_i)ᵀ(Σ_j φ(k_j)):
 * the sums over keys do not depend on i, so they are computed once (O(N·dim φ·M) instead of O(N²)); causal
 * attention uses their prefix sums over j ≤ i. Exact with the notes' degree-2 polynomial kernel.
 * Seed 002_606757b0cdfd2eb0.txt, line 741.
 */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { linearAttnQuadratic, linearAttnFeatures, linearAttnExact, type LinearAttnExactRow } from '../oracles/attention.js';
import { linearAttnRowBounds } from '../numerics/bounds-linear-attn.js';
import { precisionOf, type Precision } from '../numerics/bounds.js';
import { qvecArb, prop } from './attn-shared.js';
import { classes, sizeUpTo, f64Full, castFloats, type Tagged } from './gen-helpers.js';
import { f32 } from './arbitraries.js';

/** Arguments of `attn.linear`. */
export interface LinAttnCase { q: number[][]; k: number[][]; v: number[][]; causal: boolean }

export const LINATTN_MAX_T = 16;
export const LINATTN_MAX_D = 8;

const rows = (n: number, m: number, el: fc.Arbitrary<number>) => fc.array(fc.array(el, { minLength: m, maxLength: m }), { minLength: n, maxLength: n });
const sized = (T: number, S: number, D: number, M: number, el: fc.Arbitrary<number>, causal: boolean) =>
  fc.record({ q: rows(T, D, el), k: rows(S, D, el), v: rows(S, M, el), causal: fc.constant(causal) });

/**
 * Input classes of `attn.linear` (weights /40; src/ops/attention.ts lists them): mixed, causal, near-zero-weight
 * (a key k = −q/‖q‖² + noise so that qᵀk + 1 ≈ 0), large, float64-only, single-key, wide (D = 16, S ≤ 48).
 */
export const linAttnArb: fc.Arbitrary<Tagged<LinAttnCase>> = classes<LinAttnCase>([
  {
    name: 'mixed', weight: 14,
    arb: fc.record({ T: sizeUpTo(1, LINATTN_MAX_T), S: sizeUpTo(1, LINATTN_MAX_T), D: sizeUpTo(1, LINATTN_MAX_D), M: fc.integer({ min: 1, max: 4 }), causal: fc.boolean(), s: fc.constantFrom(1, 2) })
      .chain(({ T, S, D, M, causal, s }) => sized(T, causal ? T : S, D, M, f32(s), causal)),
  },
  {
    name: 'causal', weight: 5,
    arb: fc.record({ T: fc.integer({ min: 2, max: LINATTN_MAX_T }), D: fc.integer({ min: 1, max: 6 }), M: fc.integer({ min: 1, max: 3 }) })
      .chain(({ T, D, M }) => sized(T, T, D, M, f32(1), true)),
  },
  {
    name: 'near-zero-weight', weight: 4,
    arb: fc.record({ T: fc.integer({ min: 1, max: 4 }), S: fc.integer({ min: 2, max: 8 }), D: fc.integer({ min: 1, max: 4 }), M: fc.integer({ min: 1, max: 3 }) })
      .chain(({ T, S, D, M }) => fc.tuple(sized(T, S, D, M, f32(1), false), fc.integer({ min: 0, max: T - 1 }), fc.integer({ min: 0, max: S - 1 }), fc.array(fc.integer({ min: -64, max: 64 }), { minLength: D, maxLength: D })))
      .map(([c, t, j, noise]) => {
        const qt = c.q[t]!.map((x, l) => (l === 0 && Math.abs(x) < 0.5 ? 1 : x)); // ‖q_t‖² ≥ 1/4: |k| ≤ 2, no overflow
        const nn = qt.reduce((a, x) => a + x * x, 0);
        const kj = qt.map((x, l) => Math.fround(-x / nn + noise[l]! * 2 ** -20));
        return { ...c, q: c.q.map((r, i) => (i === t ? qt : r)), k: c.k.map((r, i) => (i === j ? kj : r)) };
      }),
  },
  {
    name: 'large', weight: 4,
    arb: fc.record({ T: fc.integer({ min: 1, max: 8 }), S: fc.integer({ min: 1, max: 8 }), D: fc.integer({ min: 1, max: 6 }), M: fc.integer({ min: 1, max: 3 }), causal: fc.boolean() })
      .chain(({ T, S, D, M, causal }) => sized(T, causal ? T : S, D, M, f32(8), causal)),
  },
  {
    name: 'float64-only', weight: 4,
    arb: fc.record({ T: fc.integer({ min: 1, max: 6 }), S: fc.integer({ min: 1, max: 6 }), D: fc.integer({ min: 1, max: 4 }), M: fc.integer({ min: 1, max: 3 }), causal: fc.boolean() })
      .chain(({ T, S, D, M, causal }) => sized(T, causal ? T : S, D, M, f64Full(-3, 1), causal)),
  },
  {
    name: 'single-key', weight: 3,
    arb: fc.record({ T: fc.integer({ min: 1, max: 6 }), D: fc.integer({ min: 1, max: 6 }), M: fc.integer({ min: 1, max: 4 }) })
      .chain(({ T, D, M }) => sized(T, 1, D, M, f32(2), false)),
  },
  {
    name: 'wide', weight: 3,
    arb: fc.record({ T: fc.integer({ min: 1, max: 4 }), S: sizeUpTo(16, 48, 4), M: fc.integer({ min: 1, max: 2 }), causal: fc.boolean() })
      .chain(({ T, S, M, causal }) => sized(causal ? Math.min(T, 4) : T, causal ? Math.min(T, 4) : S, 16, M, f32(0.5), causal)),
  },
]);

/** The args of a generated case in the run's dtype. */
export const linAttnArgs = (c: LinAttnCase, dtype: 'float32' | 'float64'): LinAttnCase => castFloats({ q: c.q, k: c.k, v: c.v, causal: c.causal }, dtype);

const upF = (q: Rational) => Math.abs(q.toFloat64()) * (1 + 2 ** -50);
const downF = (q: Rational) => q.toFloat64() * (1 - 2 ** -50);

/** Exact rows and per-entry bounds (null: undefined or ill-posed row, any output accepted). */
export function linAttnBoundsP(c: LinAttnCase, p: Precision): { exact: LinearAttnExactRow[]; bounds: (number[] | null)[] } {
  const exact = linearAttnExact(c.q, c.k, c.v, c.causal);
  const D = c.q[0]?.length ?? 0;
  const bounds = exact.map((r) => {
    if (r.out === null) return null;
    const vMax = Math.max(0, ...c.v.slice(0, r.keys).flat().map(Math.abs));
    return linearAttnRowBounds({ keys: r.keys, D, S: c.k.length, zLo: downF(r.Z), zTilde: upF(r.Zt), nTilde: r.Nt.map(upF), absOut: r.out.map(upF), vMax }, p);
  });
  return { exact, bounds };
}

/** Judge one output of `attn.linear` for the args actually sent. */
export function compareLinAttn(c: LinAttnCase, got: number[][], p: Precision): Outcome {
  const { exact, bounds } = linAttnBoundsP(c, p);
  if (!Array.isArray(got) || got.length !== c.q.length) return { ok: false, ratio: Infinity, detail: `returned ${String(got).slice(0, 200)}` };
  let worst = 0;
  for (let i = 0; i < exact.length; i++) {
    const b = bounds[i], o = exact[i]!.out;
    if (b === null || o === null) continue; // undefined or ill-posed row
    for (let col = 0; col < o.length; col++) {
      const y = got[i]?.[col];
      if (typeof y !== 'number' || !Number.isFinite(y)) return { ok: false, ratio: Infinity, detail: `output[${i}][${col}] = ${y}` };
      const err = Rational.fromFloat64(y).sub(o[col]!).abs().toFloat64();
      const r = err === 0 ? 0 : err / b[col]!;
      if (r > worst) worst = r;
      if (r > 1) return { ok: false, ratio: r, detail: `output[${i}][${col}] = ${y}, exact ${o[col]!.toDecimal(17)}, error ${err.toExponential(3)} > bound ${b[col]!.toExponential(3)} (T = ${c.q.length}, S = ${c.k.length}, D = ${c.q[0]?.length}${c.causal ? ', causal' : ''})` };
    }
  }
  return { ok: true, ratio: worst };
}

/** Conformance of `attn.linear` on one generated case. */
export function checkLinAttn(c0: LinAttnCase, impl: Implementation): Outcome {
  const c = linAttnArgs(c0, impl.dtype);
  return compareLinAttn(c, impl.ops['attn.linear']!(c) as number[][], precisionOf(impl));
}

interface LinCase { q: Rational[][]; k: Rational[][]; v: Rational[][]; causal: boolean }

const linArb: fc.Arbitrary<LinCase> = fc.record({ T: fc.integer({ min: 1, max: 6 }), S: fc.integer({ min: 1, max: 6 }), D: fc.integer({ min: 1, max: 4 }), M: fc.integer({ min: 1, max: 3 }), causal: fc.boolean() })
  .chain(({ T, S, D, M, causal }) => {
    const s = causal ? T : S;
    return fc.record({
      q: fc.array(qvecArb(D, 4, 2), { minLength: T, maxLength: T }),
      k: fc.array(qvecArb(D, 4, 2), { minLength: s, maxLength: s }),
      v: fc.array(qvecArb(M), { minLength: s, maxLength: s }),
      causal: fc.constant(causal),
    });
  });

const same = (a: (Rational[] | null)[], b: (Rational[] | null)[]) =>
  a.length === b.length && a.every((r, i) => (r === null ? b[i] === null : b[i] !== null && r.every((x, c) => x.eq(b[i]![c]!))));
const show = (a: (Rational[] | null)[]) => `[${a.slice(0, 4).map((r) => (r ? `[${r.map(String).join(', ')}]` : 'undefined')).join(', ')}${a.length > 4 ? ', …' : ''}]`;

export const claim: ClaimModule = {
  id: 'attn.linear-attn',
  properties: [
    prop({
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation’s attn.linear (non-causal and causal, T, S ≤ 16, D ≤ 8; near-zero weights, large, float64-only, single-key and D = 16 inputs) is within the forward-error bound covering the quadratic and the feature-map (prefix-sum) algorithms of the exact rational output Σ_j(q_i·k_j + 1)²v_j / Σ_j(q_i·k_j + 1)².',
      arbitrary: linAttnArb,
      ops: ['attn.linear'],
      runs: 60,
      check: (c, impl) => checkLinAttn(c, impl!),
    }),
    prop({
      name: 'rearrangement',
      kind: 'identity',
      description: 'Σ_j sim(q_i, k_j)V_j / Σ_j sim(q_i, k_j) with sim = (qᵀk + 1)² equals φ(q_i)ᵀ(Σ_j φ(k_j)V_jᵀ) / φ(q_i)ᵀ(Σ_j φ(k_j)) exactly, non-causal (all keys) and causal (prefix sums over j ≤ i, updated once per position); rows whose denominator is 0 are undefined in both.',
      arbitrary: linArb,
      runs: 100,
      check: ({ q, k, v, causal }) => {
        const a = linearAttnQuadratic(q, k, v, causal), b = linearAttnFeatures(q, k, v, causal);
        return same(a, b) ? { ok: true } : { ok: false, detail: `quadratic ${show(a)} ≠ feature map ${show(b)}` };
      },
    }),
    prop({
      name: 'causal-prefix',
      kind: 'identity',
      description: 'Causal linear attention at position i equals non-causal linear attention over the first i + 1 keys and values only (the prefix sums see no future key).',
      arbitrary: linArb.filter((c) => c.causal),
      runs: 60,
      check: ({ q, k, v }) => {
        const causal = linearAttnFeatures(q, k, v, true);
        for (let i = 0; i < q.length; i++) {
          const prefix = linearAttnQuadratic([q[i]!], k.slice(0, i + 1), v.slice(0, i + 1), false)[0]!;
          if (!same([causal[i]!], [prefix])) return { ok: false, detail: `row ${i}: ${show([causal[i]!])} vs prefix ${show([prefix])}` };
        }
        return { ok: true };
      },
    }),
  ],
  audit: () => {
    const q = [[Rational.of(1), Rational.of(-1)], [Rational.of(1, 2), Rational.of(2)]];
    const k = [[Rational.of(2), Rational.of(0)], [Rational.of(-1), Rational.of(1)], [Rational.of(1), Rational.of(1)]];
    const v = [[Rational.of(1)], [Rational.of(-2)], [Rational.of(3)]];
    const a = linearAttnQuadratic(q, k, v, false), b = linearAttnFeatures(q, k, v, false);
    const D = 64, M = 64, N = 4096, F = ((D + 1) * (D + 2)) / 2;
    return [
      {
        id: 'attn.linear-attn',
        verdict: same(a, b) ? 'confirmed' : 'refuted',
        evidence: `φ(q_i) does not depend on j, so Σ_jφ(q_i)ᵀφ(k_j)V_j = φ(q_i)ᵀΣ_jφ(k_j)V_jᵀ and likewise the denominator (002:741–743). Instance (D = 2, 3 keys, sim = (qᵀk + 1)²): both forms give ${show(a)}. Causal attention uses prefix sums (property rearrangement, causal).`,
      },
      {
        id: 'attn.linear-attn#memory',
        verdict: 'confirmed',
        evidence: `002:745–747: with dim φ = (D + 1)(D + 2)/2 = O(D²) and M = O(D) value columns, the state Σ_jφ(k_j)V_jᵀ has O(D³) entries and Q, K, V O(ND): O(ND + D³) is an upper bound (computing φ on the fly). Softmax attention stores N² scores; for N ≫ D² (sufficient, not necessary) N² ≫ ND + D³. D = M = ${D}, N = ${N}: ${F}·${M} + ${F} = ${F * M + F} state entries + ${3 * N * D} inputs vs ${N * N} scores.`,
      },
    ];
  },
};
