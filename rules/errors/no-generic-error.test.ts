import { RuleTester } from '../../src/testing.js';
import rule from './no-generic-error.js';

const settings = { preset: 'clean' };

new RuleTester().run(rule, {
  valid: [
    { settings, filename: 'src/orders/domain/order.ts', code: 'throw new EmptyOrder(id);' },
    { name: 'infrastructure may throw Error', settings, filename: 'src/orders/infrastructure/db.ts', code: "throw new Error('pool exhausted');" },
    { name: 'no layers', filename: 'src/orders/domain/order.ts', code: "throw new Error('x');" },
    { name: 'a test stub that fails on purpose', settings, filename: 'src/domain/usecases/auth-usecase.spec.js', code: "const repo = { load() { throw new Error('boom'); } };" },
    { name: 'a local class named Error', settings, filename: 'src/orders/domain/order.ts', code: "class Error {}\nthrow new Error();" },
    {
      name: 'the stub of an abstract method',
      settings,
      filename: 'lib/domain/UserRepository.js',
      code: "module.exports = class {\n  persist(user) {\n    throw new Error('ERR_METHOD_NOT_IMPLEMENTED');\n  }\n  merge(user) {\n    throw new Error('Not implemented');\n  }\n};",
    },
  ],
  invalid: [
    {
      name: 'a class name spelled with a unicode escape',
      settings,
      filename: 'src/orders/domain/order.ts',
      code: "throw new \\u0045rror('x');",
      errors: [{ messageId: 'generic', data: { layer: 'domain', cls: 'Error' } }],
    },
    {
      name: 'tests are checked again when allowFiles is emptied',
      settings,
      filename: 'src/orders/domain/order.spec.ts',
      options: { allowFiles: [] },
      code: "throw new Error('x');",
      errors: [{ messageId: 'generic', line: 1 }],
    },
    {
      settings,
      filename: 'src/orders/domain/order.ts',
      code: "export function place(lines: unknown[]) {\n  if (lines.length === 0) throw new Error('empty');\n  if (lines.length > 9) throw RangeError('too many');\n}",
      errors: [
        { messageId: 'generic', data: { layer: 'domain', cls: 'Error' }, line: 2, column: 33, endColumn: 51 },
        { messageId: 'generic', data: { layer: 'domain', cls: 'RangeError' }, line: 3 },
      ],
    },
    {
      settings: { layers: [{ name: 'app', files: 'src/app/**' }] },
      options: { layers: ['app'] },
      filename: 'src/app/use-case.ts',
      code: "throw new Error('not found');",
      errors: [{ messageId: 'generic', data: { layer: 'app', cls: 'Error' } }],
    },
  ],
});
