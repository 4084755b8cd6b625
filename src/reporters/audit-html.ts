import { COLORS } from '../audit/dot.js';
import type { AuditReportData } from '../audit/audit.js';
import { violationCount } from '../audit/layer-graph.js';
import type { AuditSummary, Counts } from '../audit/summary.js';


function esc(text: string | number): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// One stylesheet, inline: the page is a single file that opens offline and in CI artifacts.
const STYLE = `
:root { color-scheme: light; --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --soft: #f8fafc; --error: ${COLORS.violation}; --warn: #b45309; --ok: #15803d; --accent: ${COLORS.allowed}; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
header { padding: 24px 32px 16px; border-bottom: 1px solid var(--line); background: var(--soft); }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; color: var(--muted); }
main { padding: 8px 32px 48px; max-width: 1200px; }
section { margin-top: 28px; }
h2 { font-size: 17px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 20px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 120px; background: #fff; }
.card .value { font-size: 24px; font-weight: 600; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card.bad .value { color: var(--error); }
.card.good .value { color: var(--ok); }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; background: var(--soft); }
td.num, th.num { text-align: right; }
td.err { color: var(--error); font-weight: 600; }
td.warn { color: var(--warn); }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft); padding: 1px 4px; border-radius: 3px; }
.muted { color: var(--muted); }
.bar { display: inline-block; height: 8px; border-radius: 4px; background: var(--accent); vertical-align: middle; }
.bar.err { background: var(--error); }
.diagram { border: 1px solid var(--line); border-radius: 8px; padding: 16px; overflow-x: auto; background: #fff; text-align: center; }
.diagram svg { max-width: 100%; height: auto; }
.legend { display: flex; flex-wrap: wrap; gap: 18px; margin: 10px 0 14px; color: var(--muted); font-size: 13px; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 26px; height: 0; border-top: 3px solid; }
.swatch.dashed { border-top-style: dashed; }
.swatch.box { width: 18px; height: 12px; border: 2px solid; border-radius: 3px; }
.status { font-weight: 600; }
.status.violation { color: var(--error); }
.status.allowed { color: var(--accent); }
.status.unused { color: var(--muted); font-weight: 400; }
.delta-up { color: var(--error); }
.delta-down { color: var(--ok); }
.notice { padding: 8px 12px; border-left: 3px solid var(--warn); background: #fffbeb; margin: 6px 0; }
details { margin-top: 10px; }
summary { cursor: pointer; color: var(--muted); }
footer { color: var(--muted); font-size: 12px; margin-top: 40px; }
`;

