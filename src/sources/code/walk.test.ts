import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { anchored, ts } from './index.js';
import { alternation, anchorOffsets, minimalAnchors, searchForLists } from './anchors.js';
import { parseCode, walkCode } from './adapter.js';
import type { CodeFile, CodeListeners } from './model.js';

const SOURCE = [
  "import { a } from './a';",
  'export class Orders {',
  '  private readonly items = new Map<string, number>();',
  '  @Get() find(id: string): number | undefined {',
  '    const found = this.items.get(id);',
  '    if (!found) throw new Error(`missing ${format(id)}`);',
  '    return found;',
  '  }',
  '}',
  'export const total = [1, 2, 3].map((n) => n * 2).reduce((x, y) => x + y, 0);',
  'const shadow = { console: 1 };',
  'function quiet(console: unknown) { return { ok: true, value: 42 }; }',
  'try { run(); } catch (error) { console.log(error); }',
].join('\n');

function parsed(text = SOURCE): CodeFile {
  const { file } = parseCode('src/orders.ts', text);
  return file!;
}

/** Every node of a kind, found by a plain walk of the whole tree outside type annotations. */
function everyNode(sf: ts.SourceFile, kind: ts.SyntaxKind): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind >= ts.SyntaxKind.FirstTypeNode && node.kind <= ts.SyntaxKind.LastTypeNode) return;
    if (node.kind === kind) out.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function walk(file: CodeFile, listeners: CodeListeners[]): void {
  walkCode(file, listeners, (_, error) => {
    throw error;
  });
}

describe('the code walk', () => {
  it('calls a listener for every node of its kind, in source order, when it skips subtrees', () => {
    for (const kind of ['CallExpression', 'ThrowStatement', 'NewExpression', 'CatchClause', 'ArrowFunction'] as const) {
      const file = parsed();
      const seen: ts.Node[] = [];
      walk(file, [{ [kind]: (node: ts.Node) => seen.push(node) }]);
      expect(seen.length, kind).toBeGreaterThan(0);
      expect(seen, kind).toEqual(everyNode(file.ast, ts.SyntaxKind[kind]));
    }
  });

  it('sets the parents of the listened node up to the file, and leaves out subtrees without an anchor', () => {
    const file = parsed();
    const throws: ts.Node[] = [];
    walk(file, [{ ThrowStatement: (node) => throws.push(node) }]);
    let top: ts.Node = throws[0];
    while (top.parent) top = top.parent;
    expect(top).toBe(file.ast);
    // `[1, 2, 3].map(...)` holds no `throw`: the walk did not go there.
    const literal = everyNode(file.ast, ts.SyntaxKind.ArrayLiteralExpression)[0];
    expect(literal.parent).toBeUndefined();
  });

  it('visits every node when a listened kind promises no text and has no anchors', () => {
    const file = parsed();
    const names: string[] = [];
    walk(file, [{ ThrowStatement: () => undefined, VariableDeclaration: (node) => names.push(node.name.getText(file.ast)) }]);
    expect(names).toEqual(['found', 'total', 'shadow', 'error']);
    expect(everyNode(file.ast, ts.SyntaxKind.ArrayLiteralExpression)[0].parent).toBeDefined();
  });

  it('passes over list elements before and after the anchors, and still finds every node', () => {
    // Long lists (statements, members, arguments) with the anchored calls scattered through them:
    // the walk skips runs of elements by binary search and stops once no anchor is left.
    const members = Array.from({ length: 40 }, (_, i) => (i % 7 === 3 ? `  m${i}() { a(); b(); log.info(${i}); c(); }` : `  m${i}() { return ${i}; }`));
    const text = [...Array.from({ length: 30 }, (_, i) => `const v${i} = ${i};`), 'class K {', ...members, '}', 'f(1, 2, log.warn(3), 4);', 'const last = 1;'].join('\n');
    const file = parsed(text);
    const calls: ts.Node[] = [];
    walk(file, [{ CallExpression: anchored(['log'], (node: ts.CallExpression) => calls.push(node)) }]);
    const logCalls = everyNode(file.ast, ts.SyntaxKind.CallExpression).filter((c) => c.getText(file.ast).startsWith('log.'));
    expect(calls.filter((c) => c.getText(file.ast).startsWith('log.'))).toEqual(logCalls);
    expect(logCalls).toHaveLength(7);
    // Nothing after the last anchor was looked at, nor the declarations before the first.
    const statements = file.ast.statements;
    expect(statements[statements.length - 1].parent).toBeUndefined();
    expect(statements[0].parent).toBeUndefined();
  });

  it('finds the nodes of children that come out of source order', () => {
    const file = parsed('f(1);\ng(2);');
    const [first, second] = file.ast.statements;
    (file.ast as { statements: ts.NodeArray<ts.Statement> }).statements = ts.factory.createNodeArray([second, first]);
    const calls: string[] = [];
    walk(file, [{ CallExpression: (node) => calls.push(node.getText(file.ast)) }]);
    expect(calls).toEqual(['g(2)', 'f(1)']);
  });

  it('keeps nothing of a file once its walk is over', async () => {
    // A run lets each tree go once walked; the walk's own state must not hold the last one.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const walked = (): WeakRef<ts.SourceFile> => {
      const file = parsed();
      walk(file, [{ ThrowStatement: () => undefined }]);
      return new WeakRef(file.ast);
    };
    const tree = walked();
    // A WeakRef holds its target until the current task ends.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(tree.deref()).toBeUndefined();
  });

  it('goes where an anchored listener says its nodes are', () => {
    const file = parsed();
    const parameters: string[] = [];
    const calls: string[] = [];
    walk(file, [
      {
        Parameter: anchored(['console'], (node: ts.ParameterDeclaration) => parameters.push(node.name.getText(file.ast))),
        CallExpression: anchored(['console'], (node: ts.CallExpression) => calls.push(node.expression.getText(file.ast))),
      },
    ]);
    // `id`, `n`, `x` and `y` hold no `console`: the walk did not go into those parameters.
    expect(parameters).toEqual(['console']);
    expect(calls).toEqual(['console.log']);
    expect(everyNode(file.ast, ts.SyntaxKind.ArrayLiteralExpression)[0].parent).toBeUndefined();
  });
});

