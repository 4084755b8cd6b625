import { describe, expect, it } from 'vitest';
import { stronglyConnectedComponents } from '../src/core/graph.js';

describe('stronglyConnectedComponents', () => {
  it('finds cycles and singletons, deterministically', () => {
    const edges: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a', 'd'], d: [], e: ['e'] };
    const components = stronglyConnectedComponents(Object.keys(edges), (n) => edges[n] ?? []);
    expect(components.map((c) => [...c].sort().join(''))).toEqual(['d', 'abc', 'e']);
  });

  it('walks a chain deeper than the call stack without overflowing', () => {
    const n = 200_000;
    const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
    const components = stronglyConnectedComponents(nodes, (node) => {
      const i = Number(node.slice(1));
      return i + 1 < n ? [`n${i + 1}`] : ['n0'];
    });
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
  });
});
