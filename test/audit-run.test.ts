import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { runAudit } from '../src/audit/audit.js';
import { renderAuditHtml } from '../src/reporters/audit-html.js';
import { REPO, tempProject } from './cli-helpers.js';

const fixture = path.join(REPO, 'fixtures', 'audit-layers');

describe('runAudit', () => {
  it('draws the same graph from the check run’s code model as from its own parse', async () => {
    const html = await runAudit({ cwd: fixture, paths: [], format: 'html', now: new Date(0) });
    const dot = await runAudit({ cwd: fixture, paths: [], format: 'dot' });
    expect(html.graph).toEqual(dot.graph);
    expect(html.graph.cycles).toHaveLength(1);
    expect(renderAuditHtml(html.report!, html.svg)).toContain('1970-01-01T00:00:00Z');
    expect(html.svg).toMatch(/^<svg/);
  });

  it('parses the code itself when no code project rule runs', async () => {
    const dir = tempProject({
      '.architecturerc.yaml': [
        'extends: [archlint:recommended]',
        'rules:',
        '  layers/allowed-dependencies: off',
        '  layers/no-cycles: off',
        '  layers/public-api: off',
        '  layers/unassigned-file: off',
        '  errors/domain-error-base: off',
        '  logging/approved-logger: off',
        'code:',
        '  layers:',
        '    - { name: domain, files: "src/domain/**" }',
        '    - { name: app, files: "src/app/**", dependsOn: [domain] }',
        '',
      ].join('\n'),
      'src/domain/a.ts': "import { b } from '../app/b.js';\nexport const a = b;\n",
      'src/app/b.ts': 'export const b = 1;\n',
    });
    const audit = await runAudit({ cwd: dir, paths: [], format: 'html' });
    expect(audit.report!.summary.rules.some((r) => r.id === 'layers/allowed-dependencies')).toBe(false);
    expect(audit.graph.edges.filter((e) => e.imports > 0)).toEqual([expect.objectContaining({ from: 'domain', to: 'app', imports: 1, allowed: false })]);
  });
});
