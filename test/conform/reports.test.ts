/**
 * The conform report writers (JUnit XML, Markdown, HTML) and shard merging, on hand-built
 * reports covering every status and hostile text (markup, quotes, a control character).
 */
import { describe, expect, it } from 'vitest';
import type { ConformProperty, ConformReport, ConformStatus } from '../../src/conform/types.js';
import { toJUnitXml } from '../../src/conform/report-junit.js';
import { toMarkdown } from '../../src/conform/report-markdown.js';
import { toHtml, ratioPlot, plotRange } from '../../src/conform/report-html.js';
import { mergeReports, stableReportJson, summarize, withoutTiming, STATUS_SEVERITY } from '../../src/conform/merge.js';

const HOSTILE = `{"x":"<script>alert(1)</script> & \\"q\\" 'a' \u0007bell"}`;
const HOSTILE_CLEAN = HOSTILE.replace('\u0007', '');

function prop(id: string, ops: string[], status: ConformStatus, extra: Partial<ConformProperty> = {}): ConformProperty {
  const [claim, property] = id.split('/') as [string, string];
  return {
    id, claim, property, kind: 'conformance', description: `checks ${id}`, ops, dtype: 'float32', status,
    checks: 100, worstRatio: null, ratios: [], seed: 42, ...extra,
  };
}

function report(properties: ConformProperty[], over: Partial<ConformReport> = {}): ConformReport {
  const { ops, summary } = summarize(properties);
  return {
    lemmata: 1, command: 'conform',
    implementation: {
      name: 'toy-impl', kind: 'module', spec: './impl/toy.mjs',
      ops: { 'nn.softmax': ['float32'], 'attn.sdpa': ['float32'] },
      profile: { elementaryUlps: 2, flushToZero: false }, profileSource: 'declared',
    },
    dtypes: ['float32'], seed: 20231109, runs: 100, shard: null, selection: { ops: [], claims: [] }, timeBudgetSeconds: null,
    properties, ops, summary, events: [],
    timing: { totalMs: 1234, perPropertyMs: Object.fromEntries(properties.map((p, i) => [p.id, 10 * (i + 1)])) },
    ...over,
  };
}

const shard0Props = [
  prop('attn.sdpa/within-bound', ['attn.sdpa'], 'pass', { worstRatio: 0.5, ratios: [0, 1e-9, 0.5, 0.25] }),
  prop('nn.softmax/within-bound', ['nn.softmax'], 'fail', {
    worstRatio: Infinity, ratios: [0, 1e-9, 0.5, 1.2, Infinity], worstInput: '[1e30]',
    counterexample: HOSTILE, detail: 'output <NaN> at index 0 & more',
    replay: 'TOKEN0', replayCommand: `npx lemmata conform --impl ./impl/toy.mjs --replay 'TOKEN0'`,
  }),
  prop('stats.mse-decomposition/identity', [], 'pass', { kind: 'identity' }),
  prop('norm.layernorm/within-bound', ['norm.layernorm'], 'unsupported', { note: 'op norm.layernorm not provided' }),
];
const shard1Props = [
  prop('attn.sdpa/permute-keys', ['attn.sdpa', 'nn.softmax'], 'error', {
    detail: 'implementation threw: TypeError: x is undefined', counterexample: '[[1]]',
    replay: 'TOKEN1', replayCommand: `npx lemmata conform --impl ./impl/toy.mjs --replay 'TOKEN1'`,
  }),
  prop('reg.ss-decomposition/no-intercept', ['reg.ridge-solve'], 'xfail', {
    note: 'the notes omit the intercept', worstRatio: 3, ratios: [0.1, 3], counterexample: '[1, 2]',
  }),
  prop('quant.affine-roundtrip/within-bound', ['quant.quantize'], 'xpass', {
    note: 'known rounding bug in v1', worstRatio: 0.9, ratios: [0.9, 0.01],
  }),
  prop('seq.crf-viterbi/ties', ['seq.crf-viterbi'], 'not-run', { note: 'time budget exhausted' }),
];
const shard0 = report(shard0Props, { shard: { index: 0, count: 2 }, events: ['restart after timeout in nn.softmax'] });
const shard1 = report(shard1Props, { shard: { index: 1, count: 2 }, events: ['worker crashed; restarted'] });
const full = report([...shard0Props, ...shard1Props], { events: ['one <event> & "more"'] });

