import { RuleTester } from '../../src/testing.js';
import rule from './throw-error-objects.js';

new RuleTester().run(rule, {
  valid: [
    { name: 'tests are left alone by default', filename: 'spec/CloudCode.spec.js', code: "Parse.Cloud.define('f', () => { throw 'Validation failed'; });\nawait Promise.reject({ code: 141 });" },
    "throw new Error('boom');",
    'throw new OrderNotFound(id);',
    'try { x(); } catch (e) { throw e; }',
    'throw createHttpError(404);',
    'throw error as Error;',
    "return Promise.reject(new Error('no'));",
    "Promise.reject(err);",
  ],
  invalid: [
    {
      name: 'tests too, with allowFiles emptied',
      filename: 'spec/CloudCode.spec.js',
      options: { allowFiles: [] },
      code: "throw 'Validation failed';",
      errors: [{ messageId: 'throwValue' }],
    },
    { code: "throw 'order not found';", errors: [{ messageId: 'throwValue', data: { what: 'a string' }, line: 1, column: 7, endColumn: 24 }] },
    { code: 'throw `order ${id} not found`;', errors: [{ messageId: 'throwValue', data: { what: 'a string' } }] },
    { code: "throw 'order ' + id + ' not found';", errors: [{ messageId: 'throwValue', data: { what: 'a string' } }] },
    { code: 'throw { status: 404, message: "nope" };', errors: [{ messageId: 'throwValue', data: { what: 'a plain object' } }] },
    { code: 'if (x) throw 42;\nthrow null;', errors: [{ messageId: 'throwValue', data: { what: 'a number' }, line: 1 }, { messageId: 'throwValue', data: { what: 'null' }, line: 2 }] },
    { code: "export const load = () => Promise.reject('timeout');", errors: [{ messageId: 'rejectValue', data: { what: 'a string' }, column: 42 }] },
    { name: 'a name spelled with a unicode escape', code: "Promise.rej\\u0065ct('timeout');", errors: [{ messageId: 'rejectValue', data: { what: 'a string' } }] },
  ],
});
