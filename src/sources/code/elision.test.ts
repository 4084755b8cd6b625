import { describe, expect, it } from 'vitest';
import { parseCode } from './adapter.js';
import { erasedImports } from './elision.js';

function erased(text: string): string[] {
  const { file } = parseCode('src/a.ts', text);
  return [...erasedImports(file!)].map((i) => i.specifier).sort();
}

describe('erasedImports', () => {
  it('finds imports whose names appear only in types', () => {
    const text = [
      "import { Order } from './order';",
      "import { Money, add } from './money';",
      "import Customer from './customer';",
      "import * as Types from './types';",
      "import { Repo } from './repo';",
      "import { Base } from './base';",
      "import { Shape } from './shape';",
      "import { Sized } from './sized';",
      'interface Line { total: Money; kind: Types.Kind }',
      'type Lookup = (id: string) => Customer;',
      'export class Service extends Base implements Repo, Sized {',
      '  constructor(private readonly order: Order, shape: typeof Shape) { super(); }',
      '  sum(a: Money) { return add(a, a); }',
      '}',
    ].join('\n');
    expect(erased(text)).toEqual(['./customer', './order', './repo', './shape', './sized', './types']);
  });

  it('keeps imports used as values anywhere: calls, new, JSX, decorators, shorthand properties, re-exports', () => {
    const text = [
      "import { a } from './a';",
      "import { B } from './b';",
      "import { c } from './c';",
      "import { D } from './d';",
      "import { e } from './e';",
      "import { F } from './f';",
      "import './side-effect';",
      "import { type G } from './g';",
      'a();',
      'const b = new B();',
      'const obj = { c };',
      '@D() class X {}',
      'export { e };',
      'const el = <F />;',
      'const g: G = 1;',
      'obj.a;',
    ].join('\n');
    const { file } = parseCode('src/a.tsx', text);
    expect([...erasedImports(file!)].map((i) => i.specifier)).toEqual([]);
  });

  it('does not take a property name for a use of the import', () => {
    expect(erased("import { Order } from './order';\nconst x = (y as any).Order;\nlet o: Order;")).toEqual(['./order']);
  });
});
