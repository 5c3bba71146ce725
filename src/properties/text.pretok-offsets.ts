/**
 * text.pretok-offsets — a pre-tokeniser splits text into words with half-open offsets into the input.
 * Seed 004_975819c312b074f9.txt, line 77: [("Call", (0, 4)), ("911", (5, 8)), ("!", (8, 9))]
 */
import fc from 'fast-check';
import type { ClaimModule, Outcome } from '../registry/types.js';
import { pretokenize, charClass, type PreToken } from '../oracles/text.js';
import { pretokArb, pretokConformance, type PretokArgs } from './text-stats-shared.js';

const ALPHABET = ['a', 'Z', 'é', '9', '٣', ' ', '  ', '\t', '\n', '!', ',', '-', '_', '😀', 'ß', '中', '\u0301', '.'];
/** Strings mixing letters, digits (ASCII and Arabic-Indic), spaces, punctuation, an astral emoji and a combining mark. */
export const textArb = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 24 }).map((a) => a.join(''));

const show = (ts: PreToken[]) => `[${ts.map((t) => `(${JSON.stringify(t.text)}, (${t.start}, ${t.end}))`).join(', ')}]`;

/** The offsets invariants: each token is the code-point slice it names, tokens are ordered and disjoint, they cover every non-space character, and each is one class. */
export function offsetsInvariant(text: string, toks: PreToken[]): Outcome {
  const cps = Array.from(text);
  let prev = 0;
  const covered = new Array<boolean>(cps.length).fill(false);
  for (const t of toks) {
    if (!(t.start >= prev && t.end > t.start && t.end <= cps.length)) return { ok: false, detail: `bad offsets ${show([t])} after ${prev}` };
    if (cps.slice(t.start, t.end).join('') !== t.text) return { ok: false, detail: `${show([t])} does not slice to its text` };
    for (let i = t.start; i < t.end; i++) covered[i] = true;
    prev = t.end;
  }
  const missed = cps.findIndex((c, i) => !covered[i] && charClass(c) !== 'space');
  if (missed >= 0) return { ok: false, detail: `character ${JSON.stringify(cps[missed])} at ${missed} in no token` };
  return { ok: true };
}

/** An independent formulation: one global Unicode regular expression, code-unit offsets converted to code points. */
export function pretokenizeRegex(text: string): PreToken[] {
  const W = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u200c\\u200d';
  const re = new RegExp(`[${W}]+|[^${W}\\s]+`, 'gu');
  const out: PreToken[] = [];
  for (const m of text.matchAll(re)) {
    const start = Array.from(text.slice(0, m.index)).length;
    out.push({ text: m[0], start, end: start + Array.from(m[0]).length });
  }
  return out;
}

export const claim: ClaimModule = {
  id: 'text.pretok-offsets',
  properties: [
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation\'s text.pretokenize (whitespace-split, HF word-punct, the GPT-2 pattern, BERT punctuation splitting; lower-casing on or off) returns exactly the oracle\'s tokens with UTF-16 [start, end) offsets, on strings with astral characters, contractions, runs of spaces, combining marks and non-ASCII digits.',
      arbitrary: pretokArb,
      ops: ['text.pretokenize'],
      runs: 100,
      check: (a: PretokArgs, impl) => pretokConformance(a, impl!),
    },
    {
      name: 'offsets-slice',
      kind: 'identity',
      description: 'Every pre-token (with and without digit splitting) is the code-point slice [start, end) of the input; tokens are ordered, disjoint and cover every non-space character.',
      arbitrary: textArb,
      runs: 200,
      check: (text) => {
        for (const splitDigits of [false, true]) {
          const r = offsetsInvariant(text, pretokenize(text, { splitDigits }));
          if (!r.ok) return { ok: false, detail: `${JSON.stringify(text)} (splitDigits ${splitDigits}): ${r.detail}` };
        }
        return { ok: true };
      },
    },
    {
      name: 'scanner-equals-regex',
      kind: 'identity',
      description: 'The code-point scanner equals the HF Whitespace pattern \\w+|[^\\w\\s]+ applied as one Unicode regular expression (offsets converted from UTF-16 code units).',
      arbitrary: textArb,
      runs: 200,
      check: (text) => {
        const a = show(pretokenize(text)), b = show(pretokenizeRegex(text));
        return a === b ? { ok: true } : { ok: false, detail: `${JSON.stringify(text)}: scanner ${a}, regex ${b}` };
      },
    },
  ],
  audit: () => {
    const plain = pretokenize('Call 911!');
    const digits = pretokenize('Call 911!', { splitDigits: true }).filter((t) => /\d/.test(t.text));
    const okPlain = show(plain) === '[("Call", (0, 4)), ("911", (5, 8)), ("!", (8, 9))]';
    const okDigits = show(digits) === '[("9", (5, 6)), ("1", (6, 7)), ("1", (7, 8))]';
    return [
      {
        id: 'text.pretok-offsets',
        verdict: okPlain ? 'confirmed' : 'refuted',
        evidence: `"Call 911!" pre-tokenised (word runs and punctuation runs, spaces dropped; half-open code-point offsets): ${show(plain)}, ${okPlain ? 'as' : 'NOT as'} the notes state; "Call 911!".slice(0, 4) = "Call", slice(5, 8) = "911", slice(8, 9) = "!".`,
      },
      {
        id: 'text.pretok-offsets#digits',
        verdict: okDigits ? 'confirmed' : 'refuted',
        evidence: `With individual digits split (HF Digits(individual_digits=True)): the digit tokens are ${show(digits)}${okDigits ? ', as the notes state' : ''}.`,
      },
    ];
  },
};