function table(head: string[], rows: string[][], numeric: number[] = []): string {
  if (rows.length === 0) return '<p class="muted">Nothing to show.</p>';
  const th = head.map((h, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${h}</th>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('\n')}</tbody></table>`;
}

const num = (n: number, cls = '') => `<td class="num${cls ? ` ${cls}` : ''}">${n}</td>`;
const cell = (html: string) => `<td>${html}</td>`;

function bar(value: number, max: number, error: boolean): string {
  if (max === 0 || value === 0) return '';
  return `<span class="bar${error ? ' err' : ''}" style="width:${Math.max(2, Math.round((value / max) * 160))}px"></span>`;
}

function card(value: number | string, label: string, tone?: 'bad' | 'good'): string {
  return `<div class="card${tone ? ` ${tone}` : ''}"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div></div>`;
}

function countCells(c: Counts, withBaseline: boolean): string[] {
  return [
    num(c.findings),
    num(c.errors, c.errors > 0 ? 'err' : ''),
    num(c.warnings, c.warnings > 0 ? 'warn' : ''),
    ...(withBaseline ? [num(c.new), num(c.baselined)] : []),
    num(c.suppressed),
  ];
}

function layerSection(data: AuditReportData, svg: string | undefined): string {
  const graph = data.layers;
  if (!graph || graph.layers.length === 0) {
    return `<section id="layers"><h2>Layer dependencies</h2><p class="muted">No layers are configured: declare <code>code.layers</code> (or <code>code.preset</code>) in the config to see the layer diagram.</p></section>`;
  }
  const violating = graph.edges.filter((e) => !e.allowed && e.imports > 0);
  const legend = `<div class="legend">
<span><i class="swatch" style="border-color:${COLORS.allowed}"></i>allowed (dependsOn)</span>
<span><i class="swatch" style="border-color:${COLORS.violation}"></i>violating, with import count</span>
<span><i class="swatch dashed" style="border-color:${COLORS.unused}"></i>allowed, unused</span>
<span><i class="swatch box" style="border-color:${COLORS.cycleStroke};background:${COLORS.cycleFill}"></i>layer on a cycle (cycle edges doubled in amber)</span>
</div>`;
  const cycles =
    graph.cycles.length === 0
      ? '<p>No cycles between layers.</p>'
      : `<ul class="cycles">${graph.cycles
          .map(
            (c) =>
              `<li><span class="status violation">Cycle between ${c.layers.map(esc).join(', ')}</span>: for example <code>${c.path.map(esc).join(' → ')}</code></li>`,
          )
          .join('')}</ul>`;
  const rows = graph.edges.map((e) => {
    const kind = e.imports === 0 ? 'unused' : e.allowed ? 'allowed' : 'violation';
    const status = kind === 'unused' ? 'allowed, unused' : kind;
    return [
      cell(esc(e.from)),
      cell(esc(e.to)),
      num(e.imports, kind === 'violation' ? 'err' : ''),
      num(e.typeOnly),
      num(e.files),
      cell(`<span class="status ${kind}">${status}</span>${e.inCycle ? ' <span class="status violation">· cycle</span>' : ''}`),
      cell(e.example ? `<code>${esc(e.example.file)}</code> → <code>${esc(e.example.target)}</code>` : ''),
    ];
  });
  const unassigned =
    graph.unassignedFiles > 0 ? ` ${graph.unassignedFiles} of ${plural(graph.totalFiles, 'file')} ${graph.unassignedFiles === 1 ? 'is' : 'are'} in no layer; their imports are not drawn.` : '';
  const exempt =
    graph.exemptImports > 0 ? ` ${plural(graph.exemptImports, 'import')} across layers ${graph.exemptImports === 1 ? 'is' : 'are'} exempt (allowFiles or ignoreTypeImports of layers/allowed-dependencies) and not drawn.` : '';
  const unparsed = data.unparsed && data.unparsed.length > 0 ? ` ${plural(data.unparsed.length, 'file')} did not parse; their imports are missing.` : '';
  return `<section id="layers"><h2>Layer dependencies</h2>
<p>${plural(graph.layers.length, 'layer')}, ${plural(violating.length, 'violating dependency', 'violating dependencies')} (${plural(violationCount(graph), 'import')}).${esc(unassigned)}${esc(exempt)}${esc(unparsed)}</p>
${cycles}
${legend}
<div class="diagram" id="layer-diagram">${svg ?? '<p class="muted">The diagram could not be drawn.</p>'}</div>
<h3>Dependencies between layers</h3>
${table(['From', 'To', 'Imports', 'Type-only', 'Files', 'Status', 'Example'], rows, [2, 3, 4])}
</section>`;
}

function trendSection(s: AuditSummary): string {
  if (!s.trend) {
    return `<section id="trend"><h2>Since the baseline</h2><p class="muted">No baseline file: <code>archlint baseline</code> records today's findings, and later audits show what was fixed and what is new.</p></section>`;
  }
  const t = s.trend;
  const delta = (before: number, now: number) => {
    const d = now - before;
    if (d === 0) return '<td class="num muted">±0</td>';
    return `<td class="num ${d > 0 ? 'delta-up' : 'delta-down'}">${d > 0 ? '▲ +' : '▼ '}${d}</td>`;
  };
  const rows = t.rules.map((r) => [cell(`<code>${esc(r.id)}</code>`), num(r.before), num(r.now), delta(r.before, r.now), num(r.new, r.new > 0 ? 'err' : ''), num(r.fixed)]);
  return `<section id="trend"><h2>Since the baseline</h2>
<p>Baseline <code>${esc(t.file)}</code>: ${plural(t.before, 'finding')} recorded, ${plural(t.now, 'finding')} now; ${t.fixed} fixed, ${t.new} new.</p>
<div class="cards">${card(t.before, 'in baseline')}${card(t.now, 'now')}${card(t.fixed, 'fixed', t.fixed > 0 ? 'good' : undefined)}${card(t.new, 'new', t.new > 0 ? 'bad' : undefined)}</div>
<h3>Per rule</h3>
${table(['Rule', 'Baseline', 'Now', 'Change', 'New', 'Fixed'], rows, [1, 2, 3, 4, 5])}
</section>`;
}

/**
 * The audit page: one self-contained HTML file (inline CSS and SVG, no script, nothing fetched)
 * from the audit's numbers and the diagram Graphviz drew.
 */
