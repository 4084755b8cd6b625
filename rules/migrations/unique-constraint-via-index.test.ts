import { RuleTester } from '../../src/testing.js';
import rule from './unique-constraint-via-index.js';

new RuleTester().run(rule, {
  valid: [
    'CREATE UNIQUE INDEX CONCURRENTLY users_email_idx ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;',
    'CREATE TABLE t (a text);\nALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a);',
  ],
  invalid: [
    { code: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);', errors: [{ messageId: 'unique', data: { table: 'users' }, line: 1, column: 23 }] },
  ],
});
