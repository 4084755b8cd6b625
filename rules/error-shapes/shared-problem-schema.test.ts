import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '../../src/testing.js';
import rule from './shared-problem-schema.js';

const orders = readFileSync(fileURLToPath(new URL('../../fixtures/api-orders/openapi.yaml', import.meta.url)), 'utf8');
const problem =
  '    Problem:\n      type: object\n      properties:\n        type: {type: string}\n        title: {type: string}\n        status: {type: integer}\n        detail: {type: string}\n        instance: {type: string}\n';
const spec = (schema: string, schemas = problem) =>
  `openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /v1/orders:\n    get:\n      responses:\n        '400':\n          description: bad\n          content:\n            application/problem+json:\n              schema: ${schema}\ncomponents:\n  schemas:\n${schemas}`;

new RuleTester().run(rule, {
  valid: [
    { name: 'the orders fixture', code: orders },
    { name: 'a $ref to the Problem schema', code: spec("{$ref: '#/components/schemas/Problem'}") },
    {
      name: 'a schema extending Problem through allOf',
      code: spec("{$ref: '#/components/schemas/ValidationProblem'}", `${problem}    ValidationProblem:\n      allOf:\n        - $ref: '#/components/schemas/Problem'\n        - properties: {errors: {type: array}}\n`),
    },
    { name: 'a custom schema name', code: spec("{$ref: '#/components/schemas/Error'}", problem.replace('Problem:', 'Error:')), settings: { problemSchema: 'Error' } },
    { name: 'no problem+json responses: nothing to check', code: 'openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\n' },
  ],
  invalid: [
    {
      name: 'an inline schema instead of the shared one',
      code: spec('{type: object}'),
      errors: [{ messageId: 'notShared', data: { where: 'The 400 response of GET /v1/orders (application/problem+json)', name: 'Problem' }, line: 11 }],
    },
    {
      name: 'no Problem schema at all',
      code: spec('{type: object}', '    Other: {type: object}\n'),
      errors: [{ messageId: 'missingSchema', data: { name: 'Problem' }, line: 13 }],
    },
    {
      name: 'members missing or of the wrong type',
      code: spec("{$ref: '#/components/schemas/Problem'}", '    Problem:\n      type: object\n      properties:\n        type: {type: string}\n        title: {type: string}\n        status: {type: string}\n        detail: {type: string}\n'),
      errors: [
        { messageId: 'missingMember', data: { name: 'Problem', member: 'instance' }, line: 14 },
        { messageId: 'wrongType', data: { name: 'Problem', member: 'status', actual: 'string', expected: 'integer' }, line: 19 },
      ],
    },
  ],
});
