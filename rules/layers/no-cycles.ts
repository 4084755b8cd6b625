import { compareStrings, defineRule, LineIndex, stronglyConnectedComponents, type RelatedNote } from '../../src/core/index.js';
import { moduleOf, type ModuleImport } from '../../src/sources/code/index.js';

export default defineRule({
  id: 'layers/no-cycles',
  kind: 'code',
  scope: 'project',
  meta: {
    description: 'Disallow import cycles between files, folders or modules.',
    severity: 'error',
    recommended: true,
    tags: ['architecture', 'dependencies'],
  },
  messages: {
    cycle: 'Import cycle between {{unit}}s: {{cycle}}.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxCycles: { type: 'integer', minimum: 1, description: 'Stop after reporting this many cycles, so a tangled code base gives a readable report.' },
      },
    },
    defaults: { maxCycles: 200 },
  },
  create(context) {
    const settings = context.settings ?? {};
    const granularity = settings.cycles?.granularity ?? 'file';
    const includeTypes = settings.cycles?.includeTypeImports ?? false;
    const nodeOf = (file: string): string | undefined => {
      if (granularity === 'file') return file;
      if (granularity === 'folder') return file.slice(0, Math.max(0, file.lastIndexOf('/'))) || '.';
      return moduleOf(file, settings)?.dir;
    };

    // Edges between units, each with the first import (in file order) that creates it.
    const edges = new Map<string, Map<string, ModuleImport>>();
    const files = [...context.project.graph.importsOf.keys()].sort(compareStrings);
    for (const file of files) {
      const from = nodeOf(file);
      if (from === undefined) continue;
      for (const imp of context.project.graph.importsOf.get(file)!) {
        // import() loads lazily and is the usual way to break a cycle; type imports are erased.
        if (!imp.target || imp.kind === 'dynamic' || (imp.typeOnly && !includeTypes)) continue;
        if (!context.project.byPath.has(imp.target)) continue;
        const to = nodeOf(imp.target);
        if (to === undefined || to === from) continue;
        let out = edges.get(from);
        if (!out) edges.set(from, (out = new Map()));
        if (!out.has(to)) out.set(to, imp);
      }
    }

    // Sorted once: every search below walks neighbours in the same order, so output is stable.
    const adjacency = new Map<string, string[]>();
    for (const [from, out] of edges) adjacency.set(from, [...out.keys()].sort(compareStrings));
    let reported = 0;
    for (const component of stronglyConnected(adjacency)) {
      if (reported >= context.options.maxCycles) break;
      const members = new Set(component);
      const covered = new Set<string>();
      const seen = new Set<string>();
      for (const start of [...component].sort(compareStrings)) {
        if (covered.has(start) || reported >= context.options.maxCycles) continue;
        const cycle = shortestCycle(start, members, adjacency);
        if (!cycle) continue;
        for (const n of cycle) covered.add(n);
        const key = canonical(cycle);
        if (seen.has(key)) continue;
        seen.add(key);
        const rotated = key.split('\0');
        const hops = rotated.map((n, i) => edges.get(n)!.get(rotated[(i + 1) % rotated.length])!);
        const first = hops[0];
        if (!context.isEnabledFor(first.from)) continue;
        reported++;
        const shown = [...rotated, rotated[0]].join(' -> ');
        context.report({
          messageId: 'cycle',
          data: { unit: granularity, cycle: shown },
          at: { file: first.from, offset: first.offset, endOffset: first.endOffset },
          anchor: `cycle:${shown}`,
          help: 'Break the cycle: move what both sides need into a third module, depend on an interface, or make one side import lazily.',
          notes: hops.slice(1).map((hop) => noteFor(hop)),
        });
      }
    }

    function noteFor(hop: ModuleImport): RelatedNote {
      const file = context.project.byPath.get(hop.from);
      const index = file ? new LineIndex(file.text) : undefined;
      return {
        message: `${hop.from} imports ${hop.target}`,
        file: hop.from,
        ...(index ? { start: index.position(hop.offset), end: index.position(hop.endOffset) } : {}),
      };
    }
  },
});

/** Components of more than one file, ordered by their smallest member. */
function stronglyConnected(edges: Map<string, string[]>): string[][] {
  const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flat()])].sort(compareStrings);
  return stronglyConnectedComponents(nodes, (n) => edges.get(n) ?? [])
    .filter((c) => c.length > 1)
    .sort((a, b) => compareStrings([...a].sort(compareStrings)[0], [...b].sort(compareStrings)[0]));
}

/** Breadth-first: the shortest way from `start` back to itself inside its component. */
function shortestCycle(start: string, members: Set<string>, edges: Map<string, string[]>): string[] | undefined {
  const parent = new Map<string, string>();
  const queue = [start];
  const visited = new Set([start]);
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q];
    for (const to of edges.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [node];
        for (let p = node; p !== start; ) path.push((p = parent.get(p)!));
        return path.reverse();
      }
      if (visited.has(to)) continue;
      visited.add(to);
      parent.set(to, node);
      queue.push(to);
    }
  }
  return undefined;
}

/** The cycle rotated to start at its smallest member, so each cycle has one spelling. */
function canonical(cycle: string[]): string {
  let best = 0;
  for (let i = 1; i < cycle.length; i++) if (compareStrings(cycle[i], cycle[best]) < 0) best = i;
  return [...cycle.slice(best), ...cycle.slice(0, best)].join('\0');
}
