import { RuleTester } from '../../src/testing.js';
import rule from './version-scheme.js';

const head = 'openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\n';
const ok = "      responses:\n        '200': {description: ok}\n";

new RuleTester().run(rule, {
  valid: [
    { name: 'path versions', code: `${head}paths:\n  /v1/orders:\n    get:\n${ok}  /v2/orders/{id}:\n    get:\n${ok}` },
    { name: 'version in the server URL', code: `${head}servers:\n  - url: https://api.example.com/v3\npaths:\n  /orders:\n    get:\n${ok}` },
    { name: 'Swagger basePath with a dotted version', code: `swagger: '2.0'\ninfo: {title: t, version: 1.0.0}\nbasePath: /api/v2.0\npaths:\n  /orders:\n    get:\n${ok}` },
    {
      name: 'header strategy',
      code: `${head}paths:\n  /orders:\n    get:\n      parameters:\n        - {name: Api-Version, in: header, required: true, schema: {type: string}}\n${ok}`,
      settings: { versioning: { strategy: 'header' } },
    },
    {
      name: 'date strategy with dated values',
      code: `${head}paths:\n  /orders:\n    get:\n      parameters:\n        - {name: X-Api-Version, in: header, schema: {type: string, enum: ['2024-01-01', '2025-06-30']}}\n${ok}`,
      settings: { versioning: { strategy: 'date', header: 'X-Api-Version' } },
    },
    {
      name: 'media type strategy',
      code: `${head}paths:\n  /orders:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/vnd.acme.v2+json: {schema: {type: object}}\n`,
      settings: { versioning: { strategy: 'media-type' } },
    },
    { name: 'strategy none', code: `${head}paths:\n  /orders:\n    get:\n${ok}`, settings: { versioning: { strategy: 'none' } } },
  ],
  invalid: [
    {
      name: 'an API with no path versions at all: one finding',
      code: `${head}paths:\n  /orders:\n    get:\n${ok}  /customers:\n    get:\n${ok}`,
      errors: [{ messageId: 'notVersioned', line: 3 }],
    },
    {
      name: 'one operation without the version the others have',
      code: `${head}paths:\n  /v1/orders:\n    get:\n${ok}  /v1/customers:\n    get:\n${ok}  /health:\n    get:\n${ok}`,
      errors: [{ messageId: 'pathMissing', data: { operation: 'GET /health' }, line: 13 }],
    },
    {
      name: 'the version segment in another position',
      code: `${head}paths:\n  /v1/orders:\n    get:\n${ok}  /v1/customers:\n    get:\n${ok}  /admin/v1/users:\n    get:\n${ok}`,
      errors: [{ messageId: 'pathPosition', data: { operation: 'GET /admin/v1/users', segment: 'v1', expected: '/v1' } }],
    },
    {
      name: 'header strategy: missing header and a path version mixed in',
      code: `${head}paths:\n  /v1/orders:\n    get:\n${ok}`,
      settings: { versioning: { strategy: 'header' } },
      errors: [
        { messageId: 'mixed', data: { operation: 'GET /v1/orders', strategy: 'header' } },
        { messageId: 'headerMissing', data: { operation: 'GET /v1/orders', header: 'Api-Version' } },
      ],
    },
    {
      name: 'query strategy',
      code: `${head}paths:\n  /orders:\n    get:\n${ok}`,
      settings: { versioning: { strategy: 'query', queryParam: 'api-version' } },
      errors: [{ messageId: 'queryMissing', data: { operation: 'GET /orders', param: 'api-version' } }],
    },
    {
      name: 'date strategy with a value that is not a date',
      code: `${head}paths:\n  /orders:\n    get:\n      parameters:\n        - {name: Api-Version, in: header, schema: {type: string, default: latest}}\n${ok}`,
      settings: { versioning: { strategy: 'date' } },
      errors: [{ messageId: 'dateInvalid', data: { operation: 'GET /orders', header: 'Api-Version', value: 'latest' } }],
    },
    {
      name: 'media type strategy with a plain media type',
      code: `${head}paths:\n  /orders:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json: {schema: {type: object}}\n`,
      settings: { versioning: { strategy: 'media-type' } },
      errors: [{ messageId: 'mediaTypeMissing', data: { operation: 'GET /orders', mediaType: 'application/json' } }],
    },
  ],
});