// ---- a minimal XML checker: well-formedness, entities, and a tree to count elements ----

interface XNode { name: string; attrs: Record<string, string>; children: XNode[]; text: string }

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    if (!(e in ENTITY)) throw new Error(`unknown entity &${e};`);
    return ENTITY[e]!;
  });
}

function checkText(s: string): void {
  if (/[<>]/.test(s)) throw new Error(`raw < or > in text: ${s}`);
  if (/&(?!(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);)/.test(s)) throw new Error(`bare & in text: ${s}`);
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(s)) throw new Error('character illegal in XML 1.0');
}

/** Parses the subset of XML our writer emits; throws on anything malformed. */
function parseXml(xml: string): XNode {
  let i = 0;
  const decl = /^<\?xml [^?]*\?>\n/.exec(xml);
  if (!decl) throw new Error('missing XML declaration');
  i = decl[0].length;
  const root: XNode = { name: '#doc', attrs: {}, children: [], text: '' };
  const stack: XNode[] = [root];
  const tagRe = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"]*")*)\s*(\/?)>/y;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    checkText(text);
    stack[stack.length - 1]!.text += unescapeXml(text);
    if (lt < 0) break;
    tagRe.lastIndex = lt;
    const m = tagRe.exec(xml);
    if (!m) throw new Error(`malformed tag at ${lt}: ${xml.slice(lt, lt + 60)}`);
    const [, close, name, attrText, selfClose] = m as unknown as [string, string, string, string, string];
    if (close) {
      const top = stack.pop()!;
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrText.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
        checkText(a[2]!);
        if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]}`);
        attrs[a[1]!] = unescapeXml(a[2]!);
      }
      const node: XNode = { name, attrs, children: [], text: '' };
      stack[stack.length - 1]!.children.push(node);
      if (!selfClose) stack.push(node);
    }
    i = tagRe.lastIndex;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (root.children.length !== 1) throw new Error('expected exactly one root element');
  if (root.text.trim() !== '') throw new Error('text outside the root element');
  return root.children[0]!;
}

const kids = (n: XNode, name: string) => n.children.filter((c) => c.name === name);

describe('summarize', () => {
  it('takes the worst status per op and counts every status', () => {
    expect(full.summary).toEqual({ pass: 2, suspicious: 0, fail: 1, error: 1, unsupported: 1, xfail: 1, xpass: 1, 'not-run': 1 });
    expect(full.ops).toEqual([
      { id: 'attn.sdpa', status: 'error', properties: 2 },
      { id: 'nn.softmax', status: 'error', properties: 2 },
      { id: 'norm.layernorm', status: 'unsupported', properties: 1 },
      { id: 'quant.quantize', status: 'xpass', properties: 1 },
      { id: 'reg.ridge-solve', status: 'xfail', properties: 1 },
      { id: 'seq.crf-viterbi', status: 'not-run', properties: 1 },
    ]);
    const order = Object.entries(STATUS_SEVERITY).sort((a, b) => a[1] - b[1]).map(([s]) => s);
    expect(order).toEqual(['pass', 'suspicious', 'xfail', 'unsupported', 'not-run', 'fail', 'xpass', 'error']);
  });
});

describe('JUnit XML', () => {
  const xml = toJUnitXml(full);
  const root = parseXml(xml);

  it('is well-formed with consistent totals', () => {
    expect(root.name).toBe('testsuites');
    const suites = kids(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual([
      'lemmata.attn.sdpa', 'lemmata.nn.softmax', 'lemmata.stats.mse-decomposition', 'lemmata.norm.layernorm',
      'lemmata.attn.sdpa+nn.softmax', 'lemmata.reg.ridge-solve', 'lemmata.quant.quantize', 'lemmata.seq.crf-viterbi',
    ]);
    const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    for (const s of suites) {
      const cases = kids(s, 'testcase');
      const c = {
        tests: cases.length,
        failures: cases.filter((t) => kids(t, 'failure').length).length,
        errors: cases.filter((t) => kids(t, 'error').length).length,
        skipped: cases.filter((t) => kids(t, 'skipped').length).length,
      };
      for (const k of Object.keys(c) as (keyof typeof c)[]) {
        expect(Number(s.attrs[k])).toBe(c[k]);
        total[k] += c[k];
      }
      for (const t of cases) expect(t.attrs.classname).toBe(s.attrs.name);
    }
    expect(total).toEqual({ tests: 8, failures: 2, errors: 1, skipped: 2 });
    for (const k of Object.keys(total) as (keyof typeof total)[]) expect(Number(root.attrs[k])).toBe(total[k]);
    expect(root.attrs.time).toBe('1.234');
  });

  it('maps each status and round-trips hostile text', () => {
    const cases = kids(root, 'testsuite').flatMap((s) => kids(s, 'testcase'));
    const byName = Object.fromEntries(cases.map((c) => [c.attrs.name!, c]));
    const fail = byName['nn.softmax/within-bound [float32]']!;
    expect(fail.attrs.time).toBe('0.020');
    const f = kids(fail, 'failure')[0]!;
    expect(f.attrs.message).toBe('output <NaN> at index 0 & more');
    expect(f.text).toContain(HOSTILE_CLEAN);
    expect(f.text).toContain(`npx lemmata conform --impl ./impl/toy.mjs --replay 'TOKEN0'`);
    expect(xml).not.toContain('\u0007');
    expect(xml).not.toContain('<script>');
    expect(kids(byName['attn.sdpa/permute-keys [float32]']!, 'error')[0]!.attrs.message).toContain('TypeError');
    expect(kids(byName['quant.affine-roundtrip/within-bound [float32]']!, 'failure')[0]!.attrs.message)
      .toBe('expected failure now passes (xpass)');
    const xfail = byName['reg.ss-decomposition/no-intercept [float32]']!;
    expect(xfail.children.map((c) => c.name)).toEqual(['system-out']);
    expect(xfail.children[0]!.text).toMatch(/^expected failure: the notes omit the intercept/);
    expect(kids(byName['seq.crf-viterbi/ties [float32]']!, 'skipped')[0]!.attrs.message).toBe('not-run: time budget exhausted');
    expect(kids(byName['norm.layernorm/within-bound [float32]']!, 'skipped')).toHaveLength(1);
    expect(byName['attn.sdpa/within-bound [float32]']!.children).toEqual([]);
  });

  it('keeps newlines, tabs and CR in attributes', () => {
    const p = prop('a.b/c', ['x'], 'fail', { detail: 'line1\tx\r\nline2' });
    const r = report([p]);
    const failure = kids(kids(parseXml(toJUnitXml(r)), 'testsuite')[0]!, 'testcase')[0]!.children[0]!;
    expect(failure.attrs.message).toBe('line1\tx'); // first line only; the whole detail is in the body
    expect(failure.text).toContain('detail: line1\tx\r\nline2');
  });
});

describe('Markdown', () => {
  const md = toMarkdown(full);
  it('has the header, tables, failures with replay commands, events and timing last', () => {
    expect(md).toMatch(/^# lemmata conform — toy-impl\n/);
    expect(md).toContain('seed 20231109');
    expect(md).toContain('| nn.softmax | error | 2 |');
    expect(md).toContain('| nn.softmax/within-bound | nn.softmax | float32 | fail | 100 | inf |');
    expect(md).toContain('| attn.sdpa/within-bound | attn.sdpa | float32 | pass | 100 | 0.500 |');
    expect(md).toContain('| stats.mse-decomposition/identity | — | float32 | pass | 100 | exact |');
    expect(md).toContain('| norm.layernorm/within-bound | norm.layernorm | float32 | unsupported | 100 | — |');
    expect(md).toContain("`npx lemmata conform --impl ./impl/toy.mjs --replay 'TOKEN0'`");
    expect(md).toContain("`npx lemmata conform --impl ./impl/toy.mjs --replay 'TOKEN1'`");
    expect(md).toContain(HOSTILE_CLEAN); // verbatim inside the code block
    expect(md).not.toContain('\u0007');
    expect(md).toContain('one \\<event\\> \\& "more"');
    const lines = md.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^Timing \(not part of the deterministic result\): 1234 ms/);
    expect(lines[lines.length - 3]).toBe('---');
  });
  it('sizes code spans and fences beyond backticks in the data', () => {
    const r = report([prop('a.b/c', ['x'], 'fail', { counterexample: 'a ``` b', replayCommand: 'echo `x`' })]);
    const m = toMarkdown(r);
    expect(m).toContain('  ````\n  a ``` b\n  ````');
    expect(m).toContain('`` echo `x` ``');
  });
});

