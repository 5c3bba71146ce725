/**
 * The conform report as ONE self-contained HTML page: inline CSS, no scripts, no external
 * resources. Per op its status; per property × dtype a `<details>` element whose summary line
 * shows the status, the worst error/bound and a small inline SVG plot of error/bound per input;
 * its body holds the description, the shrunk counterexample, the detail and the replay command.
 * Failing entries start open. Every piece of report text is escaped. Deterministic except for
 * the timing line in the footer.
 */
import { declaredAlgorithmsText, type ConformProperty, type ConformReport, type ConformStatus } from './types.js';
import { escapeXml, worstText } from './report-junit.js';
import { CONFORM_STATUSES } from './merge.js';
import { valueText } from '../runner/counterexample.js';
import { formatRatio } from '../runner/run-property.js';

const esc = (s: string) => escapeXml(s);

/**
 * Plot geometry (SVG user units = CSS px). The plot area starts at X0 (room for the y tick
 * labels) and ends above Y1 (room for the x axis labels); y = log10(ratio) on a range that grows
 * to include every finite positive ratio (at least [1e-6, 1e2], so that 1.5 and 1e12 never look
 * alike); ∞ and NaN sit on a separate row marked ∞ above the top decade.
 */
const W = 260;
const H = 74;
const X0 = 30;
const XR = 4;
const YTOP = 10; // the ∞ row is at y = 4
const YB = 60;   // bottom of the plot area; x labels below

const CSS = `body{font:14px/1.4 system-ui,sans-serif;margin:1.5em auto;max-width:70em;padding:0 1em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}
table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}
code,pre{font:12px/1.35 ui-monospace,monospace;background:#f4f4f4;overflow-wrap:anywhere;word-break:break-all}pre{padding:6px;overflow-x:auto;white-space:pre-wrap}
.b{display:inline-block;min-width:6.5em;padding:0 4px;border-radius:3px;text-align:center;font-size:12px;color:#fff;background:#777}
.pass{background:#2a7d2a}.suspicious{background:#b36b00}.fail,.error,.xpass{background:#c62828}.xfail{background:#8a6d00}.unsupported,.not-run{background:#888}
details{border-bottom:1px solid #eee}summary{cursor:pointer;padding:2px 0}summary>*{vertical-align:middle}
.r{display:inline-block;min-width:4.5em;text-align:right;font-variant-numeric:tabular-nums}.m{color:#666}
svg{margin-left:8px;background:#fafafa;border:1px solid #e4e4e4}
.d{fill:none;stroke:#3465a4;stroke-width:2.6;stroke-linecap:round}.d.hi{stroke:#d00}.z{fill:none;stroke:#888;stroke-width:1.4}
.ax{fill:none;stroke:#999;stroke-width:.5}.bd{stroke:#d00;stroke-width:.6;stroke-dasharray:3 2}
svg text{font:7px sans-serif;fill:#555;text-anchor:end}svg text.bl{fill:#d00}svg text.xl{text-anchor:middle}
.body{margin:4px 0 10px 1.5em}footer{margin-top:2em;padding-top:6px;border-top:1px solid #ccc;color:#666}`;

/** The decades shown: [lo, hi] with lo ≤ −6, hi ≥ 2, covering every finite positive ratio. */
export function plotRange(ratios: readonly number[]): [number, number] {
  let lo = -6, hi = 2;
  for (const r of ratios) {
    if (typeof r !== 'number' || !(r > 0) || !Number.isFinite(r)) continue;
    const l = Math.log10(r);
    lo = Math.min(lo, Math.floor(l));
    hi = Math.max(hi, Math.ceil(l));
  }
  return [Math.max(lo, -330), Math.min(hi, 310)];
}

/** Dots as one compact path: zero-length subpaths with round caps, relative moves after the first. */
function dots(pts: [number, number][]): string {
  let d = '';
  let px = 0;
  let py = 0;
  for (const [x, y] of pts) {
    const dx = x - px;
    const dy = y - py;
    d += d ? `m${dx}${dy < 0 ? '' : ' '}${dy}h0` : `M${x} ${y}h0`;
    px = x;
    py = y;
  }
  return d;
}

const sup = (k: number) => `1e${k}`;

