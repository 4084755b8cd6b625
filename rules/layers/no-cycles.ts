import { defineRule, numberedComponents, type ReportNote } from '../../src/core/index.js';
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

    // Units are numbered as they are met, and each edge keeps the first import (in file order)
    // that creates it. Plain `sort()` orders strings by code unit (as compareStrings does) without
    // a call per comparison.
    const graph = context.project.graph;
    const unitIds = new Map<string, number>();
    const met: string[] = [];
    const idOf = (unit: string): number => {
      let id = unitIds.get(unit);
      if (id === undefined) {
        unitIds.set(unit, (id = met.length));
        met.push(unit);
      }
      return id;
    };
    // Every edge as it is met, in file order: its units and the import that makes it.
    let edgeCount = 0;
    for (const imports of graph.importsOf.values()) edgeCount += imports.length;
    const edgeFrom = new Int32Array(edgeCount);
    const edgeTo = new Int32Array(edgeCount);
    const edgeImport = new Array<ModuleImport>(edgeCount);
    let edges = 0;
    for (const file of [...graph.importsOf.keys()].sort()) {
      const from = nodeOf(file);
      if (from === undefined) continue;
      let fromId = -1;
      for (const imp of graph.importsOf.get(file)!) {
        // import() loads lazily and is the usual way to break a cycle; type imports are erased, and
        // so are value imports whose names only types use.
        if (!imp.target || imp.kind === 'dynamic' || ((imp.typeOnly || imp.erased) && !includeTypes)) continue;
        if (!context.project.byPath.has(imp.target)) continue;
        const to = nodeOf(imp.target);
        if (to === undefined || to === from) continue;
        if (fromId < 0) fromId = idOf(from);
        edgeFrom[edges] = fromId;
        edgeTo[edges] = idOf(to);
        edgeImport[edges] = imp;
        edges++;
      }
    }
    // The targets of each unit in the order first met, each with the first import that makes the
    // edge: edges grouped by unit in a stable counting sort, then repeats dropped with one mark
    // per target (a unit's files need not come one after another, as a folder's do not).
    const targetsOf: number[][] = [];
    const firstImports: ModuleImport[][] = [];
    const start = new Int32Array(met.length + 1);
    for (let e = 0; e < edges; e++) start[edgeFrom[e] + 1]++;
    for (let u = 0; u < met.length; u++) start[u + 1] += start[u];
    const order = new Int32Array(edges);
    const fill = start.slice(0, met.length);
    for (let e = 0; e < edges; e++) order[fill[edgeFrom[e]]++] = e;
    const markedBy = new Int32Array(met.length);
    for (let u = 0; u < met.length; u++) {
      for (let k = start[u]; k < start[u + 1]; k++) {
        const e = order[k];
        const to = edgeTo[e];
        if (markedBy[to] === u + 1) continue;
        markedBy[to] = u + 1;
        (targetsOf[u] ??= []).push(to);
        (firstImports[u] ??= []).push(edgeImport[e]);
      }
    }
    const firstImport = (from: number, to: number): ModuleImport => firstImports[from][targetsOf[from].indexOf(to)];

    // Renumbered in name order, so searching neighbours by number walks them in name order and
    // the output is stable; numbers keep the searches below on typed arrays.
    const names = [...met].sort();
    const rank = new Int32Array(met.length);
    // The other way round: the number a unit was met as, which `firstImport` takes.
    const metAs = new Int32Array(met.length);
    for (let i = 0; i < names.length; i++) {
      const id = unitIds.get(names[i])!;
      rank[id] = i;
      metAs[i] = id;
    }
    const next: number[][] = new Array<number[]>(names.length).fill(NO_TARGETS);
    for (let from = 0; from < targetsOf.length; from++) {
      const targets = targetsOf[from];
      if (targets !== undefined) next[rank[from]] = ranked(targets, rank);
    }
    const componentOf = new Int32Array(names.length).fill(-1);
    const search = new CycleSearch(next, componentOf);
    const components = numberedComponents(names.length, names.keys(), (n) => next[n])
      .filter((c) => c.length > 1)
      .map((c) => c.sort((a, b) => a - b))
      .sort((a, b) => a[0] - b[0]);
    let reported = 0;
    for (const [c, component] of components.entries()) {
      if (reported >= context.options.maxCycles) break;
      for (const n of component) componentOf[n] = c;
      const covered = new Set<number>();
      const seen = new Set<string>();
      for (const start of component) {
        if (covered.has(start) || reported >= context.options.maxCycles) continue;
        const cycle = search.shortestCycle(start, c);
        if (!cycle) continue;
        for (const n of cycle) covered.add(n);
        const ordered = canonical(cycle);
        const key = ordered.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        const rotated = ordered.map((n) => names[n]);
        const hops = ordered.map((n, i) => firstImport(metAs[n], metAs[ordered[(i + 1) % ordered.length]]));
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

    function noteFor(hop: ModuleImport): ReportNote {
      return { message: `${hop.from} imports ${hop.target}`, file: hop.from, offset: hop.offset, endOffset: hop.endOffset };
    }
  },
});