describe('HTML', () => {
  const html = toHtml(full);
  it('is one self-contained page with every data string escaped', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
    expect(html).toContain(escapeHtmlForTest(HOSTILE_CLEAN));
    expect(html).not.toContain('\u0007');
    expect(html).toContain('<code>npx lemmata conform --impl ./impl/toy.mjs --replay &apos;TOKEN0&apos;</code>');
    expect(html).toContain('one &lt;event&gt; &amp; &quot;more&quot;');
  });
  it('plots one SVG per property with ratios: bound line, red points above it, zero ticks', () => {
    const withRatios = full.properties.filter((p) => p.ratios.length > 0).length;
    expect((html.match(/<svg/g) ?? []).length).toBe(withRatios);
    const svg = html.slice(html.indexOf('<svg', html.indexOf('nn.softmax/within-bound')));
    const one = svg.slice(0, svg.indexOf('</svg>'));
    expect(one).toContain('>bound</text>');
    expect(one).toContain('class="z"'); // the exact zero
    expect(one).toMatch(/class="d hi" d="M\d+ \d+h0m\d+ ?-?\d+h0"/); // 1.2 and Infinity
    expect(one).toContain('aria-label="error/bound of 5 inputs, 2 above the bound"');
    expect(html).toMatch(/<details open><summary><span class="b fail">fail<\/span>/);
    // NaN (null once through JSON) is above the bound, not an exact zero
    const nan = ratioPlot([0.5, NaN, null as unknown as number]);
    expect(nan).toMatch(/class="d hi" d="M\d+ 4h0m\d+ 0h0"/); // both on the ∞ row
    expect(nan).toContain('3 inputs, 2 above the bound');
  });
  it('plots have axes with tick labels and a log scale that never clips: 1.5 and 1e12 are far apart', () => {
    const p = ratioPlot([1.5, 1e12]);
    expect(p).toContain('class="ax"');
    expect(p).toContain('>1e12</text>');
    expect(p).toContain('>1e-6</text>');
    const ys = [...p.matchAll(/M(\d+) (\d+)h0|m(\d+) ?(-?\d+)h0/g)];
    const first = Number(ys[0]![2]), second = first + Number(ys[1]![4]);
    expect(first - second).toBeGreaterThan(20); // 11 decades apart on a 50-px axis
    expect(plotRange([1e-300, 1e200])).toEqual([-300, 200]);
  });
  it('lists failures and errors first, unsupported entries last in a closed list', () => {
    const ps = [prop('a.a/x', ['op.a'], 'unsupported'), prop('b.b/y', ['op.b'], 'pass', { worstRatio: 0.1, ratios: [0.1] }),
      prop('c.c/z', ['op.c'], 'fail', { worstRatio: 3, ratios: [3], detail: 'bad', counterexample: [1] })];
    const h = toHtml(report(ps));
    expect(h.indexOf('c.c/z')).toBeLessThan(h.indexOf('b.b/y'));
    expect(h.indexOf('b.b/y')).toBeLessThan(h.indexOf('a.a/x'));
    expect(h).toContain('1 not run (unsupported or out of time)');
  });
  it('stays compact: under 88 KB for 50 properties × 100 points (≈ 6.5 bytes per plotted point + ≈ 400 bytes of axes per plot)', () => {
    let s = 12345;
    const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ps = Array.from({ length: 50 }, (_, k) => prop(`claim${k}.x/prop-${k}`, [`op.${k % 13}`], k % 10 ? 'pass' : 'fail', {
      worstRatio: 0.9, ratios: Array.from({ length: 100 }, (_, i) => (i % 17 === 0 ? 0 : 10 ** (-8 * rand() + 0.3))),
      ...(k % 10 ? {} : { counterexample: '[1, 2, 3]', detail: 'error 2.3 > bound 1.1', replayCommand: 'npx lemmata conform --replay T' }),
    }));
    const size = Buffer.byteLength(toHtml(report(ps)));
    expect(size).toBeLessThan(88_000);
  });
});

