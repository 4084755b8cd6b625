import { compareStrings } from '../core/diagnostic.js';
import { matchesAny } from '../core/glob.js';
import { stronglyConnectedComponents } from '../core/graph.js';
import { layerOf, type Layer } from '../sources/code/layers.js';

/** What the layer graph needs of an import: where it leads, and whether it vanishes at runtime. */
export interface LayerImport {
  target?: string;
  typeOnly: boolean;
}

export interface LayerNode {
  name: string;
  /** Files of the run that belong to this layer. */
  files: number;
  /** Part of a dependency cycle between layers. */
  inCycle: boolean;
  /** Layers this one may import, as configured (unknown names left out). */
  dependsOn: string[];
}

export interface LayerEdge {
  from: string;
  to: string;
  /** Imports from files of `from` that reach files of `to`; 0 for a declared dependency nobody uses. */
  imports: number;
  /** How many of them are type-only: still a dependency on the layer, as layers/allowed-dependencies counts it. */
  typeOnly: number;
  /** Distinct importing files. */
  files: number;
  /** `to` is in the `dependsOn` of `from`. */
  allowed: boolean;
  /** Both ends are in the same cycle between layers. */
  inCycle: boolean;
  /** The first import of the edge (files sorted), to show where to look. */
  example?: { file: string; target: string };
}

export interface LayerCycle {
  /** The layers of the group, in config order. */
  layers: string[];
  /** A shortest cycle through the group's first layer, first layer repeated at the end. */
  path: string[];
}

export interface LayerGraph {
  layers: LayerNode[];
  /** Layer order first (config order), then target order. */
  edges: LayerEdge[];
  /** One entry per group of layers that reach each other through imports (a strongly connected component). */
  cycles: LayerCycle[];
  /** Files of the run in no layer: their imports are not drawn. */
  unassignedFiles: number;
  totalFiles: number;
  /** Cross-layer imports left out as layers/allowed-dependencies leaves them out (allowFiles, ignoreTypeImports). */
  exemptImports: number;
}

export interface LayerGraphInput {
  layers: readonly Layer[];
  /** Root-relative files of the run. */
  files: Iterable<string>;
  /** Imports of each file (root-relative), resolved. */
  importsOf: ReadonlyMap<string, readonly LayerImport[]>;
  /** Importing files whose imports do not count (the rule's `allowFiles`: composition roots, tests). */
  allowFiles?: readonly string[];
  /** Type-only imports do not count (the rule's `ignoreTypeImports`). */
  ignoreTypeImports?: boolean;
}

/** Layers as nodes, imports across layers as counted edges, cycles between layers found. */
export function buildLayerGraph(input: LayerGraphInput): LayerGraph {
  const order = new Map(input.layers.map((l, i) => [l.name, i]));
  const fileCount = new Map<string, number>();
  const layerOfFile = new Map<string, string | undefined>();
  const lookup = (file: string): string | undefined => {
    if (!layerOfFile.has(file)) layerOfFile.set(file, layerOf(file, input.layers)?.name);
    return layerOfFile.get(file);
  };
  let totalFiles = 0;
  let unassignedFiles = 0;
  for (const file of input.files) {
    totalFiles++;
    const layer = lookup(file);
    if (layer === undefined) unassignedFiles++;
    else fileCount.set(layer, (fileCount.get(layer) ?? 0) + 1);
  }

  interface Counting {
    imports: number;
    typeOnly: number;
    files: Set<string>;
    example?: { file: string; target: string };
  }
  const counted = new Map<string, Map<string, Counting>>();
  let exemptImports = 0;
  for (const file of [...input.importsOf.keys()].sort(compareStrings)) {
    const from = lookup(file);
    if (from === undefined) continue;
    const exemptFile = matchesAny(file, input.allowFiles ?? []);
    for (const imp of input.importsOf.get(file)!) {
      if (!imp.target) continue;
      const to = lookup(imp.target);
      if (to === undefined || to === from) continue;
      if (exemptFile || (imp.typeOnly && input.ignoreTypeImports)) {
        exemptImports++;
        continue;
      }
      let out = counted.get(from);
      if (!out) counted.set(from, (out = new Map()));
      let c = out.get(to);
      if (!c) out.set(to, (c = { imports: 0, typeOnly: 0, files: new Set(), example: { file, target: imp.target } }));
      c.imports++;
      if (imp.typeOnly) c.typeOnly++;
      c.files.add(file);
    }
  }

  const components = stronglyConnectedComponents(
    input.layers.map((l) => l.name),
    (name) => [...(counted.get(name)?.keys() ?? [])],
  ).filter((c) => c.length > 1);
  const componentOf = new Map<string, number>();
  components.forEach((c, i) => c.forEach((n) => componentOf.set(n, i)));
  const sameCycle = (a: string, b: string) => componentOf.has(a) && componentOf.get(a) === componentOf.get(b);

  const edges: LayerEdge[] = [];
  for (const layer of input.layers) {
    const targets = new Set([...(counted.get(layer.name)?.keys() ?? []), ...layer.dependsOn.filter((d) => order.has(d) && d !== layer.name)]);
    for (const to of [...targets].sort((a, b) => order.get(a)! - order.get(b)!)) {
      const c = counted.get(layer.name)?.get(to);
      edges.push({
        from: layer.name,
        to,
        imports: c?.imports ?? 0,
        typeOnly: c?.typeOnly ?? 0,
        files: c?.files.size ?? 0,
        allowed: layer.dependsOn.includes(to),
        inCycle: c !== undefined && sameCycle(layer.name, to),
        ...(c?.example ? { example: c.example } : {}),
      });
    }
  }

  return {
    layers: input.layers.map((l) => ({
      name: l.name,
      files: fileCount.get(l.name) ?? 0,
      inCycle: componentOf.has(l.name),
      dependsOn: l.dependsOn.filter((d) => order.has(d)),
    })),
    edges,
    cycles: components
      .map((c) => [...c].sort((a, b) => order.get(a)! - order.get(b)!))
      .sort((a, b) => order.get(a[0])! - order.get(b[0])!)
      .map((members) => ({ layers: members, path: shortestCycle(members, (n) => [...(counted.get(n)?.keys() ?? [])].sort((a, b) => order.get(a)! - order.get(b)!)) })),
    unassignedFiles,
    totalFiles,
    exemptImports,
  };
}

/** Breadth-first from the first member back to itself, inside the group. */
function shortestCycle(members: string[], next: (node: string) => string[]): string[] {
  const start = members[0];
  const inside = new Set(members);
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    for (const t of next(node)) {
      if (!inside.has(t)) continue;
      if (t === start) {
        const path = [start];
        for (let n: string | undefined = node; n !== undefined && n !== start; n = previous.get(n)) path.push(n);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (previous.has(t)) continue;
      previous.set(t, node);
      queue.push(t);
    }
  }
  return [start, start];
}

/** Imports that break the declared layering, over all edges. */
export function violationCount(graph: LayerGraph): number {
  return graph.edges.filter((e) => !e.allowed).reduce((sum, e) => sum + e.imports, 0);
}
