import { RuleTester } from '../../src/testing.js';
import rule from './drop-not-null.js';

new RuleTester().run(rule, {
  valid: ['ALTER TABLE users ALTER COLUMN email SET DEFAULT NULL;', 'CREATE TABLE t (a text NOT NULL);\nALTER TABLE t ALTER COLUMN a DROP NOT NULL;'],
  invalid: [{ code: 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;', errors: [{ messageId: 'dropNotNull', data: { table: 'users', column: 'email' } }] }],
});
