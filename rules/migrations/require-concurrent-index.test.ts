import { RuleTester } from '../../src/testing.js';
import rule from './require-concurrent-index.js';

new RuleTester().run(rule, {
  valid: [
    'CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
    {
      name: 'index on a table created in the same migration',
      code: 'CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint);\nCREATE INDEX invoices_customer_idx ON invoices (customer_id);',
    },
    { name: 'down part of a goose migration', code: '-- +goose Up\nSELECT 1;\n-- +goose Down\nCREATE INDEX i ON t (a);', filename: 'db/20240101000000_x.sql' },
  ],
  invalid: [
    {
      code: 'SET lock_timeout = 1000;\nCREATE INDEX orders_status_idx ON orders (status);',
      errors: [{ messageId: 'notConcurrent', data: { table: 'orders' }, line: 2, column: 1, endLine: 2, endColumn: 50 }],
    },
    { code: 'CREATE UNIQUE INDEX ON public.users (lower(email));', errors: [{ data: { table: 'public.users' } }] },
  ],
});