describe('anchor offsets', () => {
  it('finds every start of every anchor, those inside another match included', () => {
    expect(anchorOffsets('xaba ba', ['ab', 'ba'])).toEqual([1, 2, 5]);
    expect(anchorOffsets('xab b', ['ab', 'b'])).toEqual([2, 4]);
    expect(anchorOffsets('logger.log(', ['log', 'logger'])).toEqual([0, 7]);
  });

  it('are searched without the anchors that contain another', () => {
    expect(minimalAnchors(['warning', 'warn', 'log', '\\u', '\\', 'error', 'log'])).toEqual(['warn', 'log', '\\', 'error']);
  });

  it('takes anchors as text, not as patterns', () => {
    expect(anchorOffsets('a.b(c) \\u0041 [x]', ['(', '.', '\\u', '['])).toEqual([1, 3, 7, 14]);
    expect(anchorOffsets('f(g(h))', ['('])).toEqual([1, 3]);
  });

  it('factors common prefixes out of the search expression and finds the same starts', () => {
    expect(alternation(['error', 'exception', 'emerg', 'log', '(', '.'])).toBe('e(?:rror|xception|merg)|log|\\(|\\.');
    expect(alternation(['ex(a', 'ex.b'])).toBe('e(?:x(?:\\(a|\\.b))');
    const words = ['trace', 'debug', 'info', 'warn', 'error', 'exception', 'emerg', 'export', 'import', 'catch', 'crit', 'class'];
    const text = 'import { x } from "y"; export class A { m() { try { log.info(a); } catch (e) { log.error(e); log.crit(e) } } }';
    const plain = [...text.matchAll(new RegExp(words.join('|'), 'g'))].map((m) => m.index);
    expect(anchorOffsets(text, words)).toEqual(plain);
  });

  it('finds short anchors (searched apart from the expression) and long ones, in one ascending list', () => {
    const everyStart = (text: string, anchors: string[]) => [...text].flatMap((_, i) => (anchors.some((a) => text.startsWith(a, i)) ? [i] : []));
    const text = 'logger.debug(`${a}`); c\\u006Fnsole.log(x) => json.send(blog, catalog) ... warn';
    for (const anchors of [
      ['log', 'debug', '\\', 'json'],
      ['(', '=>', 'send', 'warning', 'warn', '...'],
      ['\\u', 'og', 'catal', 'x'],
      ['debug', 'json'],
    ]) {
      expect([anchors, anchorOffsets(text, anchors)]).toEqual([anchors, everyStart(text, anchors)]);
    }
  });

  it('treats an empty anchor as found everywhere', () => {
    expect(anchorOffsets('ab', ['', 'x'])).toEqual([0, 1, 2]);
  });

  it('finds a lone empty anchor everywhere too, and ends', () => {
    expect(anchorOffsets('ab', [''])).toEqual([0, 1, 2]);
  });
});

describe('anchor searches of a walk', () => {
  const text = 'try { log.info(a) } catch (e) { throw e }';

  it('search for the union of the listeners\' lists, in order and without repeats', () => {
    const logs = ['info', 'error', '\\'];
    const throws = ['throw'];
    expect(searchForLists([logs, throws, logs])(text)).toEqual(anchorOffsets(text, ['info', 'error', '\\', 'throw']));
    expect(searchForLists([logs, throws, logs])(text)).toEqual([10, 32]);
  });

  it('are found again by the identity of the lists, and by their text for lists made anew', () => {
    const logs = ['info', 'catch'];
    const throws = ['throw'];
    const first = searchForLists([logs, throws]);
    expect(searchForLists([logs, throws])).toBe(first);
    expect(searchForLists([[...logs], [...throws]])).toBe(first);
    // The order of the lists is part of the search's identity; its matches are the same.
    const swapped = searchForLists([throws, logs]);
    expect(swapped(text)).toEqual([10, 20, 32]);
    expect(first(text)).toEqual([10, 20, 32]);
  });

  it('keep working when lists made anew for every file outgrow the cache', () => {
    for (let i = 0; i < 5000; i++) expect(searchForLists([['info'], ['throw', String(i % 3)]])(text)).toEqual([10, 32]);
    expect(searchForLists([['info'], ['throw']])(text)).toEqual([10, 32]);
  });
});
