import { RuleTester } from '../../src/testing.js';
import rule from './require-concurrent-index.js';

new RuleTester().run(rule, {
  valid: [
    'CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
    'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);',
    // The table is new: nobody else can be waiting on it.
    'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\nCREATE INDEX orders_customer_idx ON orders (customer_id);',
    'SELECT 1;',
  ],
  invalid: [
    {
      code: '-- reports need this\nCREATE INDEX orders_created_at_idx ON orders (created_at);\n',
      errors: [{ messageId: 'notConcurrent', data: { table: 'orders' }, line: 2, column: 1, endLine: 2, endColumn: 58 }],
    },
    {
      code: 'CREATE TABLE a (id int);\nCREATE UNIQUE INDEX b_idx ON app.b (id);',
      errors: [{ messageId: 'notConcurrent', data: { table: 'app.b' }, line: 2 }],
    },
    {
      name: 'an index created before its table in the same file still locks the old table',
      code: 'CREATE INDEX t_idx ON t (id);\nCREATE TABLE t (id int);',
      errors: [{ messageId: 'notConcurrent', line: 1 }],
    },
    {
      name: 'positions count characters, not UTF-8 bytes',
      code: "-- café ☕\nCOMMENT ON TABLE t IS 'é';\nCREATE INDEX i ON t (id);",
      errors: [{ messageId: 'notConcurrent', line: 3, column: 1, endColumn: 25 }],
    },
  ],
});
