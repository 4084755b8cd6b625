import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { archlint, REPO, tempProject } from './cli-helpers.js';

// End-to-end: the built CLI (run `npm run build` first; `npm test` does).
const FIXTURE = path.join(REPO, 'fixtures', 'audit-layers');

function copyFixture(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archlint-audit-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('archlint audit --format dot|mermaid', () => {
  it('prints the layer graph in DOT with the violating edges red and counted', () => {
    const run = archlint(['audit', 'fixtures/audit-layers', '--format', 'dot']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^digraph layers \{/);
    expect(run.stdout).toContain('"domain" [label="domain\\n2 files", class="layer cycle"');
    expect(run.stdout).toContain('"api" [label="api\\n1 file", class="layer"]');
    expect(run.stdout).toContain('"api" -> "infrastructure" [color="#dc2626", class="dependency violation", label=" 1 import "');
    expect(run.stdout).toContain('"domain" -> "infrastructure" [color="#dc2626:#d97706", class="dependency violation cycle"');
    expect(run.stdout).toContain('"application" -> "domain" [color="#2563eb:#d97706", class="dependency allowed cycle", label=" 2 imports "');
    expect(run.stdout.match(/class="dependency violation/g)).toHaveLength(2);
  });

  it('prints it in Mermaid', () => {
    const run = archlint(['audit', 'fixtures/audit-layers', '--format', 'mermaid']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n').slice(0, 5)).toEqual(['flowchart TB', '  L0["domain<br/>2 files"]', '  L1["application<br/>1 file"]', '  L2["infrastructure<br/>1 file"]', '  L3["api<br/>1 file"]']);
    expect(run.stdout).toContain('  L3 -->|"1 import"| L2');
    expect(run.stdout).toContain('  class L0,L1,L2 cycle');
  });

  it('writes to -o', () => {
    const dir = copyFixture();
    const run = archlint(['audit', '--format', 'dot', '-o', 'out/layers.dot'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'out/layers.dot'), 'utf8')).toMatch(/^digraph layers/);
  });

  it('says when there are no layers, and exits 2', () => {
    const dir = tempProject({ '.architecturerc.yaml': 'extends: [archlint:recommended]\n', 'src/a.ts': 'export const a = 1;\n' });
    const run = archlint(['audit', '--format', 'mermaid'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no layers are configured');
  });

  it('rejects an unknown format', () => {
    const run = archlint(['audit', 'fixtures/audit-layers', '--format', 'svg']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('html, mermaid, dot');
  });
});

describe('archlint audit (html)', () => {
  it('writes one self-contained page with the diagram, the summaries and the files', () => {
    const dir = copyFixture();
    const run = archlint(['audit', '-o', 'report.html'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('wrote report.html (3 finding(s), 4 layer(s), 1 layer cycle(s))');
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    // Nothing to fetch: no scripts, stylesheets, images or frames, and no XML prolog inside the page.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import|url\(/i);
    expect(html).not.toContain('<?xml');
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^https:\/\/github\.com\/archlint\/archlint\/blob\/main\/rules\//);
    expect(html).toContain('<div class="diagram" id="layer-diagram"><svg');
    expect(html).toContain('<title>api&#45;&gt;infrastructure</title>');
    expect(html).toMatch(/Cycle between domain, application, infrastructure<\/span>: for example <code>domain → infrastructure → domain<\/code>/);
    expect(html).toContain('<code>src/api/orders-controller.ts</code>');
    expect(html).toContain('No baseline file');
  });

  it('shows the trend against the baseline: what was fixed and what is new', () => {
    const dir = copyFixture();
    const baseline = archlint(['baseline'], dir);
    expect(baseline.status, baseline.stderr).toBe(0);
    // Fix the domain -> infrastructure import, add a console call elsewhere.
    writeFileSync(
      path.join(dir, 'src/domain/order.ts'),
      readFileSync(path.join(dir, 'src/domain/order.ts'), 'utf8')
        .replace("import { OrderRepository } from '../infrastructure/order-repository.js';\n", '')
        .replace(/\n  \/\/ A domain object[\s\S]*?\n  }\n/, '\n'),
    );
    writeFileSync(path.join(dir, 'src/shared/clock.ts'), "export const now = (): Date => {\n  console.info('now');\n  return new Date();\n};\n");
    const run = archlint(['audit', '-o', 'report.html'], dir);
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Baseline <code>.archlint-baseline.json</code>: 3 findings recorded, 3 findings now; 1 fixed, 1 new.');
    expect(html).toMatch(/<td><code>layers\/allowed-dependencies<\/code><\/td><td class="num">2<\/td><td class="num">1<\/td><td class="num delta-down">▼ -1<\/td><td class="num">0<\/td><td class="num">1<\/td>/);
    expect(html).toMatch(/<td><code>logging\/no-console<\/code><\/td><td class="num">1<\/td><td class="num">2<\/td><td class="num delta-up">▲ \+1<\/td><td class="num err">1<\/td><td class="num">0<\/td>/);
    // The cycle is gone with the import that closed it.
    expect(html).toContain('No cycles between layers.');
    expect(html).not.toContain('class="edge dependency violation cycle"');
    // --no-baseline: no trend.
    const plain = archlint(['audit', '--no-baseline', '-o', 'plain.html'], dir);
    expect(plain.status, plain.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'plain.html'), 'utf8')).toContain('No baseline file');
  });

  it('reuses the check cache with --cache, and reports the same', () => {
    const dir = tempProject({
      '.architecturerc.yaml': 'extends: [archlint:recommended]\ncode:\n  layers:\n    - { name: domain, files: "src/domain/**" }\n    - { name: app, files: "src/app/**", dependsOn: [domain] }\n',
      'src/domain/order.ts': "import { run } from '../app/run.js';\nexport const order = run;\n",
      'src/app/run.ts': "import { order } from '../domain/order.js';\nexport const run = () => order;\n",
    });
    const page = (file: string) => readFileSync(path.join(dir, file), 'utf8').replace(/\d{4}-\d\d-\d\dT[\d:]+Z/g, 'TIME');
    const cold = archlint(['audit', '--cache', '-o', 'cold.html'], dir);
    expect(cold.status, cold.stderr).toBe(0);
    const cacheFile = path.join(dir, 'node_modules/.cache/archlint/results.bin');
    expect(existsSync(cacheFile)).toBe(true);
    const warm = archlint(['audit', '--cache', '-o', 'warm.html'], dir);
    expect(warm.status, warm.stderr).toBe(0);
    expect(page('warm.html')).toEqual(page('cold.html'));
    expect(page('warm.html')).toContain('layers/allowed-dependencies');
  });

  it('audits the sample service', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'archlint-audit-')), 'sample.html');
    const run = archlint(['audit', 'fixtures/sample-service', '-o', out]);
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    for (const layer of ['domain', 'application', 'infrastructure', 'api']) expect(html).toContain(`<title>${layer}</title>`);
    expect(html).toContain('id="packs"');
  });

  it('goes on past a file that does not parse, and says its imports are missing', () => {
    const dir = tempProject({
      '.architecturerc.yaml': 'extends: [archlint:recommended]\ncode:\n  layers:\n    - { name: domain, files: "src/domain/**" }\n    - { name: app, files: "src/app/**", dependsOn: [domain] }\n',
      'src/domain/broken.ts': 'export const = ;\nimport {',
      'src/domain/order.ts': "import { run } from '../app/run.js';\nexport const order = run;\n",
      'src/app/run.ts': "export const run = 1;\n",
    });
    const run = archlint(['audit', '-o', 'r.html'], dir);
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(path.join(dir, 'r.html'), 'utf8');
    expect(html).toContain('1 file did not parse; their imports are missing.');
    expect(html).toContain('<title>domain&#45;&gt;app</title>');
    expect(html).toContain('<code>archlint/parse-error</code>');
  });

  it('explains a missing layer config instead of drawing an empty diagram', () => {
    const dir = tempProject({ '.architecturerc.yaml': 'extends: [archlint:recommended]\n', 'src/a.ts': "console.log('x');\n" });
    const run = archlint(['audit'], dir);
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(path.join(dir, 'archlint-audit.html'), 'utf8');
    expect(html).toContain('No layers are configured');
    expect(html).not.toContain('<svg');
    expect(html).toContain('<code>logging/no-console</code>');
  });
});
