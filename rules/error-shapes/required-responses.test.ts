import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '../../src/testing.js';
import rule from './required-responses.js';

const orders = readFileSync(fileURLToPath(new URL('../../fixtures/api-orders/openapi.yaml', import.meta.url)), 'utf8');
const head = 'openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n';
const responses = (...codes: string[]) => `      responses:\n${codes.map((c) => `        '${c}': {description: x}\n`).join('')}`;

new RuleTester().run(rule, {
  valid: [
    { name: 'the orders fixture', code: orders },
    { name: 'a default response covers everything', code: `${head}  /v1/orders/{id}:\n    get:\n      responses:\n        '200': {description: ok}\n        default: {description: error}\n` },
    { name: 'a 5XX range covers 500', code: `${head}  /v1/orders:\n    get:\n${responses('200', '5XX')}` },
    { name: 'optional security ({} alternative) needs no 401', code: `${head}  /v1/orders:\n    get:\n      security: [{}, {key: []}]\n${responses('200', '500')}` },
    { name: 'a 422 answers for a bad body by default', code: `${head}  /v1/orders:\n    post:\n      requestBody:\n        content:\n          application/json: {schema: {type: object}}\n${responses('201', '422')}` },
    { name: 'the defaults ask nothing of a plain GET', code: `${head}  /v1/orders:\n    get:\n${responses('200')}` },
  ],
  invalid: [
    {
      name: 'item path without 404, and no 500 when every operation must have one',
      code: `${head}  /v1/orders/{id}:\n    get:\n${responses('200')}`,
      options: { all: ['500'] },
      errors: [{ messageId: 'missing', data: { operation: 'GET /v1/orders/{id}', statuses: '404, 500', reasons: 'it addresses one item; every operation can fail' }, line: 6, column: 7 }],
    },
    {
      name: 'body and security, with a stricter policy',
      options: { withBody: ['400', '422'], secured: ['401', '403'] },
      code: `${head}  /v1/orders:\n    post:\n      security: [{key: []}]\n      requestBody:\n        content:\n          application/json: {schema: {type: object}}\n${responses('201', '400', '500')}`,
      errors: [{ messageId: 'missing', data: { operation: 'POST /v1/orders', statuses: '422, 401, 403', reasons: 'it takes a request body; it is secured' } }],
    },
    {
      name: 'Swagger 2.0 body parameter',
      code: "swagger: '2.0'\ninfo: {title: t, version: 1.0.0}\npaths:\n  /v1/orders:\n    post:\n      parameters:\n        - {name: b, in: body, schema: {type: object}}\n      responses:\n        '201': {description: ok}\n        '500': {description: no}\n",
      errors: [{ messageId: 'missing', data: { operation: 'POST /v1/orders', statuses: '400 or 422', reasons: 'it takes a request body' } }],
    },
  ],
});