function escapeHtmlForTest(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

describe('merge', () => {
  it('merges two shards into the unsharded summary, in any input order', () => {
    const m = mergeReports([shard1, shard0]);
    expect(m.shard).toBeNull();
    expect(m.properties.map((p) => p.id)).toEqual([...full.properties.map((p) => p.id)].sort());
    expect(m.summary).toEqual(full.summary);
    expect(m.ops).toEqual(full.ops);
    expect(m.events).toEqual(['restart after timeout in nn.softmax', 'worker crashed; restarted']);
    expect(m.timing.totalMs).toBe(2468);
    expect(Object.keys(m.timing.perPropertyMs).sort()).toEqual(full.properties.map((p) => p.id).sort());
    expect(stableReportJson(mergeReports([shard0, shard1]))).toBe(stableReportJson(m));
  });

  it('throws on mismatched seeds, dtypes, implementations, runs, and incomplete or repeated shards', () => {
    expect(() => mergeReports([shard0, { ...shard1, seed: 7 }])).toThrow(/report 2 has seed 7, report 1 has 20231109/);
    expect(() => mergeReports([shard0, { ...shard1, dtypes: ['float64'] }])).toThrow(/dtypes/);
    expect(() => mergeReports([shard0, { ...shard1, selection: { ops: ['nn.*'], claims: [] } }])).toThrow(/selection/);
    expect(() => mergeReports([shard0, { ...shard1, implementation: { ...shard1.implementation, profile: { elementaryUlps: 64, flushToZero: true } } }])).toThrow(/profile/);
    expect(() => mergeReports([shard0, { ...shard1, runs: null }])).toThrow(/runs/);
    expect(() => mergeReports([shard0, { ...shard1, implementation: { ...shard1.implementation, spec: './other.mjs' } }]))
      .toThrow(/implementation spec/);
    expect(() => mergeReports([shard0])).toThrow(/got 1 of 2 shards/);
    expect(() => mergeReports([shard0, { ...shard1, shard: { index: 0, count: 2 } }])).toThrow(/more than once/);
    expect(() => mergeReports([shard0, { ...shard1, shard: { index: 1, count: 3 } }])).toThrow(/shard count/);
    expect(() => mergeReports([{ ...shard0, shard: null }, { ...shard0, shard: null }])).toThrow(/appears in more than one report/);
    expect(() => mergeReports([])).toThrow(/no reports/);
  });
});

describe('stable JSON and determinism', () => {
  it('puts timing last, writes infinite ratios as 1e999, and ignores key construction order', () => {
    const json = stableReportJson(full);
    expect(json.endsWith('\n')).toBe(true);
    const keys = Object.keys(JSON.parse(json) as object);
    expect(keys[keys.length - 1]).toBe('timing');
    expect(json).toContain('"worstRatio": 1e999');
    const back = JSON.parse(json) as ConformReport;
    expect(back.properties[1]!.worstRatio).toBe(Infinity);
    expect(back.properties[1]!.ratios).toEqual([0, 1e-9, 0.5, 1.2, Infinity]);
    const { timing, ...rest } = full;
    const shuffled = { timing, ...Object.fromEntries(Object.entries(rest).reverse()) } as ConformReport;
    expect(stableReportJson(shuffled)).toBe(json);
    expect(withoutTiming(full)).not.toHaveProperty('timing');
    expect(stableReportJson(withoutTiming({ ...full, timing: { totalMs: 1, perPropertyMs: {} } }) as ConformReport))
      .toBe(stableReportJson(withoutTiming(full) as ConformReport));
  });

  it('every writer gives the same string for the same input', () => {
    const clone = JSON.parse(JSON.stringify(full)) as ConformReport;
    clone.properties[1]!.worstRatio = Infinity;
    clone.properties[1]!.ratios[4] = Infinity;
    for (const f of [toJUnitXml, toMarkdown, toHtml, stableReportJson]) {
      expect(f(full)).toBe(f(full));
      expect(f(clone)).toBe(f(full));
    }
  });
});
