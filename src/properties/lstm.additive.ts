/**
 * lstm.additive — the cell-state path of an LSTM: C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t with f_t, i_t, C̃_t
 * functions of (h_{t−1}, x_t) only, so ∂C_t/∂C_{t−1} (h_{t−1} held) = diag(f_t) exactly — no tanh′
 * factor — and along the cell path ∂C_T/∂C_0 = Π_t diag(f_t), which still decays geometrically unless f_t ≈ 1.
 * Seed 004_975819c312b074f9.txt, lines 760–762: "C_t = f_t C_{t-1} + \dots" / "Additive paths prevent exponential decay of gradients."
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { encloseRational } from '../numerics/enclose.js';
import { Interval, mulDown, mulUp, sigmoid } from '../numerics/interval.js';
import { cellPath, preacts000, softTanh, stepQ, type LstmQ } from '../oracles/recurrent.js';
import { smallRational } from './arbitraries.js';

const v = (k: number) => fc.array(smallRational(), { minLength: k, maxLength: k });

const stepArb = fc.record({ n: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 3 }) }).chain(({ n, m }) => {
  const M = fc.array(v(m + n), { minLength: m, maxLength: m });
  return fc.record({
    q: fc.record({ x: v(n), h: v(m), c: v(m), W: fc.record({ f: M, i: M, c: M, o: M }), b: fc.record({ f: v(m), i: v(m), c: v(m), o: v(m) }) }),
    k: fc.integer({ min: 0, max: m - 1 }), delta: smallRational().filter((d) => !d.isZero()),
  });
});

const pathArb = fc.record({ n: fc.integer({ min: 1, max: 2 }), m: fc.integer({ min: 1, max: 2 }), T: fc.integer({ min: 1, max: 5 }) }).chain(({ n, m, T }) => {
  const M = fc.array(v(m + n), { minLength: m, maxLength: m });
  return fc.record({
    q: fc.record({ c: v(m), W: fc.record({ f: M, i: M, c: M, o: M }), b: fc.record({ f: v(m), i: v(m), c: v(m), o: v(m) }) }),
    xs: fc.array(v(n), { minLength: T, maxLength: T }), hs: fc.array(v(m), { minLength: T, maxLength: T }),
    k: fc.integer({ min: 0, max: m - 1 }), delta: smallRational().filter((d) => !d.isZero()),
  });
});

export const claim: ClaimModule = {
  id: 'lstm.additive',
  properties: [
    {
      name: 'one-step-jacobian',
      kind: 'identity',
      description: 'C_t is affine in C_{t−1} (h_{t−1}, x_t held): C_t(C_{t−1} + δe_k) − C_t(C_{t−1}) = δ f_t[k] e_k exactly, i.e. ∂C_t/∂C_{t−1} = diag(f_t) (exact rationals; rational stand-ins for σ, tanh — the identity does not depend on them).',
      arbitrary: stepArb,
      runs: 100,
      check: ({ q, k, delta }) => {
        const a = stepQ(q as LstmQ);
        const c2 = q.c.map((x: Rational, j: number) => (j === k ? x.add(delta) : x));
        const b = stepQ({ ...(q as LstmQ), c: c2 });
        for (let j = 0; j < q.c.length; j++) {
          const d = b.c[j]!.sub(a.c[j]!), want = j === k ? delta.mul(a.f[k]!) : Rational.ZERO;
          if (!d.eq(want)) return { ok: false, detail: `ΔC[${j}] = ${d}, expected ${want}` };
        }
        return { ok: true };
      },
    },
    {
      name: 'cell-path-product',
      kind: 'identity',
      description: 'Along the cell path (hidden states held), C_T(C_0 + δe_k) − C_T(C_0) = δ Π_t f_t[k] e_k exactly: ∂C_T/∂C_0 = Π_t diag(f_t).',
      arbitrary: pathArb,
      runs: 60,
      check: ({ q, xs, hs, k, delta }) => {
        const a = cellPath(q as Omit<LstmQ, 'x' | 'h'>, xs, hs);
        const b = cellPath({ ...(q as Omit<LstmQ, 'x' | 'h'>), c: q.c.map((x: Rational, j: number) => (j === k ? x.add(delta) : x)) }, xs, hs);
        const prod = a.fs.reduce((acc, f) => acc.mul(f[k]!), Rational.ONE);
        for (let j = 0; j < q.c.length; j++) {
          const d = b.c[j]!.sub(a.c[j]!), want = j === k ? delta.mul(prod) : Rational.ZERO;
          if (!d.eq(want)) return { ok: false, detail: `ΔC_T[${j}] = ${d}, expected δΠf = ${want}` };
        }
        return { ok: true };
      },
    },
  ],
  audit: () => {
    // f_t = σ(0) = 1/2 exactly when the forget pre-activation is 0 (W_f = 0, b_f = 0).
    const T = 20;
    const half = Rational.of(1, 2);
    const decay = half.pow(T);
    // A forget bias of 4 (pre-activation 4): f = σ(4); over 100 steps Π f = σ(4)^100, enclosed.
    let p: Interval = sigmoid(encloseRational(Rational.fromInt(4)));
    const s4 = p;
    const base = p;
    for (let t = 1; t < 100; t++) p = new Interval(mulDown(p.lo, base.lo), mulUp(p.hi, base.hi));
    // one step, exactly: m = 1, n = 1, W = 0 except candidate; c changes by δ ⇒ C_t changes by δ·f.
    const q: LstmQ = { x: [Rational.ONE], h: [Rational.ZERO], c: [Rational.fromInt(2)], W: { f: [[Rational.ZERO, Rational.ZERO]], i: [[Rational.ZERO, Rational.ONE]], c: [[Rational.ZERO, Rational.ONE]], o: [[Rational.ZERO, Rational.ZERO]] }, b: { f: [Rational.ZERO], i: [Rational.ZERO], c: [Rational.ZERO], o: [Rational.ZERO] } };
    const a = stepQ(q), b = stepQ({ ...q, c: [Rational.fromInt(3)] });
    const slope = b.c[0]!.sub(a.c[0]!);
    // Full recurrence, one unit, rational stand-ins (σ̃(a) = (1 + a/(1+|a|))/2, t̃(a) = a/(1+|a|)):
    // h_{t−1} = o_{t−1} t̃(C_{t−1}) with o_{t−1} = 1/2, so dC_t/dC_{t−1} = f_t + (∂C_t/∂h_{t−1})·o_{t−1} t̃′(C_{t−1}),
    // ∂C_t/∂h = C_{t−1} σ̃′(a_f) W_f^h + C̃ σ̃′(a_i) W_i^h + i t̃′(a_c) W_c^h (exact).
    const R = (s: string) => Rational.parse(s);
    const oPrev = R('1/2'), cPrev = R('2');
    const dT = (a: Rational) => Rational.ONE.div(Rational.ONE.add(a.abs()).pow(2));
    const dS = (a: Rational) => dT(a).div(Rational.fromInt(2));
    const qf: LstmQ = { x: [R('1')], h: [oPrev.mul(softTanh(cPrev))], c: [cPrev],
      W: { f: [[R('2'), R('0')]], i: [[R('-1'), R('1')]], c: [[R('3'), R('0')]], o: [[R('0'), R('0')]] },
      b: { f: [R('0')], i: [R('0')], c: [R('0')], o: [R('0')] } };
    const pa = preacts000(qf), sf = stepQ(qf);
    const dCdh = cPrev.mul(dS(pa.f[0]!)).mul(qf.W.f[0]![0]!).add(sf.g[0]!.mul(dS(pa.i[0]!)).mul(qf.W.i[0]![0]!)).add(sf.i[0]!.mul(dT(pa.c[0]!)).mul(qf.W.c[0]![0]!));
    const total = sf.f[0]!.add(dCdh.mul(oPrev).mul(dT(cPrev)));
    return [
      {
        id: 'lstm.additive',
        verdict: 'refuted',
        evidence: `∂C_t/∂C_{t−1} = diag(f_t) exactly (the gates depend on h_{t−1}, x_t only), so the cell path carries no tanh′ factor (004:770, confirmed): with f_t = 1/2, raising C_{t−1} from 2 to 3 raises C_t by ${slope}. ` +
          `But the path multiplies by f_t at every step, ∂C_T/∂C_0 = Π_t diag(f_t) along it, so "additive paths prevent exponential decay" (004:762) holds only when f_t ≈ 1: ` +
          `with zero forget pre-activation f_t = σ(0) = 1/2 and ∂C_${T}/∂C_0 = ${decay} = 2^−${T} exactly; with forget pre-activation 4, f = σ(4) ∈ [${s4.lo.toPrecision(8)}, ${s4.hi.toPrecision(8)}] and Π over 100 steps ∈ [${p.lo.toPrecision(4)}, ${p.hi.toPrecision(4)}]. ` +
          `(This is why implementations initialise a forget bias of 1 — tfjs/TensorFlow basicLSTMCell forgetBias.)`,
      },
      {
        id: 'lstm.additive#other-paths',
        verdict: 'confirmed',
        evidence: `004:766–770 speak of the linear path itself, and along it the statement is exact. The identity is the partial along C_{t−1} → C_t with h_{t−1} held. In the full recurrence h_{t−1} = o_{t−1} ⊙ tanh(C_{t−1}) also feeds f_t, i_t, C̃_t, so the total ∂C_t/∂C_{t−1} = diag(f_t) + (terms through h_{t−1}, carrying tanh′ and W), which the notes' "linear path" (004:766–770) leaves out. ` +
          `Exact example (one unit, rational stand-ins a/(1+|a|) for tanh and (1 + a/(1+|a|))/2 for σ, o_{t−1} = 1/2, C_{t−1} = 2, x_t = 1, h-weights W_f = 2, W_i = −1, W_C = 3): f_t = ${sf.f[0]}, total dC_t/dC_{t−1} = ${total}, of which ${total.sub(sf.f[0]!)} flows through h_{t−1}.`,
      },
    ];
  },
};