/**
 * A W×H SVG scatter plot of error/bound per generated input (x: input index, labelled 1 … n;
 * y: log10 scale with tick labels every few decades, never clipping a finite ratio); exact zeros
 * as grey ticks on the bottom axis; ∞ and NaN (null once through JSON) on the ∞ row; points above
 * the bound (ratio > 1) in red; a dashed line labelled "bound" at ratio 1. Empty without ratios.
 */
export function ratioPlot(ratios: readonly number[]): string {
  if (ratios.length === 0) return '';
  const n = ratios.length;
  const rs = ratios.map((v) => (typeof v === 'number' ? v : NaN)); // NaN was written to JSON as null
  const [lo, hi] = plotRange(rs);
  const xOf = (i: number) => Math.round(X0 + 2 + (n === 1 ? 0 : (i * (W - X0 - XR - 4)) / (n - 1)));
  const yOf = (r: number) => (Number.isFinite(r) ? Math.round(YTOP + ((hi - Math.log10(r)) / (hi - lo)) * (YB - YTOP)) : 4);
  const low: [number, number][] = [];
  const high: [number, number][] = [];
  let zeros = '';
  const drawn = new Set<string>(); // identical rounded positions are drawn once (many runs)
  rs.forEach((r, i) => {
    const x = xOf(i);
    const kind = r <= 0 ? 'z' : r <= 1 ? 'd' : 'hi'; // NaN compares false: above the bound
    const y = kind === 'z' ? YB : yOf(Number.isNaN(r) ? Infinity : r);
    if (drawn.has(`${kind}${x},${y}`)) return;
    drawn.add(`${kind}${x},${y}`);
    if (kind === 'z') zeros += `M${x} ${YB}v-5`;
    else (kind === 'hi' ? high : low).push([x, y]);
  });
  const over = rs.filter((r) => !(r <= 1)).length;
  const label = `error/bound of ${n} inputs${over ? `, ${over} above the bound` : ''}`;
  const step = Math.max(2, Math.ceil((hi - lo) / 4));
  const ticks: number[] = [];
  for (let k = lo; k < hi; k += step) ticks.push(k);
  ticks.push(hi);
  const y1 = yOf(1);
  const axis = `<path class="ax" d="M${X0} ${YTOP}V${YB}H${W - XR}${ticks.map((k) => `M${X0 - 2} ${yOf(10 ** k)}h2`).join('')}"/>`
    + ticks.map((k) => `<text x="${X0 - 3}" y="${yOf(10 ** k) + 2}">${sup(k)}</text>`).join('')
    + `<text x="${X0 - 3}" y="6">∞</text>`
    + `<text class="xl" x="${xOf(0)}" y="${H - 4}">1</text>` + (n > 1 ? `<text class="xl" x="${xOf(n - 1)}" y="${H - 4}">${n}</text>` : '');
  return `<svg width="${W}" height="${H}" role="img" aria-label="${label}">`
    + axis
    + `<path class="bd" d="M${X0} ${y1}H${W - XR}"/><text class="bl" x="${W - XR - 1}" y="${y1 - 2}">bound</text>`
    + (zeros ? `<path class="z" d="${zeros}"/>` : '')
    + (low.length ? `<path class="d" d="${dots(low)}"/>` : '')
    + (high.length ? `<path class="d hi" d="${dots(high)}"/>` : '')
    + '</svg>';
}

function badge(s: ConformStatus): string {
  return `<span class="b ${s}">${s}</span>`;
}

