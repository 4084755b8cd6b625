import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '../../src/testing.js';
import rule from './breaking-change.js';

const dir = fileURLToPath(new URL('../../fixtures/api-graphql/', import.meta.url));
const read = (file: string) => readFileSync(`${dir}${file}`, 'utf8');
const orders = read('schema/orders.graphql');
const mutations = read('schema/mutations.graphql');

new RuleTester().run(rule, {
  valid: [
    { name: 'unchanged split schema', files: { 'orders.graphql': orders, 'mutations.graphql': mutations }, base: { 'orders.graphql': orders, 'mutations.graphql': mutations } },
    { name: 'a schema that is new at the base: nothing to compare', code: orders, base: {} },
    {
      name: 'adding a type and a nullable field is safe',
      code: `${orders}\ntype Refund { id: ID! }\nextend type Order { refund: Refund }`,
      base: { 'schema.graphql': orders },
    },
    { name: 'dangerous changes can be left out', code: orders.replace('  SHIPPED\n', '  SHIPPED\n  RETURNED\n'), base: { 'schema.graphql': orders }, options: { dangerous: false } },
  ],
  invalid: [
    {
      name: 'every kind of change graphql-js knows, located in the new SDL',
      code: read('breaking/new.graphql'),
      base: { 'schema.graphql': read('breaking/old.graphql') },
      errors: [
        { messageId: 'breaking', data: { description: 'Customer was removed.' }, line: 1, column: 1 },
        { messageId: 'removedNotDeprecated', data: { coordinate: 'Query.customer' }, line: 1, column: 6 },
        { messageId: 'breaking', data: { description: 'Query.legacyOrders was removed.' }, line: 1, column: 6 },
        { messageId: 'breaking', data: { description: 'A required arg tenant on Query.order was added.' }, line: 2, column: 18 },
        { messageId: 'dangerous', data: { description: 'Query.orders arg first has changed defaultValue from 20 to 50.' }, line: 3, column: 31 },
        { messageId: 'dangerous', data: { description: 'An optional arg after on Query.orders was added.' }, line: 3, column: 48 },
        { messageId: 'breaking', data: { description: 'Order no longer implements interface Node.' }, line: 10, column: 6 },
        { messageId: 'removedNotDeprecated', data: { coordinate: 'Order.couponCode' }, line: 10, column: 6 },
        { messageId: 'breaking', data: { description: 'Order.placedAt was removed.' }, line: 10, column: 6 },
        { messageId: 'breaking', data: { description: 'Order.totalCents changed type from Int! to Float!.' }, line: 13, column: 3 },
        { messageId: 'breaking', data: { description: 'Refund was removed from union type Payment.' }, line: 25, column: 7 },
        { messageId: 'dangerous', data: { description: 'Chargeback was added to union type Payment.' }, line: 25, column: 7 },
        { messageId: 'breaking', data: { description: 'SHIPPED was removed from enum type OrderStatus.' }, line: 27, column: 6 },
        { messageId: 'dangerous', data: { description: 'REFUNDED was added to enum type OrderStatus.' }, line: 30, column: 3 },
        { messageId: 'breaking', data: { description: 'A required field region on input type OrderFilter was added.' }, line: 35, column: 3 },
      ],
    },
    {
      name: 'a split schema: the change is reported in the file that holds it',
      files: { 'orders.graphql': orders, 'mutations.graphql': mutations.replace('  note: String\n', '  note: String!\n') },
      base: { 'orders.graphql': orders, 'mutations.graphql': mutations },
      errors: [{ messageId: 'breaking', data: { description: 'PlaceOrderInput.note changed type from String to String!.' }, file: 'mutations.graphql', line: 3 }],
    },
    {
      name: 'a schema that does not validate is still diffed',
      code: 'type Query {\n  order: Order\n  order: Order\n}\ntype Order { id: ID! }',
      base: { 'schema.graphql': 'type Query {\n  order: Order\n  count: Int\n}\ntype Order { id: ID! }' },
      errors: [{ messageId: 'removedNotDeprecated', data: { coordinate: 'Query.count' } }],
    },
  ],
});

it('reports dangerous changes as warnings and breaking ones at the rule severity', async () => {
  const found = await new RuleTester().check(rule, { code: orders.replace('  SHIPPED\n', '  RETURNED\n'), base: { 'schema.graphql': orders } });
  expect(found.map((d) => [d.line, d.severity, d.message])).toEqual([
    [23, 'error', 'Breaking change: SHIPPED was removed from enum type OrderStatus.'],
    [26, 'warn', 'Dangerous change: RETURNED was added to enum type OrderStatus.'],
  ]);
});
