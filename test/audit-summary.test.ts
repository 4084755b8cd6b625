import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/core/result.js';
import type { Diagnostic } from '../src/core/diagnostic.js';
import { summarizeAudit } from '../src/audit/summary.js';
import { buildLayerGraph } from '../src/audit/layer-graph.js';
import { renderAuditHtml } from '../src/reporters/audit-html.js';

let seq = 0;
function diag(ruleId: string, file: string, severity: 'error' | 'warn' = 'error'): Diagnostic {
  seq++;
  return { ruleId, severity, message: `m${seq}`, file, line: seq, column: 1, endLine: seq, endColumn: 2, fingerprint: `fp${seq}` };
}

const rule = (id: string, pack: string) => ({
  id,
  pack,
  kind: 'code' as const,
  scope: 'file' as const,
  description: `${id} <desc>`,
  recommended: true,
  defaultSeverity: 'error' as const,
  severity: 'error' as const,
  tags: [],
  docsUrl: `https://example.test/${id}.md`,
});

function result(partial: Partial<CheckResult>): CheckResult {
  return {
    formatVersion: 1,
    tool: { name: 'archlint', version: '9.9.9' },
    root: '/repo/shop',
    diagnostics: [],
    suppressed: [],
    baselined: [],
    rules: [rule('layers/allowed-dependencies', 'layers'), rule('logging/no-console', 'logging'), rule('errors/no-generic-error', 'errors')],
    files: { code: 12, openapi: 1, graphql: 0, migration: 0 },
    notices: [],
    executionSuccessful: true,
    ...partial,
  };
}

describe('summarizeAudit', () => {
  it('counts per pack, rule and file, new and baselined apart, suppressed aside', () => {
    const r = result({
      diagnostics: [diag('layers/allowed-dependencies', 'src/a.ts'), diag('logging/no-console', 'src/a.ts', 'warn'), diag('archlint/parse-error', 'src/broken.ts')],
      baselined: [diag('layers/allowed-dependencies', 'src/b.ts'), diag('layers/allowed-dependencies', 'src/a.ts')],
      suppressed: [{ ...diag('logging/no-console', 'src/c.ts', 'warn'), suppression: { kind: 'inSource', justification: 'cli' } }],
    });
    const s = summarizeAudit(r, { generatedAt: '2026-01-02T03:04:05Z', topFiles: 2 });
    expect(s.totals).toEqual({ findings: 5, errors: 4, warnings: 1, new: 3, baselined: 2, suppressed: 1 });
    expect(s.rules.map((x) => [x.id, x.findings, x.new, x.baselined, x.suppressed])).toEqual([
      ['layers/allowed-dependencies', 3, 1, 2, 0],
      ['archlint/parse-error', 1, 1, 0, 0],
      ['logging/no-console', 1, 1, 0, 1],
      ['errors/no-generic-error', 0, 0, 0, 0],
    ]);
    expect(s.packs.map((p) => [p.id, p.findings, p.rulesRun, p.rulesWithFindings])).toEqual([
      ['layers', 3, 1, 1],
      ['archlint', 1, 0, 1],
      ['logging', 1, 1, 1],
      ['errors', 0, 1, 0],
    ]);
    expect(s.topFiles).toEqual([
      { file: 'src/a.ts', findings: 3, errors: 2, warnings: 1, rules: [{ id: 'layers/allowed-dependencies', count: 2 }, { id: 'logging/no-console', count: 1 }] },
      { file: 'src/b.ts', findings: 1, errors: 1, warnings: 0, rules: [{ id: 'layers/allowed-dependencies', count: 1 }] },
    ]);
    expect(s.trend).toBeUndefined();
  });

  it('compares with the baseline per rule', () => {
    const r = result({
      diagnostics: [diag('logging/no-console', 'src/a.ts', 'warn'), diag('logging/no-console', 'src/d.ts', 'warn')],
      baselined: [diag('layers/allowed-dependencies', 'src/b.ts')],
      baseline: {
        file: '.archlint-baseline.json',
        exists: true,
        stale: [
          { ruleId: 'layers/allowed-dependencies', file: 'src/x.ts', fingerprint: 'gone1', message: '' },
          { ruleId: 'layers/allowed-dependencies', file: 'src/y.ts', fingerprint: 'gone2', message: '' },
        ],
      },
    });
    const entries = ['fp-b', 'gone1', 'gone2'].map((fingerprint) => ({ ruleId: 'layers/allowed-dependencies', file: 'f', fingerprint, message: '' }));
    const s = summarizeAudit(r, { generatedAt: 'now', baselineEntries: entries });
    expect(s.trend).toEqual({
      file: '.archlint-baseline.json',
      before: 3,
      now: 3,
      new: 2,
      fixed: 2,
      rules: [
        { id: 'layers/allowed-dependencies', before: 3, now: 1, new: 0, fixed: 2 },
        { id: 'logging/no-console', before: 0, now: 2, new: 2, fixed: 0 },
      ],
    });
  });
});

describe('renderAuditHtml', () => {
  it('escapes every value from the repository', () => {
    const r = result({ root: '/repo/<shop>', diagnostics: [diag('logging/no-console', 'src/<x>&"y".ts', 'warn')], notices: [{ level: 'info', message: 'a <b>notice</b>' }] });
    const html = renderAuditHtml({ summary: summarizeAudit(r, { generatedAt: 'T' }) }, undefined);
    expect(html).toContain('<title>archlint audit: &lt;shop&gt;</title>');
    expect(html).toContain('<code>src/&lt;x&gt;&amp;&quot;y&quot;.ts</code>');
    expect(html).toContain('a &lt;b&gt;notice&lt;/b&gt;');
    expect(html).toContain('logging/no-console &lt;desc&gt;');
    expect(html).not.toContain('<x>');
  });

  it('places the diagram and the edge table when there are layers', () => {
    const graph = buildLayerGraph({
      layers: [
        { name: 'domain', files: ['d/**'], dependsOn: [] },
        { name: 'app', files: ['a/**'], dependsOn: ['domain'] },
      ],
      files: ['d/x.ts', 'a/y.ts'],
      importsOf: new Map([['d/x.ts', [{ target: 'a/y.ts', typeOnly: false }]]]),
    });
    const html = renderAuditHtml({ summary: summarizeAudit(result({}), { generatedAt: 'T' }), layers: graph }, '<svg id="drawn"></svg>');
    expect(html).toContain('<div class="diagram" id="layer-diagram"><svg id="drawn"></svg></div>');
    expect(html).toContain('2 layers, 1 violating dependency (1 import).');
    expect(html).toMatch(/<td>domain<\/td><td>app<\/td><td class="num err">1<\/td>.*violation/);
    expect(html).toContain('1</div><div class="label">layer violations');
  });
});