function property(p: ConformProperty): string {
  const open = p.status === 'fail' || p.status === 'error' || p.status === 'xpass' ? ' open' : '';
  const body: string[] = [];
  body.push(`<div>${esc(p.description)}</div>`);
  body.push(`<div class="m">${esc(p.kind)}; ops: ${esc(p.ops.join(', ') || '—')}; ${p.checks} checks; seed ${p.seed}</div>`);
  if (p.note) body.push(`<div>note: ${esc(p.note)}</div>`);
  if (p.detail) body.push(`<div>${esc(p.detail)}</div>`);
  if (p.worstInput !== undefined) body.push(`<div>largest err/bound at:</div><pre>${esc(valueText(p.worstInput, 4000))}</pre>`);
  if (p.worstDetail) body.push(`<div>there: ${esc(p.worstDetail)}</div>`);
  if (p.failureClass) body.push(`<div>failure class: <b>${esc(p.failureClass)}</b></div>`);
  if (p.counterexample !== undefined) body.push(`<div>shrunk counterexample:</div><pre>${esc(valueText(p.counterexample, 4000))}</pre>`);
  if (p.replayCommand) body.push(`<div>replay: <code>${esc(p.replayCommand)}</code></div>`);
  else if (p.replay) body.push(`<div>replay token: <code>${esc(p.replay)}</code></div>`);
  const prob = p.worstProbRatio !== undefined ? ` <span class="m" title="worst error / probabilistic bound">(prob. ${esc(formatRatio(p.worstProbRatio))})</span>` : '';
  return `<details${open}><summary>${badge(p.status)} <span class="r">${esc(worstText(p))}</span>${prob} `
    + `<b>${esc(p.id)}</b> <span class="m">[${p.dtype}]</span>${ratioPlot(p.ratios)}</summary>`
    + `<div class="body">${body.join('')}</div></details>`;
}

/** The report as a self-contained HTML page. */
export function toHtml(r: ConformReport): string {
  const im = r.implementation;
  const title = `lemmata ${r.command} — ${im.name}`;
  const s = r.summary;
  const counts = CONFORM_STATUSES.filter((k) => k === 'pass' || s[k] > 0).map((k) => `${badge(k)} ${s[k]}`).join(' ');
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
    `<meta name="viewport" content="width=device-width"><title>${esc(title)}</title>`, `<style>${CSS}</style></head><body>`);
  out.push(`<h1>${esc(title)}</h1>`);
  if (r.interrupted) out.push('<p><span class="b error">interrupted</span> by a signal: properties it cut short are not-run (see the events).</p>');
  out.push(`<p class="m">${esc(im.kind)} <code>${esc(im.spec)}</code> · dtypes ${r.dtypes.join(', ')} · seed ${r.seed} · runs ${r.runs ?? 'per-property default'}`
    + ` · shard ${r.shard ? `${r.shard.index}/${r.shard.count}` : 'all'} · profile ${esc(im.profileSource)}: elementary functions within ${im.profile.elementaryUlps} ulp`
    + ` · flush-to-zero ${im.profile.flushToZero ? 'yes' : 'no'}${esc(declaredAlgorithmsText(im.profile))}</p>`);
  out.push(`<p>${counts} — ${r.properties.length} property × dtype checks</p>`);
  out.push('<h2>Ops</h2><table><tr><th>op</th><th>status</th><th>properties</th></tr>');
  for (const o of r.ops) out.push(`<tr><td>${esc(o.id)}</td><td>${badge(o.status)}</td><td>${o.properties}</td></tr>`);
  out.push('</table>');
  // Failures and errors first, then what passed, then what did not run (unsupported, not-run) in a closed list.
  const rank = (p: ConformProperty) => (p.status === 'error' || p.status === 'fail' || p.status === 'xpass' ? 0 : p.status === 'unsupported' || p.status === 'not-run' ? 2 : 1);
  const ordered = [...r.properties].sort((a, b) => rank(a) - rank(b));
  const idle = ordered.filter((p) => rank(p) === 2);
  out.push('<h2>Properties</h2>', '<p class="m">failures and errors first · status · worst error/bound · property [dtype] · error/bound per generated input '
    + '(x: input 1 … n; y: log scale, at least 1e-6 … 1e2 and wide enough for every value; dashed line = bound, red = above it, ∞ row = infinite or NaN, grey ticks on the axis = exactly 0)</p>');
  for (const p of ordered) if (rank(p) < 2) out.push(property(p));
  if (idle.length) {
    out.push(`<details><summary>${idle.length} not run (unsupported or out of time)</summary><div class="body">`);
    for (const p of idle) out.push(property(p));
    out.push('</div></details>');
  }
  if (r.events.length) out.push('<h2>Events</h2><ul>', ...r.events.map((e) => `<li>${esc(e)}</li>`), '</ul>');
  out.push(`<footer>Timing (not part of the deterministic result): ${r.timing.totalMs} ms in total.</footer>`, '</body></html>', '');
  return out.join('\n');
}