export function renderAuditHtml(data: AuditReportData, svg: string | undefined): string {
  const s = data.summary;
  const withBaseline = s.trend !== undefined || s.totals.baselined > 0;
  const name = s.root.split(/[\\/]/).filter(Boolean).pop() ?? s.root;
  const kinds = (Object.entries(s.files) as [string, number][]).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  const maxRule = Math.max(0, ...s.rules.map((r) => r.findings));
  const countHead = ['Findings', 'Errors', 'Warnings', ...(withBaseline ? ['New', 'Baselined'] : []), 'Suppressed'];
  const countCols = (from: number) => countHead.map((_, i) => from + i);

  const packRows = s.packs.map((p) => [cell(`<strong>${esc(p.id)}</strong>`), num(p.rulesRun), num(p.rulesWithFindings), ...countCells(p, withBaseline)]);
  // Most rules of a recommended config find nothing: listed, but folded away.
  const ruleRow = (r: AuditSummary['rules'][number]) => [
    cell(r.docsUrl && /^(https?|file):/.test(r.docsUrl) ? `<a href="${esc(r.docsUrl)}"><code>${esc(r.id)}</code></a>` : `<code>${esc(r.id)}</code>`),
    cell(`<span class="muted">${esc(r.description)}</span>`),
    ...countCells(r, withBaseline),
    cell(bar(r.findings, maxRule, r.errors > 0)),
  ];
  const active = s.rules.filter((r) => r.findings > 0 || r.suppressed > 0);
  const quiet = s.rules.filter((r) => r.findings === 0 && r.suppressed === 0);
  const fileRows = s.topFiles.map((f) => [
    cell(`<code>${esc(f.file)}</code>`),
    num(f.findings),
    num(f.errors, f.errors > 0 ? 'err' : ''),
    num(f.warnings, f.warnings > 0 ? 'warn' : ''),
    cell(f.rules.slice(0, 4).map((r) => `<code>${esc(r.id)}</code>&nbsp;×${r.count}`).join(', ') + (f.rules.length > 4 ? ` <span class="muted">+${f.rules.length - 4} more</span>` : '')),
  ]);
  const graph = data.layers;
  const violations = graph ? violationCount(graph) : 0;

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="archlint ${esc(s.version)}">
<title>archlint audit: ${esc(name)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>archlint audit: ${esc(name)}</h1>
<p>${esc(s.root)} · ${kinds.length > 0 ? esc(kinds.join(', ')) + ' files' : 'no files'} · archlint ${esc(s.version)} · ${esc(s.generatedAt)}</p>
</header>
<main>
${s.executionSuccessful ? '' : '<p class="notice">A rule or parser crashed during this run: see the <code>archlint/internal-error</code> findings. Counts may be incomplete.</p>'}
${s.notices.map((n) => `<p class="notice">${esc(n.message)}</p>`).join('\n')}
<div class="cards" id="totals">
${card(s.totals.findings, 'findings', s.totals.findings > 0 ? 'bad' : 'good')}
${card(s.totals.errors, 'errors', s.totals.errors > 0 ? 'bad' : undefined)}
${card(s.totals.warnings, 'warnings')}
${withBaseline ? card(s.totals.new, 'new since baseline', s.totals.new > 0 ? 'bad' : 'good') + card(s.totals.baselined, 'baselined') : ''}
${card(s.totals.suppressed, 'suppressed')}
${graph && graph.layers.length > 0 ? card(violations, 'layer violations', violations > 0 ? 'bad' : 'good') + card(graph.cycles.length, 'layer cycles', graph.cycles.length > 0 ? 'bad' : 'good') : ''}
</div>
${layerSection(data, svg)}
<section id="packs"><h2>Packs</h2>
${table(['Pack', 'Rules run', 'Rules with findings', ...countHead], packRows, [1, 2, ...countCols(3)])}
</section>
<section id="rules"><h2>Rules</h2>
${active.length > 0 ? table(['Rule', 'Description', ...countHead, ''], active.map(ruleRow), countCols(2)) : '<p>No rule found anything.</p>'}
${quiet.length > 0 ? `<details id="quiet-rules"><summary>${plural(quiet.length, 'rule')} found nothing</summary>${table(['Rule', 'Description', ...countHead, ''], quiet.map(ruleRow), countCols(2))}</details>` : ''}
</section>
<section id="files"><h2>Files with most findings</h2>
${table(['File', 'Findings', 'Errors', 'Warnings', 'Rules'], fileRows, [1, 2, 3])}
</section>
${trendSection(s)}
<footer>Generated by archlint ${esc(s.version)}. Suppressed findings are silenced by inline comments and not counted as findings.</footer>
</main>
</body>
</html>
`;
}
