import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '../../src/testing.js';
import rule from './valid-document.js';

const orders = readFileSync(fileURLToPath(new URL('../../fixtures/api-orders/openapi.yaml', import.meta.url)), 'utf8');

new RuleTester().run(rule, {
  valid: [
    { name: 'the orders fixture (3.1)', code: orders },
    { name: 'Swagger 2.0', code: "swagger: '2.0'\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n" },
    { name: 'JSON', filename: 'openapi.json', code: '{"openapi": "3.0.3", "info": {"title": "t", "version": "1.0.0"}, "paths": {}}' },
    {
      name: 'a $ref key inside an example is data, not a reference',
      code: "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              example: {$ref: 'https://example.com/users/1'}\n",
    },
  ],
  invalid: [
    {
      name: 'every problem, each at its own line',
      code: "openapi: 3.0.3\ninfo: {title: t}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n      bogus: 1\n  /b:\n    get:\n      parameters:\n        - {name: q, in: nowhere}\n      responses:\n        '200': {description: ok}\n",
      errors: [
        { messageId: 'invalid', message: "/info must have required property 'version'", line: 2, column: 1 },
        { messageId: 'invalid', message: /\/paths\/~1a\/get\/bogus has an unexpected property "bogus"/, line: 8, column: 7 },
        { messageId: 'invalid', message: '/paths/~1b/get/parameters/0/in must be one of: "path", "query", "header", "cookie"', line: 12, column: 21 },
      ],
    },
    {
      name: 'a $ref to nothing',
      code: "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: '#/components/responses/Nope'}\n",
      errors: [{ messageId: 'invalid', message: '$ref "#/components/responses/Nope" points to nothing.', line: 7 }],
    },
    {
      name: 'remote refs are not fetched unless allowed',
      code: "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a:\n    $ref: 'https://example.com/paths.yaml#/a'\n",
      errors: [{ messageId: 'invalid', message: /not fetched: set openapi.allowRemoteRefs/, line: 5 }],
    },
    {
      name: 'a missing referenced file',
      code: "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a:\n    $ref: paths/a.yaml\n",
      errors: [{ messageId: 'invalid', message: '$ref "paths/a.yaml" points to "paths/a.yaml", which does not exist.', line: 5, column: 5 }],
    },
    { name: 'unsupported version', code: 'openapi: 4.0.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n', errors: [{ messageId: 'invalid', line: 1 }] },
  ],
});
