import { RuleTester } from '../../src/testing.js';
import rule from './mutation-errors.js';

const types = 'type Order { id: ID! }\ntype UserError { field: [String!], message: String! }\ntype Query { order: Order }\n';

new RuleTester().run(rule, {
  valid: [
    `${types}type PlaceOrderPayload { order: Order, userErrors: [UserError!]! }\ntype Mutation { placeOrder: PlaceOrderPayload! }`,
    `${types}type OutOfStock { sku: String! }\nunion PlaceOrderResult = Order | OutOfStock\ntype Mutation { placeOrder: PlaceOrderResult! }`,
    `${types}interface Problem { message: String! }\ntype P { order: Order, errors: [Problem!]! }\ntype Mutation { placeOrder: P }`,
    { code: `${types}type P { order: Order, problems: [UserError!]! }\ntype Mutation { placeOrder: P }`, options: { errorFields: ['problems'] } },
    { name: 'no mutations', code: types },
  ],
  invalid: [
    {
      name: 'a bare entity and a scalar',
      code: `${types}type Mutation {\n  placeOrder(id: ID!): Order!\n  cancelOrder(id: ID!): Boolean\n}`,
      errors: [
        { messageId: 'bare', data: { field: 'placeOrder', returns: '"Order!"' }, line: 5, column: 24 },
        { messageId: 'bare', data: { field: 'cancelOrder', returns: '"Boolean"' }, line: 6 },
      ],
    },
    {
      name: 'errors as strings are not typed',
      code: `${types}type P { order: Order, errors: [String!]! }\ntype Mutation { placeOrder: P }`,
      errors: [{ messageId: 'untypedErrors', data: { field: 'placeOrder', returns: '"P"', errorField: 'errors' } }],
    },
    {
      name: 'a schema that does not validate (duplicate field, unknown type) is still linted',
      code: `${types}type Mutation {\n  placeOrder: Order\n  placeOrder: Order\n  refund: Refund\n}`,
      errors: [
        { messageId: 'bare', data: { field: 'placeOrder', returns: '"Order"' }, line: 6 },
        { messageId: 'bare', data: { field: 'refund', returns: '"Refund"' }, line: 7 },
      ],
    },
    {
      name: 'the mutation type is found in another file of the schema',
      files: { 'a.graphql': types, 'b.graphql': 'type Mutation { placeOrder: Order }' },
      errors: [{ messageId: 'bare', file: 'b.graphql', line: 1 }],
    },
  ],
});
