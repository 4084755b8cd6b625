import { RuleTester } from '../../src/testing.js';
import rule from './rename-column.js';

new RuleTester().run(rule, {
  valid: ['ALTER TABLE users ADD COLUMN full_name text;', 'CREATE TABLE t (a text);\nALTER TABLE t RENAME COLUMN a TO b;', 'ALTER TABLE users RENAME TO customers;'],
  invalid: [
    {
      code: 'ALTER TABLE users RENAME COLUMN name TO full_name;',
      errors: [{ messageId: 'rename', data: { table: 'users', from: 'name', to: 'full_name' }, line: 1, column: 1, endColumn: 50 }],
    },
  ],
});
