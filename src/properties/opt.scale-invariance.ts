/**
 * opt.scale-invariance — for a global gradient scale c > 0: sign(cg) = sign(g); the polar factor UVᵀ of cG
 * equals that of G; Adam's m̂/√v̂ is unchanged (ε = 0). With ε > 0 Adam is not scale-invariant, c < 0 flips
 * every update, and the raw Newton–Schulz cubic is not scale-invariant (Muon normalises G first).
 * Seed 002_606757b0cdfd2eb0.txt, line 334: "SignGD, Adam and Muon: global scale of raw gradients doesn't effect final update direction."
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { sign, cayley, rectDiag, nsLeft } from '../oracles/optimisation.js';
import { smallRational } from './arbitraries.js';

const posC = fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 })).map(([p, q]) => Rational.of(p, q));
const small = fc.integer({ min: -2, max: 2 }).map((v) => Rational.of(v));
function skewArb(n: number): fc.Arbitrary<QMatrix> {
  return fc.array(small, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((u) => {
    const rows: Rational[][] = Array.from({ length: n }, () => new Array(n).fill(Rational.ZERO));
    let k = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) { rows[i]![j] = u[k]!; rows[j]![i] = u[k]!.neg(); k++; }
    return QMatrix.from(rows);
  });
}

/** Adam moments after a gradient sequence (bias-corrected), per coordinate: returns [m̂, v̂]. */
export function adamMoments(gs: Rational[], b1: Rational, b2: Rational): [Rational, Rational] {
  let m = Rational.ZERO;
  let v = Rational.ZERO;
  for (const g of gs) {
    m = b1.mul(m).add(Rational.ONE.sub(b1).mul(g));
    v = b2.mul(v).add(Rational.ONE.sub(b2).mul(g.pow(2)));
  }
  const t = gs.length;
  return [m.div(Rational.ONE.sub(b1.pow(t))), v.div(Rational.ONE.sub(b2.pow(t)))];
}

export const claim: ClaimModule = {
  id: 'opt.scale-invariance',
  properties: [
    {
      name: 'sign',
      kind: 'identity',
      description: 'sign(c·g) = sign(g) for c > 0 and = −sign(g) for c < 0, entrywise.',
      arbitrary: fc.record({ g: fc.array(smallRational(), { minLength: 1, maxLength: 8 }), c: posC, neg: fc.boolean() }),
      runs: 100,
      check: ({ g, c, neg }) => {
        const cc = neg ? c.neg() : c;
        const ok = g.every((v: Rational) => sign(v.mul(cc)).eq(neg ? sign(v).neg() : sign(v)));
        return ok ? { ok: true } : { ok: false, detail: `c = ${cc}` };
      },
    },
    {
      name: 'adam-eps0',
      kind: 'identity',
      description: 'Bias-corrected Adam with ε = 0 on a gradient sequence scaled by c > 0: m̂ scales by c, v̂ by c², so m̂²/v̂ and sign(m̂) — hence m̂/√v̂ — are unchanged (exact).',
      arbitrary: fc.record({
        gs: fc.array(smallRational(), { minLength: 1, maxLength: 5 }),
        c: posC,
        b1: fc.integer({ min: 1, max: 9 }).map((v) => Rational.of(v, 10)),
        b2: fc.integer({ min: 90, max: 99 }).map((v) => Rational.of(v, 100)),
      }),
      runs: 100,
      check: ({ gs, c, b1, b2 }) => {
        const [m, v] = adamMoments(gs, b1, b2);
        const [mc, vc] = adamMoments(gs.map((g: Rational) => g.mul(c)), b1, b2);
        if (!mc.eq(m.mul(c)) || !vc.eq(v.mul(c.pow(2)))) return { ok: false, detail: 'moments do not scale' };
        if (v.isZero()) return vc.isZero() ? { ok: true } : { ok: false, detail: 'v' };
        return mc.pow(2).div(vc).eq(m.pow(2).div(v)) && mc.sign() === m.sign() ? { ok: true } : { ok: false, detail: 'ratio changed' };
      },
    },
    {
      name: 'polar-factor',
      kind: 'identity',
      description: 'For G = UΣVᵀ (rational orthogonal U, V; Σ > 0 square) and c > 0: Q = UVᵀ and H = cVΣVᵀ satisfy cG = QH, QᵀQ = I, H symmetric with H² = (cG)ᵀ(cG) — the polar decomposition of cG, unique for invertible G, has the same factor Q.',
      arbitrary: fc.integer({ min: 1, max: 3 }).chain((n) => fc.record({
        S1: skewArb(n), S2: skewArb(n), c: posC,
        s: fc.array(fc.integer({ min: 1, max: 6 }).map((v) => Rational.of(v, 2)), { minLength: n, maxLength: n }),
      })),
      runs: 60,
      check: ({ S1, S2, c, s }) => {
        const n = s.length;
        const U = cayley(S1);
        const V = cayley(S2);
        const Sig = rectDiag(n, n, s);
        const G = U.mul(Sig).mul(V.transpose()).scale(c);
        const Q = U.mul(V.transpose());
        const H = V.mul(Sig).mul(V.transpose()).scale(c);
        if (!Q.mul(H).equals(G)) return { ok: false, detail: 'QH ≠ cG' };
        if (!Q.transpose().mul(Q).equals(QMatrix.identity(n))) return { ok: false, detail: 'Q not orthogonal' };
        if (!H.transpose().equals(H) || !H.mul(H).equals(G.transpose().mul(G))) return { ok: false, detail: 'H² ≠ GᵀG' };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const eps = Rational.of(1, 100);
    const upd = (g: Rational) => g.div(g.abs().add(eps)); // first Adam step: m̂ = g, v̂ = g²
    const a = upd(Rational.ONE);
    const b = upd(Rational.of(1, 100));
    const G = QMatrix.from([[Rational.ONE]]);
    const ns1 = nsLeft(G).get(0, 0);
    const ns2 = nsLeft(G.scale(2)).get(0, 0);
    return [
      {
        id: 'opt.scale-invariance',
        verdict: 'convention-dependent',
        evidence: `True for a positive scale c with sign descent (exactly), the polar factor UVᵀ used by Muon (exactly), and Adam with ε = 0 (exactly). ` +
          `Adam's ε breaks it: first step m̂/(√v̂ + ε) with ε = 1/100 is ${a} for g = 1 and ${b} for g = 1/100. The raw Newton–Schulz cubic is not scale-invariant ` +
          `(P(1) = ${ns1}, P(2) = ${ns2}): Muon's invariance comes from normalising G before iterating. A negative scale flips every update.`,
      },
    ];
  },
};
