import { RuleTester } from '../../src/testing.js';
import rule from './naming.js';

new RuleTester().run(rule, {
  valid: [
    'type Order { id: ID!, totalCents: Int, lineItems(first: Int): [LineItem!]! }\ntype LineItem { sku: String }',
    'enum OrderStatus { PENDING PAID SHIPPED_TO_CUSTOMER }',
    'input PlaceOrderInput { customerId: ID! }',
    'type Query { _service: String }\nscalar DateTime',
    { code: 'enum Legacy { lowercase }', options: { ignore: ['lowercase'] } },
    'extend type Query { ordersByStatus(statusFilter: String): [String] }',
  ],
  invalid: [
    {
      code: 'type order_line { Sku: String, unit_price: Int }',
      errors: [
        { messageId: 'type', data: { name: 'order_line', owner: '' }, line: 1, column: 6, endColumn: 16 },
        { messageId: 'field', data: { name: 'Sku', owner: 'order_line' }, column: 19 },
        { messageId: 'field', data: { name: 'unit_price', owner: 'order_line' }, column: 32 },
      ],
    },
    {
      code: 'enum Status {\n  pending\n  inProgress\n  DONE\n}',
      errors: [
        { messageId: 'enumValue', data: { name: 'pending', owner: 'Status' }, line: 2, column: 3 },
        { messageId: 'enumValue', data: { name: 'inProgress', owner: 'Status' }, line: 3 },
      ],
    },
    {
      code: 'type Query { orders(Status_Filter: String): [String] }\ninput OrderFilter { created_after: String }',
      errors: [
        { messageId: 'argument', data: { name: 'Status_Filter', owner: 'Query.orders' } },
        { messageId: 'field', data: { name: 'created_after', owner: 'OrderFilter' }, line: 2 },
      ],
    },
    { code: 'type Query { _service: String }', options: { allowLeadingUnderscore: false }, errors: [{ messageId: 'field' }] },
  ],
});
