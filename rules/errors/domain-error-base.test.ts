import { RuleTester } from '../../src/testing.js';
import rule from './domain-error-base.js';

const settings = { preset: 'clean', errors: { baseClass: 'DomainError' } };

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a test stub throws what it likes',
      settings,
      files: { 'src/orders/domain/order.spec.ts': "class Boom extends Error {}\nexport const stub = () => { throw new Boom(); };" },
    },
    {
      name: 'extends chain across files and a barrel re-export',
      settings,
      files: {
        'src/shared/domain/domain-error.ts': 'export abstract class DomainError extends Error {}',
        'src/shared/domain/index.ts': "export { DomainError } from './domain-error';",
        'src/orders/domain/errors.ts': "import { DomainError } from '../../shared/domain';\nexport class OrderError extends DomainError {}\nexport class EmptyOrder extends OrderError {}",
        'src/orders/domain/order.ts': "import { EmptyOrder } from './errors';\nexport function place() { throw new EmptyOrder(); }",
      },
    },
    {
      name: 'unknown classes are not judged; other layers are free',
      settings,
      files: {
        'src/orders/domain/order.ts': "import { Weird } from 'some-lib/errors';\nimport { Gone } from './missing';\nthrow new Gone();",
        'src/orders/infrastructure/db.ts': 'class DbDown extends Error {}\nthrow new DbDown();',
      },
    },
    { name: 'no base class configured', settings: { preset: 'clean' }, files: { 'src/orders/domain/o.ts': 'class X extends Error {}\nthrow new X();' } },
  ],
  invalid: [
    {
      name: 'tests are left alone unless allowFiles is emptied',
      settings,
      options: { allowFiles: ['**/*.e2e.*'] },
      files: {
        'src/orders/domain/order.spec.ts': "class Boom extends Error {}\nexport const stub = () => { throw new Boom(); };",
        'src/orders/domain/order.e2e.ts': "class Boom extends Error {}\nexport const stub = () => { throw new Boom(); };",
      },
      errors: [{ messageId: 'notDomainError', data: { layer: 'domain', cls: 'Boom', base: 'DomainError', chain: 'Boom -> Error' }, file: 'src/orders/domain/order.spec.ts', line: 2 }],
    },
    {
      name: 'a local class extending Error, and an imported one extending a library class',
      settings,
      files: {
        'src/orders/domain/errors.ts': "import { HttpException } from '@nestjs/common';\nexport class OrderNotFound extends HttpException {}",
        'src/orders/domain/order.ts':
          "import { OrderNotFound } from './errors';\nclass InvalidQuantity extends RangeError {}\nexport function f(q: number) {\n  if (q < 0) throw new InvalidQuantity();\n  throw new OrderNotFound();\n}",
      },
      errors: [
        {
          messageId: 'notDomainError',
          data: { layer: 'domain', cls: 'InvalidQuantity', base: 'DomainError', chain: 'InvalidQuantity -> RangeError' },
          file: 'src/orders/domain/order.ts',
          line: 4,
          column: 24,
          endColumn: 39,
        },
        { messageId: 'notDomainError', data: { layer: 'domain', cls: 'OrderNotFound', base: 'DomainError', chain: 'OrderNotFound -> HttpException' }, line: 5 },
      ],
    },
    {
      name: 'throw sites are found past templates, regular expressions and comments',
      settings,
      files: {
        'src/orders/domain/o.ts': [
          'class Oops {}',
          '// throw new Commented()',
          'const s = `a ${`nested ${1}`} } throw new InTemplate()`;',
          "const r = /throw new InRegex/g; const q = 'throw new InString';",
          'export function f(x: number) { if (x / 2 > 1) { throw new Oops(); } }',
        ].join('\n'),
      },
      errors: [{ messageId: 'notDomainError', data: { layer: 'domain', cls: 'Oops', base: 'DomainError', chain: 'Oops' }, line: 5, column: 59 }],
    },
    {
      name: 'a class without extends',
      settings,
      options: { baseClass: 'BusinessError' },
      files: { 'src/orders/domain/o.ts': 'class Oops {}\nthrow new Oops();' },
      errors: [{ messageId: 'notDomainError', data: { layer: 'domain', cls: 'Oops', base: 'BusinessError', chain: 'Oops' } }],
    },
  ],
});
