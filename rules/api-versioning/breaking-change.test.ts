import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '../../src/testing.js';
import rule from './breaking-change.js';

const fixtures = fileURLToPath(new URL('../../fixtures/api-breaking/', import.meta.url));
const pair = (name: string) => ({
  code: readFileSync(`${fixtures}${name}/new.yaml`, 'utf8'),
  base: { 'openapi.yaml': readFileSync(`${fixtures}${name}/old.yaml`, 'utf8') },
});
const unchanged = readFileSync(`${fixtures}path-removed/old.yaml`, 'utf8');

new RuleTester().run(rule, {
  valid: [
    { name: 'no change', code: unchanged, base: { 'openapi.yaml': unchanged } },
    { name: 'a spec that is new at the base: nothing to compare', code: unchanged, base: {} },
    { name: 'breaking changes with a major bump of info.version', ...pair('major-bump') },
    {
      name: 'widening is not breaking: optional parameter added, enum value added, constraint relaxed',
      code: unchanged
        .replace('enum: [pending, paid, shipped]\n        - name: limit', 'enum: [pending, paid, shipped, returned]\n        - name: limit')
        .replace('maxLength: 40', 'maxLength: 80')
        .replace('      parameters:\n        - name: status\n', '      parameters:\n        - name: cursor\n          in: query\n          schema:\n            type: string\n        - name: status\n'),
      base: { 'openapi.yaml': unchanged },
    },
  ],
  invalid: [
    {
      name: 'path removed: reported at paths, with a note at the old location',
      ...pair('path-removed'),
      errors: [{ messageId: 'pathRemoved', data: { path: '/v2/orders/{orderId}' }, line: 9, column: 1 }],
    },
    { name: 'operation removed', ...pair('operation-removed'), errors: [{ messageId: 'operationRemoved', data: { operation: 'POST /v2/orders' } }] },
    { name: 'deprecated operation removed is still breaking', ...pair('deprecated-operation-removed'), errors: [{ messageId: 'operationRemoved' }] },
    { name: 'response status removed', ...pair('response-removed'), errors: [{ messageId: 'responseRemoved', data: { operation: 'POST /v2/orders', status: '201' } }] },
    {
      name: 'media type removed',
      ...pair('media-type-removed'),
      errors: [{ messageId: 'mediaTypeRemoved', data: { operation: 'GET /v2/orders/{orderId}', mediaType: 'application/json', what: 'the 200 response' } }],
    },
    {
      name: 'required response property removed, in every response that uses the schema',
      ...pair('required-property-removed'),
      errors: [
        { messageId: 'requiredPropertyRemoved', data: { operation: 'GET /v2/orders', property: '"items[].total"' }, line: 123 },
        { messageId: 'requiredPropertyRemoved', data: { operation: 'POST /v2/orders', property: '"total"' }, line: 123 },
      ],
    },
    { name: 'response property made optional (once per shared schema and property path)', ...pair('property-made-optional'), errors: 2 },
    {
      name: 'required parameter added',
      ...pair('parameter-added-required'),
      errors: [{ messageId: 'parameterAddedRequired', data: { operation: 'GET /v2/orders', in: 'header', name: 'Tenant-Id' }, line: 15 }],
    },
    { name: 'parameter made required', ...pair('parameter-made-required'), errors: [{ messageId: 'parameterMadeRequired', line: 15, column: 11, endLine: 15 }] },
    { name: 'request property made required', ...pair('request-property-required'), errors: [{ messageId: 'requestPropertyRequired', data: { operation: 'POST /v2/orders', property: '"note"' } }] },
    { name: 'request body made required', ...pair('body-made-required'), errors: [{ messageId: 'bodyMadeRequired', data: { operation: 'POST /v2/orders' } }] },
    {
      name: 'property type changed',
      ...pair('type-changed'),
      errors: [
        { messageId: 'typeChanged', data: { operation: 'GET /v2/orders', subject: 'property "items[].total"', from: 'integer', to: 'string' }, line: 131 },
        { messageId: 'typeChanged', data: { operation: 'POST /v2/orders', subject: 'property "total"', from: 'integer', to: 'string' }, line: 131 },
      ],
    },
    {
      name: 'enum value removed from a request parameter',
      ...pair('enum-value-removed'),
      errors: [{ messageId: 'enumValueRemoved', data: { operation: 'GET /v2/orders', subject: 'parameter "status"', value: '"shipped"', use: 'still send' } }],
    },
    {
      name: 'constraints tightened: maxLength lowered, pattern added',
      ...pair('constraint-tightened'),
      errors: [
        { messageId: 'constraintTightened', data: { subject: 'property "items[].sku"', operation: 'POST /v2/orders', constraint: 'maxLength', from: 40, to: 20 }, line: 147 },
        { messageId: 'constraintTightened', message: /pattern tightened from none to/, line: 154 },
      ],
    },
    {
      name: 'security requirement added globally: one finding at the security block, the other operations in a note',
      ...pair('security-added'),
      errors: [{ messageId: 'securityAdded', data: { operation: 'GET /v2/orders', requirement: 'bearer' }, line: 7 }],
    },
  ],
});
