/**
 * Strongly connected components (Tarjan), iterative so that no depth of input can overflow the
 * stack. Components come out in Tarjan's order (a component before those that reach it),
 * singletons included; roots are visited in the order of `nodes`, so the output is deterministic.
 */
export function stronglyConnectedComponents(nodes: readonly string[], next: (node: string) => readonly string[]): string[][] {
  // Nodes are numbered as they are met, so the bookkeeping is on arrays rather than maps and sets.
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (name: string): number => {
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      ids.set(name, id);
      names.push(name);
    }
    return id;
  };
  // Every node reachable from the roots, numbered, with its targets asked once.
  const roots = nodes.map(idOf);
  const targets: number[][] = [];
  for (let n = 0; n < names.length; n++) targets.push(next(names[n]).map(idOf));
  return numberedComponents(names.length, roots, (node) => targets[node]).map((c) => c.map((n) => names[n]));
}

/**
 * `stronglyConnectedComponents` over nodes numbered from 0: for graphs a caller already keeps
 * on numbers (0 to `count` - 1), which spares a map lookup per edge. `next` is asked once per node.
 */
export function numberedComponents(count: number, roots: Iterable<number>, next: (node: number) => readonly number[]): number[][] {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const out: number[][] = [];
  const workNode: number[] = [];
  const workTargets: (readonly number[])[] = [];
  const workAt: number[] = [];
  let counter = 0;
  const enter = (node: number) => {
    index[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = 1;
    workNode.push(node);
    workTargets.push(next(node));
    workAt.push(0);
  };
  for (const root of roots) {
    if (index[root] >= 0) continue;
    enter(root);
    while (workNode.length > 0) {
      const top = workNode.length - 1;
      const node = workNode[top];
      const targets = workTargets[top];
      if (workAt[top] < targets.length) {
        const to = targets[workAt[top]++];
        if (index[to] < 0) enter(to);
        else if (onStack[to]) low[node] = Math.min(low[node], index[to]);
        continue;
      }
      workNode.pop();
      workTargets.pop();
      workAt.pop();
      if (workNode.length > 0) {
        const parent = workNode[workNode.length - 1];
        low[parent] = Math.min(low[parent], low[node]);
      }
      if (low[node] === index[node]) {
        const component: number[] = [];
        let n: number;
        do {
          n = stack.pop()!;
          onStack[n] = 0;
          component.push(n);
        } while (n !== node);
        out.push(component);
      }
    }
  }
  return out;
}
