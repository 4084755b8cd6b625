import { describe, expect, it } from 'vitest';
import { buildLayerGraph, violationCount, type LayerImport } from '../src/audit/layer-graph.js';
import { layerGraphToDot } from '../src/audit/dot.js';
import { layerGraphToMermaid } from '../src/audit/mermaid.js';
import { dotToSvg } from '../src/audit/svg.js';
import type { Layer } from '../src/sources/code/index.js';

const layers: Layer[] = [
  { name: 'domain', files: ['src/domain/**'], dependsOn: [] },
  { name: 'application', files: ['src/application/**'], dependsOn: ['domain'] },
  { name: 'infrastructure', files: ['src/infrastructure/**'], dependsOn: ['application', 'domain', 'missing'] },
  { name: 'api', files: ['src/api/**'], dependsOn: ['application', 'domain'] },
];

const imp = (target: string, typeOnly = false): LayerImport => ({ target, typeOnly });

function graphOf(importsOf: Record<string, LayerImport[]>, files = Object.keys(importsOf)) {
  return buildLayerGraph({ layers, files, importsOf: new Map(Object.entries(importsOf)) });
}

describe('buildLayerGraph', () => {
  it('counts imports per pair of layers and tells allowed from violating ones', () => {
    const g = graphOf({
      'src/application/place.ts': [imp('src/domain/order.ts'), imp('src/domain/errors.ts'), imp('src/application/ports.ts')],
      'src/application/ports.ts': [imp('src/domain/order.ts', true)],
      'src/api/orders.ts': [imp('src/infrastructure/repo.ts'), imp('src/infrastructure/db.ts'), imp('src/application/place.ts')],
      'src/domain/order.ts': [],
      'src/domain/errors.ts': [],
      'src/infrastructure/repo.ts': [],
      'src/infrastructure/db.ts': [],
      'scripts/seed.ts': [imp('src/infrastructure/db.ts')],
    });
    expect(g.layers.map((l) => [l.name, l.files])).toEqual([
      ['domain', 2],
      ['application', 2],
      ['infrastructure', 2],
      ['api', 1],
    ]);
    expect(g.unassignedFiles).toBe(1);
    expect(g.totalFiles).toBe(8);
    const edge = (from: string, to: string) => g.edges.find((e) => e.from === from && e.to === to);
    expect(edge('application', 'domain')).toMatchObject({ imports: 3, typeOnly: 1, files: 2, allowed: true, inCycle: false });
    expect(edge('api', 'infrastructure')).toMatchObject({ imports: 2, files: 1, allowed: false, example: { file: 'src/api/orders.ts', target: 'src/infrastructure/repo.ts' } });
    expect(edge('api', 'application')).toMatchObject({ imports: 1, allowed: true });
    // Declared but unused dependencies are edges with no imports; unknown layer names are dropped.
    expect(edge('api', 'domain')).toMatchObject({ imports: 0, allowed: true });
    expect(edge('infrastructure', 'domain')).toMatchObject({ imports: 0, allowed: true });
    expect(g.edges.some((e) => e.to === 'missing')).toBe(false);
    // Imports inside a layer, and to or from files in no layer, are not edges.
    expect(g.edges.some((e) => e.from === e.to)).toBe(false);
    expect(g.cycles).toEqual([]);
    expect(violationCount(g)).toBe(2);
  });

  it('orders edges by layer order, whatever the order of files', () => {
    const a = graphOf({ 'src/api/a.ts': [imp('src/domain/x.ts')], 'src/infrastructure/b.ts': [imp('src/application/y.ts')] });
    const b = graphOf({ 'src/infrastructure/b.ts': [imp('src/application/y.ts')], 'src/api/a.ts': [imp('src/domain/x.ts')] });
    expect(a.edges).toEqual(b.edges);
    expect(a.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['application->domain', 'infrastructure->domain', 'infrastructure->application', 'api->domain', 'api->application']);
  });

  it('finds cycles between layers and marks their layers and edges', () => {
    const g = graphOf({
      'src/domain/order.ts': [imp('src/infrastructure/repo.ts')],
      'src/infrastructure/repo.ts': [imp('src/application/ports.ts', true)],
      'src/application/ports.ts': [imp('src/domain/order.ts')],
      'src/api/orders.ts': [imp('src/application/ports.ts')],
    });
    expect(g.cycles).toEqual([{ layers: ['domain', 'application', 'infrastructure'], path: ['domain', 'infrastructure', 'application', 'domain'] }]);
    expect(g.layers.filter((l) => l.inCycle).map((l) => l.name)).toEqual(['domain', 'application', 'infrastructure']);
    const cyclic = g.edges.filter((e) => e.inCycle).map((e) => `${e.from}->${e.to}`);
    expect(cyclic).toEqual(['domain->infrastructure', 'application->domain', 'infrastructure->application']);
    // api reaches the cycle but is not on it.
    expect(g.edges.find((e) => e.from === 'api' && e.to === 'application')!.inCycle).toBe(false);
  });

  it('gives the shortest cycle through the first layer of a group', () => {
    const g = graphOf({
      'src/domain/a.ts': [imp('src/api/x.ts'), imp('src/infrastructure/y.ts')],
      'src/api/x.ts': [imp('src/application/z.ts')],
      'src/application/z.ts': [imp('src/domain/a.ts')],
      'src/infrastructure/y.ts': [imp('src/domain/a.ts')],
    });
    expect(g.cycles).toHaveLength(1);
    expect(g.cycles[0].layers).toEqual(['domain', 'application', 'infrastructure', 'api']);
    expect(g.cycles[0].path).toEqual(['domain', 'infrastructure', 'domain']);
  });

  it('keeps separate cycles apart', () => {
    const four: Layer[] = ['a', 'b', 'c', 'd'].map((name) => ({ name, files: [`${name}/**`], dependsOn: [] }));
    const g = buildLayerGraph({
      layers: four,
      files: ['a/1.ts', 'b/1.ts', 'c/1.ts', 'd/1.ts'],
      importsOf: new Map([
        ['a/1.ts', [imp('b/1.ts')]],
        ['b/1.ts', [imp('a/1.ts'), imp('c/1.ts')]],
        ['c/1.ts', [imp('d/1.ts')]],
        ['d/1.ts', [imp('c/1.ts')]],
      ]),
    });
    expect(g.cycles.map((c) => c.layers)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(g.edges.find((e) => e.from === 'b' && e.to === 'c')!.inCycle).toBe(false);
  });

  it('leaves out what layers/allowed-dependencies exempts, so red edges match its findings', () => {
    const importsOf = {
      'src/api/orders.ts': [imp('src/infrastructure/repo.ts'), imp('src/infrastructure/types.ts', true)],
      'src/api/orders.test.ts': [imp('src/infrastructure/repo.ts')],
      'src/domain/order.ts': [imp('src/infrastructure/types.ts', true)],
    };
    const all = graphOf(importsOf);
    expect(violationCount(all)).toBe(4);
    expect(all.cycles).toEqual([]);
    const g = buildLayerGraph({ layers, files: Object.keys(importsOf), importsOf: new Map(Object.entries(importsOf)), allowFiles: ['**/*.test.ts'], ignoreTypeImports: true });
    expect(g.edges.filter((e) => !e.allowed).map((e) => [e.from, e.to, e.imports])).toEqual([['api', 'infrastructure', 1]]);
    expect(g.exemptImports).toBe(3);
  });

  it('is empty without layers', () => {
    const g = buildLayerGraph({ layers: [], files: ['src/a.ts'], importsOf: new Map([['src/a.ts', [imp('src/b.ts')]]]) });
    expect(g).toMatchObject({ layers: [], edges: [], cycles: [], unassignedFiles: 1, totalFiles: 1 });
  });
});

const cyclic = () =>
  graphOf({
    'src/domain/order.ts': [imp('src/infrastructure/repo.ts')],
    'src/infrastructure/repo.ts': [imp('src/domain/order.ts'), imp('src/domain/order.ts', true)],
    'src/api/orders.ts': [imp('src/infrastructure/repo.ts'), imp('src/infrastructure/repo.ts'), imp('src/infrastructure/repo.ts')],
    'src/application/place.ts': [],
  });

describe('layerGraphToDot', () => {
  it('writes layers as boxes and colours edges by kind, with counts', () => {
    const dot = layerGraphToDot(cyclic());
    expect(dot).toMatch(/^digraph layers \{\n/);
    expect(dot).toContain('"domain" [label="domain\\n1 file", class="layer cycle", fillcolor="#fef3c7"');
    expect(dot).toContain('"api" [label="api\\n1 file", class="layer"];');
    expect(dot).toContain('"api" -> "infrastructure" [color="#dc2626", class="dependency violation", label=" 3 imports ", fontcolor="#dc2626", penwidth=2, constraint=false];');
    expect(dot).toContain('"domain" -> "infrastructure" [color="#dc2626:#d97706", class="dependency violation cycle", label=" 1 import "');
    expect(dot).toContain('"infrastructure" -> "domain" [color="#2563eb:#d97706", class="dependency allowed cycle", label=" 2 imports "');
    expect(dot).toContain('"api" -> "domain" [color="#94a3b8", class="dependency unused", style=dashed];');
  });

  it('escapes quotes and backslashes in layer names', () => {
    const g = buildLayerGraph({ layers: [{ name: 'we"ird\\name', files: ['x/**'], dependsOn: [] }], files: ['x/a.ts'], importsOf: new Map() });
    expect(layerGraphToDot(g)).toContain('"we\\"ird\\\\name" [label="we\\"ird\\\\name\\n1 file"');
  });

  it('lays out with Graphviz: every layer a node, violating edges red', async () => {
    const svg = await dotToSvg(layerGraphToDot(cyclic()));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('<?xml');
    for (const name of ['domain', 'application', 'infrastructure', 'api']) expect(svg).toContain(`<title>${name}</title>`);
    expect(svg).toMatch(/<g id="edge\d+" class="edge dependency violation">\s*<title>api&#45;&gt;infrastructure<\/title>\s*<path fill="none" stroke="#dc2626"/);
    expect(svg).toContain('> 3 imports </text>');
  });
});

describe('layerGraphToMermaid', () => {
  it('writes a flowchart with link styles in edge order and cycle classes', () => {
    expect(layerGraphToMermaid(cyclic())).toBe(`flowchart TB
  L0["domain<br/>1 file"]
  L1["application<br/>1 file"]
  L2["infrastructure<br/>1 file"]
  L3["api<br/>1 file"]
  L0 ==>|"1 import"| L2
  L1 -.-> L0
  L2 ==>|"2 imports"| L0
  L2 -.-> L1
  L3 -.-> L0
  L3 -.-> L1
  L3 -->|"3 imports"| L2
  linkStyle 0 stroke:#dc2626,stroke-width:3px,color:#dc2626
  linkStyle 1 stroke:#94a3b8,stroke-width:1px,color:#94a3b8
  linkStyle 2 stroke:#2563eb,stroke-width:3px,color:#2563eb
  linkStyle 3 stroke:#94a3b8,stroke-width:1px,color:#94a3b8
  linkStyle 4 stroke:#94a3b8,stroke-width:1px,color:#94a3b8
  linkStyle 5 stroke:#94a3b8,stroke-width:1px,color:#94a3b8
  linkStyle 6 stroke:#dc2626,stroke-width:3px,color:#dc2626
  classDef layer fill:#f1f5f9,stroke:#475569,color:#0f172a
  classDef cycle fill:#fef3c7,stroke:#d97706,stroke-width:3px,color:#0f172a
  class L1,L3 layer
  class L0,L2 cycle
`);
  });

  it('keeps quotes and angle brackets in names as text', () => {
    const g = buildLayerGraph({ layers: [{ name: 'a"<b>', files: ['x/**'], dependsOn: [] }], files: [], importsOf: new Map() });
    expect(layerGraphToMermaid(g)).toContain('L0["a#quot;#lt;b#gt;<br/>0 files"]');
  });
});
