import { RuleTester } from '../../src/testing.js';
import rule from './sunset.js';

const spec = (operation: string) =>
  `openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /v1/orders:\n    get:\n${operation}      responses:\n        '200':\n          description: ok\n`;

new RuleTester().run(rule, {
  valid: [
    { name: 'not deprecated', code: spec('      summary: list\n') },
    { name: 'x-sunset in the future', code: spec("      deprecated: true\n      x-sunset: '2999-01-01'\n") },
    {
      name: 'a Sunset response header',
      code: `openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /v1/orders:\n    get:\n      deprecated: true\n      responses:\n        '200':\n          description: ok\n          headers:\n            Sunset:\n              schema: {type: string}\n              example: 'Sat, 01 Jan 2999 00:00:00 GMT'\n`,
    },
    { name: 'the date is compared with options.today', code: spec("      deprecated: true\n      x-sunset: '2026-06-30'\n"), options: { today: '2026-01-01' } },
  ],
  invalid: [
    {
      name: 'deprecated without a sunset',
      code: spec('      deprecated: true\n'),
      errors: [{ messageId: 'missing', data: { operation: 'GET /v1/orders' }, line: 6, column: 7, endColumn: 17 }],
    },
    {
      name: 'a sunset in the past',
      code: spec("      deprecated: true\n      x-sunset: '2001-02-03'\n"),
      errors: [{ messageId: 'past', data: { operation: 'GET /v1/orders', date: '2001-02-03' }, line: 7 }],
    },
    { name: 'not a date', code: spec('      deprecated: true\n      x-sunset: soon\n'), errors: [{ messageId: 'invalid', line: 7 }] },
  ],
});
