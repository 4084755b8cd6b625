import { describe, expect, it } from 'vitest';
import { ts } from 'ts-morph';
import { summarizeModule } from './imports.js';

function erased(text: string, file = 'src/a.ts'): Record<string, boolean> {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  return Object.fromEntries(summarizeModule(sf, text).imports.map((i) => [i.specifier, i.erased === true]));
}

describe('imports whose names only types use', () => {
  it('are marked when every name appears only in type-level statements', () => {
    const marks = erased(
      [
        "import { Line } from './line';",
        "import Money, { Currency } from './money';",
        "import * as events from './events';",
        "import { Order, type Status } from './order';",
        "export { Order as PlacedOrder } from './placed';",
        'export interface Cart { lines: Line[]; total: Money; currency: Currency }',
        'export type Handler = (e: events.OrderPlaced) => void;',
        'declare const current: Order;',
        'declare global { interface Window { status: Status } }',
        '/** A Line, or nothing. */',
        'export const none = 0;',
      ].join('\n'),
    );
    expect(marks).toEqual({ './line': true, './money': true, './events': true, './order': true, './placed': false });
  });

  it('are marked when code uses the names only in type positions', () => {
    const marks = erased(
      [
        "import { Line } from './line';",
        "import { Money } from './money';",
        "import { Repo } from './repo';",
        "import { Port } from './port';",
        'export function total(line: Line): Money { return [] as unknown as Money; }',
        'export class Service implements Port { constructor(readonly repo: Repo) {} find() { return load<Repo>(); } }',
      ].join('\n'),
    );
    expect(marks).toEqual({ './line': true, './money': true, './repo': true, './port': true });
  });

  it('are not marked when a name is used as a value, or might be', () => {
    const marks = erased(
      [
        "import { Money } from './money';",
        "import { spread } from './spread';",
        "import { Status } from './status';",
        "import { Repo } from './repo';",
        "import { Base } from './base';",
        "import { Line } from './line';",
        'export const zero = new Money(0);',
        'export const all = [...spread];',
        'export { Status };',
        // With emitDecoratorMetadata, a decorated class emits its parameters' types as values.
        '@Injectable() export class Service { constructor(readonly repo: Repo) {} }',
        'export class Child extends Base {}',
        'export const table = { Line: 1 };',
      ].join('\n'),
    );
    expect(marks).toEqual({ './money': false, './spread': false, './status': false, './repo': false, './base': false, './line': false });
  });

  it('tells decorators from JSDoc tags', () => {
    const documented = [
      "import { AggregateRoot } from './aggregate-root';",
      'export class DomainEvents {',
      '  /** @method markAggregateForDispatch @static */',
      '  static mark(aggregate: AggregateRoot<any>): void {}',
      '}',
    ].join('\n');
    expect(erased(documented)).toEqual({ './aggregate-root': true });
    const decorated = documented.replace('static mark(aggregate', 'static mark(@Inject() aggregate');
    expect(erased(decorated)).toEqual({ './aggregate-root': false });
    expect(erased(documented.replace('  static mark', '  @Log() static mark'))).toEqual({ './aggregate-root': false });
    // A doc comment right before a decorator, a decorator deep inside, and an `@` in a string.
    expect(erased(documented.replace('@static */\n', '@static */ @Log()\n'))).toEqual({ './aggregate-root': false });
    const nested = [
      "import { AggregateRoot } from './aggregate-root';",
      'export function make(a: AggregateRoot<any>) {',
      "  const mail = 'ops@example.com';",
      '  return class { @Log() run(b: AggregateRoot<any>) {} };',
      '}',
    ].join('\n');
    expect(erased(nested)).toEqual({ './aggregate-root': false });
    expect(erased(nested.replace('@Log() ', ''))).toEqual({ './aggregate-root': true });
  });

  it('does not count a property of the same name as a use', () => {
    expect(erased("import { Line } from './line';\nexport interface A { l: Line }\nexport const n = order.Line;")).toEqual({ './line': true });
    expect(erased("import { Line } from './line';\nexport const n = order\n  .Line;\nexport const m = order?. Line;")).toEqual({ './line': true });
  });

  it('finds a use among mentions in types, in comments and in strings of the same statement', () => {
    const service = (last: string) =>
      [
        "import { Line } from './line';",
        'export class Lines {',
        '  // Line items',
        "  private all: Line[] = []; readonly label = 'Line';",
        '  add(line: Line): Line { return line as Line; }',
        `  ${last}`,
        '}',
      ].join('\n');
    expect(erased(service('first(): Line | undefined { return this.all[0]; }'))).toEqual({ './line': true });
    expect(erased(service('make(): Line { return new Line(); }'))).toEqual({ './line': false });
  });

  it('leaves side-effect, type-only and only-`type` imports alone, and every import of a JavaScript file', () => {
    expect(erased("import './polyfill';\nimport type { A } from './a';\nimport { type B } from './b';\nexport interface X { a: A; b: B }")).toEqual({
      './polyfill': false,
      './a': false,
      './b': false,
    });
    expect(erased("import { Line } from './line';\n/** @type {Line} */\nexport const l = null;", 'src/a.js')).toEqual({ './line': false });
  });
});

describe('nested imports', () => {
  const specifiers = (text: string, file = 'src/a.js') => {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    return summarizeModule(sf, text).imports.map((i) => `${i.kind}:${i.specifier}`);
  };

  it('are found wherever import() or require() is written, spaces before the parenthesis included', () => {
    // One file each: the text gate must open for every spelling on its own.
    expect(specifiers("const a = require ('./a');")).toEqual(['require:./a']);
    expect(specifiers("function load() { return import\n('./b'); }")).toEqual(['dynamic:./b']);
    expect(specifiers("const c = cond ? require\t('./c') : undefined;")).toEqual(['require:./c']);
    expect(specifiers("const d = myrequire('./d'); const e = require('./e');")).toEqual(['require:./e']);
  });

  it('are found with comments before the parenthesis and in import types, which the parser marks', () => {
    expect(specifiers("const a = import /* lazily */ ('./a');")).toEqual(['dynamic:./a']);
    expect(specifiers("let t: typeof import('./t');", 'src/a.ts')).toEqual(['import-type:./t']);
  });

  it('are not looked for in a file that names neither', () => {
    expect(specifiers("import x from './x';\nexport const requirement = x;")).toEqual(['import:./x']);
  });
});
