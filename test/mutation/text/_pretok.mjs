// Shared helper of the text.pretokenize corpus entries (not an entry: the name starts with "_").
// One regular expression per scheme; options inject one bug each.
const W = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u200c\\u200d';
const P = '\\p{P}!-\\/:-@\\[-`{-~';
function pattern(scheme, o) {
  if (scheme === 'whitespace-split') return /\S+/gu;
  if (scheme === 'word-punct') return o.asciiWord ? /\w+|[^\w\s]+/g : new RegExp(`[${W}]+|[^${W}\\s]+`, 'gu');
  if (scheme === 'gpt2') {
    const ws = o.noLookahead ? '\\s+' : '\\s+(?!\\S)|\\s+';
    return new RegExp(`'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|${ws}`, o.ignoreCase ? 'giu' : 'gu');
  }
  const p = o.asciiPunct ? '!-\\/:-@\\[-`{-~' : P;
  return new RegExp(`[^\\s${p}]+|[${p}]`, 'gu');
}

export function pretok(a, o = {}) {
  const text = o.lowerFirst && a.lowercase ? a.text.toLowerCase() : a.text;
  const re = pattern(a.scheme, o);
  const out = [];
  if (o.sticky) {
    const y = new RegExp(re.source, re.flags.replace('g', '') + 'y');
    let i = 0;
    while (i < text.length) {
      y.lastIndex = i;
      const m = y.exec(text);
      if (m) { out.push([a.lowercase ? m[0].toLowerCase() : m[0], i, i + m[0].length]); i += m[0].length; } else i += text.codePointAt(i) > 0xffff ? 2 : 1;
    }
    return out;
  }
  for (const m of text.matchAll(re)) {
    let s = m.index, e = m.index + m[0].length;
    if (o.codePoints) { s = Array.from(text.slice(0, s)).length; e = s + Array.from(m[0]).length; }
    out.push([a.lowercase ? m[0].toLowerCase() : m[0], s, e]);
  }
  return out;
}

export const entry = (name, o) => ({ name, dtypes: ['float32', 'float64'], ops: { 'text.pretokenize': (a) => pretok(a, o) } });
