import { RuleTester } from '../../src/testing.js';
import rule from './valid-schema.js';

new RuleTester().run(rule, {
  valid: [
    { name: 'client operation documents are not a schema', files: { 'queries/order.graphql': 'query Order($id: ID!) { order(id: $id) { id } }' } },
    'type Query { order: Order }\ntype Order { id: ID! }',
    { name: 'one schema over several files', files: { 'a.graphql': 'type Query { order: Order }', 'b.graphql': 'type Order { id: ID! }\nextend type Query { orders: [Order] }' } },
  ],
  invalid: [
    {
      name: 'a field defined twice and an unknown type, each located',
      code: 'type Query {\n  order: Order\n  order: Order\n  customer: Customer\n}\ntype Order { id: ID! }',
      errors: [
        { messageId: 'invalid', message: 'Field "Query.order" can only be defined once.', line: 3, column: 3 },
        { messageId: 'invalid', message: 'Unknown type "Customer".', line: 4, column: 13 },
      ],
    },
    {
      name: 'errors across files point at the right file',
      files: { 'a.graphql': 'type Query { order: Order }', 'b.graphql': 'type Order { id: ID! }\ntype Order { sku: String }' },
      errors: [{ messageId: 'invalid', message: 'There can be only one type named "Order".', file: 'b.graphql', line: 2, column: 6 }],
    },
    { name: 'a schema without a query type', code: 'type Order { id: ID! }\nschema { mutation: Order }', errors: [{ messageId: 'invalid', message: 'Query root type must be provided.' }] },
  ],
});
