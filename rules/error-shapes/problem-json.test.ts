import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '../../src/testing.js';
import rule from './problem-json.js';

const orders = readFileSync(fileURLToPath(new URL('../../fixtures/api-orders/openapi.yaml', import.meta.url)), 'utf8');
const head = 'openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /v1/orders:\n    get:\n      responses:\n';

new RuleTester().run(rule, {
  valid: [
    { name: 'the orders fixture', code: orders },
    { name: 'success responses may use any media type', code: `${head}        '200':\n          description: ok\n          content:\n            application/json: {schema: {type: object}}\n` },
    { name: 'ignored status', code: `${head}        '401':\n          description: no\n`, options: { ignoreStatuses: ['401'] } },
    { name: 'a body is optional when requireBody is off', code: `${head}        '404':\n          description: no\n`, options: { requireBody: false } },
    {
      name: 'Swagger 2.0 with problem+json in produces',
      code: "swagger: '2.0'\ninfo: {title: t, version: 1.0.0}\nproduces: [application/json, application/problem+json]\npaths:\n  /v1/orders:\n    get:\n      responses:\n        '400':\n          description: bad\n          schema: {type: object}\n",
    },
  ],
  invalid: [
    {
      name: 'an error response with application/json',
      code: `${head}        '400':\n          description: bad\n          content:\n            application/json: {schema: {type: object}}\n`,
      errors: [{ messageId: 'notProblem', data: { where: 'The 400 response of GET /v1/orders', mediaTypes: 'application/json' }, line: 9, column: 11 }],
    },
    {
      name: 'default response without a body',
      code: `${head}        default:\n          description: error\n`,
      errors: [{ messageId: 'noBody', data: { where: 'The default response of GET /v1/orders' }, line: 7 }],
    },
    {
      name: 'a shared response is reported once, where it is defined',
      code: `${head}        '500': {$ref: '#/components/responses/Oops'}\n  /v1/customers:\n    get:\n      responses:\n        '500': {$ref: '#/components/responses/Oops'}\ncomponents:\n  responses:\n    Oops:\n      description: failed\n      content:\n        text/plain: {schema: {type: string}}\n`,
      errors: [{ messageId: 'notProblem', data: { where: 'Shared response "Oops"', mediaTypes: 'text/plain' }, line: 16 }],
    },
    {
      name: 'Swagger 2.0 without problem+json',
      code: "swagger: '2.0'\ninfo: {title: t, version: 1.0.0}\nproduces: [application/json]\npaths:\n  /v1/orders:\n    get:\n      responses:\n        '400':\n          description: bad\n          schema: {type: object}\n",
      errors: [{ messageId: 'notProblem', line: 8 }],
    },
  ],
});
