import { RuleTester } from '../../src/testing.js';
import rule from './no-cycles.js';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a tree of imports',
      files: {
        'src/a.ts': "import { b } from './b';\nimport { c } from './c';\nexport const a = b + c;",
        'src/b.ts': "import { c } from './c';\nexport const b = c;",
        'src/c.ts': 'export const c = 1;',
      },
    },
    {
      name: 'a cycle closed only by a type-only import is ignored by default',
      files: {
        'src/order.ts': "import type { Line } from './line';\nexport class Order { lines: Line[] = []; }",
        'src/line.ts': "import { Order } from './order';\nexport class Line { order?: Order; }",
      },
    },
    {
      name: 'a cycle closed by a value import whose names only an interface uses is ignored (TypeScript drops that import)',
      files: {
        'src/order.ts': "import { Line } from './line';\nexport interface Order { lines: Line[] }\nexport const EMPTY = 0;",
        'src/line.ts': "import { EMPTY } from './order';\nexport class Line { quantity = EMPTY; }",
      },
    },
    {
      name: 'a cycle closed by an import whose name only a signature uses is ignored',
      files: {
        'src/order.ts': "import { Line } from './line';\nexport function total(line: Line): number { return 0; }",
        'src/line.ts': "import { total } from './order';\nexport class Line { sum = total; }",
      },
    },
    {
      name: 'import() breaks a cycle',
      files: {
        'src/a.ts': "export const load = () => import('./b');",
        'src/b.ts': "import { load } from './a';\nexport const x = load;",
      },
    },
    {
      name: 'folder granularity: a file cycle inside one folder is not a folder cycle',
      settings: { cycles: { granularity: 'folder' } },
      files: {
        'src/x/a.ts': "import { b } from './b';\nexport const a = b;",
        'src/x/b.ts': "import { a } from './a';\nexport const b = a;",
      },
    },
  ],
  invalid: [
    {
      name: 'two files importing each other, reported once at the smallest file',
      files: {
        'src/b.ts': "import { a } from './a';\nexport const b = () => a;",
        'src/a.ts': "import { c } from './c';\nimport { b } from './b';\nexport const a = () => b() + c;",
        'src/c.ts': 'export const c = 1;',
      },
      errors: [
        { messageId: 'cycle', data: { unit: 'file', cycle: 'src/a.ts -> src/b.ts -> src/a.ts' }, file: 'src/a.ts', line: 2, column: 19, endColumn: 24 },
      ],
    },
    {
      name: 'a name used as a value closes the cycle, a type annotation elsewhere notwithstanding',
      files: {
        'src/order.ts': "import { Line } from './line';\nexport function total(line: Line): number { return Line.length; }",
        'src/line.ts': "import { total } from './order';\nexport class Line { sum = total; }",
      },
      errors: [{ messageId: 'cycle', data: { unit: 'file', cycle: 'src/line.ts -> src/order.ts -> src/line.ts' }, file: 'src/line.ts' }],
    },
    {
      name: 'imports only types use count when includeTypeImports is on',
      settings: { cycles: { includeTypeImports: true } },
      files: {
        'src/order.ts': "import { Line } from './line';\nexport interface Order { lines: Line[] }\nexport const EMPTY = 0;",
        'src/line.ts': "import { EMPTY } from './order';\nexport class Line { quantity = EMPTY; }",
      },
      errors: [{ messageId: 'cycle', data: { unit: 'file', cycle: 'src/line.ts -> src/order.ts -> src/line.ts' }, file: 'src/line.ts' }],
    },
    {
      name: 'type-only edges count when includeTypeImports is on',
      settings: { cycles: { includeTypeImports: true } },
      files: {
        'src/order.ts': "import type { Line } from './line';\nexport class Order { lines: Line[] = []; }",
        'src/line.ts': "import { Order } from './order';\nexport class Line { order?: Order; }",
      },
      errors: [{ messageId: 'cycle', data: { unit: 'file', cycle: 'src/line.ts -> src/order.ts -> src/line.ts' }, file: 'src/line.ts' }],
    },
    {
      name: 'two cycles sharing a file: every file of the tangle is in a reported cycle',
      files: {
        'src/a.ts': "import './b';\nexport {};",
        'src/b.ts': "import './a';\nimport './c';\nexport {};",
        'src/c.ts': "import './b';\nexport {};",
      },
      errors: [
        { messageId: 'cycle', data: { unit: 'file', cycle: 'src/a.ts -> src/b.ts -> src/a.ts' }, file: 'src/a.ts' },
        { messageId: 'cycle', data: { unit: 'file', cycle: 'src/b.ts -> src/c.ts -> src/b.ts' }, file: 'src/b.ts', line: 2 },
      ],
    },
    {
      name: 'folder granularity',
      settings: { cycles: { granularity: 'folder' } },
      files: {
        'src/orders/service.ts': "import { bill } from '../billing/bill';\nexport const order = () => bill();",
        'src/billing/bill.ts': "import { ORDER_PREFIX } from '../orders/constants';\nexport const bill = () => ORDER_PREFIX;",
        'src/orders/constants.ts': "export const ORDER_PREFIX = 'o-';",
      },
      errors: [{ messageId: 'cycle', data: { unit: 'folder', cycle: 'src/billing -> src/orders -> src/billing' }, file: 'src/billing/bill.ts', line: 1 }],
    },
    {
      name: 'module granularity uses code.modules',
      settings: { modules: ['src/modules/*'], cycles: { granularity: 'module' } },
      files: {
        'src/modules/users/index.ts': "import { wallet } from '../wallets';\nexport const user = wallet;",
        'src/modules/wallets/index.ts': "import { owner } from '../users/owner';\nexport const wallet = owner;",
        'src/modules/users/owner.ts': 'export const owner = 1;',
        'src/main.ts': "import { user } from './modules/users';\nexport default user;",
      },
      errors: [{ messageId: 'cycle', data: { unit: 'module', cycle: 'src/modules/users -> src/modules/wallets -> src/modules/users' } }],
    },
  ],
});