/** Breadth-first searches over numbered units; the arrays are shared by every search. */
class CycleSearch {
  private readonly seenIn: Int32Array;
  private readonly leadsBackIn: Int32Array;
  private readonly parent: Int32Array;
  private readonly queue: Int32Array;
  private readonly previous: number[][];
  private stamp = 0;

  constructor(
    private readonly next: readonly (readonly number[])[],
    private readonly componentOf: Int32Array,
  ) {
    this.seenIn = new Int32Array(next.length);
    this.leadsBackIn = new Int32Array(next.length);
    this.parent = new Int32Array(next.length);
    this.queue = new Int32Array(next.length);
    this.previous = next.map(() => []);
    for (let from = 0; from < next.length; from++) {
      const targets = next[from];
      for (let k = 0; k < targets.length; k++) this.previous[targets[k]].push(from);
    }
  }

  /**
   * The shortest way from `start` back to itself inside its component: the path to the first
   * unit, in breadth-first order, with an import of `start`. Units are queued in that order, so
   * the search stops when it queues one instead of going on to its turn.
   */
  shortestCycle(start: number, component: number): number[] | undefined {
    const { next, componentOf, seenIn, leadsBackIn, parent, queue } = this;
    const stamp = ++this.stamp;
    const previous = this.previous[start];
    for (let k = 0; k < previous.length; k++) leadsBackIn[previous[k]] = stamp;
    const pathTo = (node: number): number[] => {
      const path = [node];
      for (let p = node; p !== start; ) path.push((p = parent[p]));
      return path.reverse();
    };
    seenIn[start] = stamp;
    queue[0] = start;
    for (let head = 0, tail = 1; head < tail; head++) {
      const node = queue[head];
      const targets = next[node];
      for (let k = 0; k < targets.length; k++) {
        const to = targets[k];
        if (seenIn[to] === stamp || componentOf[to] !== component) continue;
        seenIn[to] = stamp;
        parent[to] = node;
        if (leadsBackIn[to] === stamp) return pathTo(to);
        queue[tail++] = to;
      }
    }
    return undefined;
  }
}

const NO_TARGETS: number[] = Object.freeze([]) as unknown as number[];

/**
 * The units' ranks in ascending order, in an array of their number. Most units import a handful:
 * insertion sort orders those without the scratch arrays `sort` makes on every call (one per unit).
 */
function ranked(targets: readonly number[], rank: Int32Array): number[] {
  const list = new Array<number>(targets.length);
  if (targets.length > 16) {
    for (let k = 0; k < targets.length; k++) list[k] = rank[targets[k]];
    return list.sort((a, b) => a - b);
  }
  for (let k = 0; k < targets.length; k++) {
    const r = rank[targets[k]];
    let j = k;
    for (; j > 0 && list[j - 1] > r; j--) list[j] = list[j - 1];
    list[j] = r;
  }
  return list;
}

/** The cycle rotated to start at its smallest member (numbers follow name order), so each cycle has one spelling. */
function canonical(cycle: number[]): number[] {
  let best = 0;
  for (let i = 1; i < cycle.length; i++) if (cycle[i] < cycle[best]) best = i;
  return [...cycle.slice(best), ...cycle.slice(0, best)];
}
