import { RuleTester } from '../../src/testing.js';
import rule from './rename-table.js';

new RuleTester().run(rule, {
  valid: ['ALTER TABLE users RENAME COLUMN a TO b;', 'CREATE TABLE tmp (a int);\nALTER TABLE tmp RENAME TO final;', 'ALTER INDEX a_idx RENAME TO b_idx;'],
  invalid: [{ code: 'ALTER TABLE users RENAME TO customers;', errors: [{ messageId: 'rename', data: { from: 'users', to: 'customers' }, column: 1 }] }],
});
