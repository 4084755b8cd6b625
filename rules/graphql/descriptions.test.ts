import { RuleTester } from '../../src/testing.js';
import rule from './descriptions.js';

new RuleTester().run(rule, {
  valid: [
    '"An order."\ntype Order {\n  "Its id."\n  id: ID!\n}',
    'type Query {\n  "All orders."\n  orders(first: Int): [String]\n}',
    '"Status."\nenum Status { A B }',
  ],
  invalid: [
    {
      code: 'type Order {\n  id: ID!\n}',
      errors: [
        { messageId: 'missing', data: { what: 'Type', name: 'Order' }, line: 1, column: 6 },
        { messageId: 'missing', data: { what: 'Field', name: 'Order.id' }, line: 2, column: 3 },
      ],
    },
    {
      code: '"Q"\ninput Filter {\n  """  """\n  status: String\n}',
      errors: [{ messageId: 'missing', data: { what: 'Field', name: 'Filter.status' }, line: 4 }],
    },
    {
      code: 'type Query {\n  "All."\n  orders(first: Int): [String]\n}\n"S"\nenum Status { A }',
      options: { arguments: true, enumValues: true },
      errors: [
        { messageId: 'missing', data: { what: 'Argument', name: 'Query.orders(first)' }, line: 3 },
        { messageId: 'missing', data: { what: 'Enum value', name: 'Status.A' }, line: 6 },
      ],
    },
  ],
});
