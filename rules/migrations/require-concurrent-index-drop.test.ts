import { RuleTester } from '../../src/testing.js';
import rule from './require-concurrent-index-drop.js';

new RuleTester().run(rule, {
  valid: ['DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;', 'DROP TABLE old_orders;'],
  invalid: [
    {
      code: 'DROP INDEX IF EXISTS orders_status_idx;',
      errors: [{ messageId: 'notConcurrent', data: { index: 'orders_status_idx' }, line: 1, column: 1, endColumn: 39 }],
    },
    { code: 'SELECT 1;\nDROP INDEX app.a_idx, app.b_idx;', errors: [{ data: { index: 'app.a_idx, app.b_idx' }, line: 2 }] },
  ],
});
