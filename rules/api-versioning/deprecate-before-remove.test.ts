import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '../../src/testing.js';
import rule from './deprecate-before-remove.js';

const fixtures = fileURLToPath(new URL('../../fixtures/api-breaking/', import.meta.url));
const pair = (name: string) => ({
  code: readFileSync(`${fixtures}${name}/new.yaml`, 'utf8'),
  base: { 'openapi.yaml': readFileSync(`${fixtures}${name}/old.yaml`, 'utf8') },
});

new RuleTester().run(rule, {
  valid: [
    { name: 'the removed operation was deprecated at the base', ...pair('deprecated-operation-removed') },
    { name: 'nothing removed', ...pair('parameter-made-required') },
    {
      name: 'a deprecated property may go',
      code: 'openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      properties:\n        a: {type: string}\n',
      base: { 'openapi.yaml': 'openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      properties:\n        a: {type: string}\n        b: {type: string, deprecated: true}\n' },
    },
  ],
  invalid: [
    {
      name: 'an operation removed without deprecation, reported at its path item with a note',
      ...pair('operation-removed'),
      errors: [{ messageId: 'operation', data: { operation: 'POST /v2/orders' }, line: 10 }],
    },
    {
      name: 'a whole path removed: one finding per operation that was not deprecated',
      ...pair('path-removed'),
      errors: [{ messageId: 'operation', data: { operation: 'GET /v2/orders/{orderId}' }, line: 9 }],
    },
    {
      name: 'a schema property removed without deprecation',
      ...pair('required-property-removed'),
      errors: [{ messageId: 'property', data: { property: 'total', schema: 'Order' } }],
    },
  ],
});
