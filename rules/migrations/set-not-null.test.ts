import { RuleTester } from '../../src/testing.js';
import rule from './set-not-null.js';

new RuleTester().run(rule, {
  valid: [
    'ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;',
    'CREATE TABLE t (a text);\nALTER TABLE t ALTER COLUMN a SET NOT NULL;',
  ],
  invalid: [
    {
      code: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      errors: [{ messageId: 'setNotNull', data: { table: 'users', column: 'email' }, line: 1, column: 1, endColumn: 50 }],
    },
  ],
});
