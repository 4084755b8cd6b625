import { RuleTester } from '../../src/testing.js';
import rule from './column-type-change.js';

new RuleTester().run(rule, {
  valid: ['ALTER TABLE orders ADD COLUMN total_cents bigint;', 'CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a TYPE bigint;'],
  invalid: [
    {
      code: 'ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2);',
      errors: [{ messageId: 'typeChange', data: { table: 'orders', column: 'total', type: 'numeric' }, line: 1, column: 44, endColumn: 58 }],
    },
    { code: 'ALTER TABLE orders ALTER COLUMN id SET DATA TYPE bigint USING id::bigint;', errors: [{ data: { type: 'bigint' } }] },
  ],
});
