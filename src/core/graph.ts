/**
 * Strongly connected components (Tarjan), iterative so that no depth of input can overflow the
 * stack. Components come out in Tarjan's order (a component before those that reach it),
 * singletons included; roots are visited in the order of `nodes`, so the output is deterministic.
 */
export function stronglyConnectedComponents(nodes: readonly string[], next: (node: string) => readonly string[]): string[][] {
  // Nodes are numbered as they are met, so the bookkeeping is on arrays rather than maps and sets.
  const ids = new Map<string, number>();
  const names: string[] = [];
  const index: number[] = [];
  const low: number[] = [];
  const onStack: boolean[] = [];
  const idOf = (name: string): number => {
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      ids.set(name, id);
      names.push(name);
      index.push(-1);
      low.push(0);
      onStack.push(false);
    }
    return id;
  };
  const stack: number[] = [];
  const out: string[][] = [];
  const workNode: number[] = [];
  const workTargets: (readonly string[])[] = [];
  const workAt: number[] = [];
  let counter = 0;
  const enter = (node: number) => {
    index[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = true;
    workNode.push(node);
    workTargets.push(next(names[node]));
    workAt.push(0);
  };
  for (const rootName of nodes) {
    const root = idOf(rootName);
    if (index[root] >= 0) continue;
    enter(root);
    while (workNode.length > 0) {
      const top = workNode.length - 1;
      const node = workNode[top];
      const targets = workTargets[top];
      if (workAt[top] < targets.length) {
        const to = idOf(targets[workAt[top]++]);
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
        const component: string[] = [];
        let n: number;
        do {
          n = stack.pop()!;
          onStack[n] = false;
          component.push(names[n]);
        } while (n !== node);
        out.push(component);
      }
    }
  }
  return out;
}
