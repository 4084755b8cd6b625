import { RuleTester } from '../../src/testing.js';
import rule from './require-lock-timeout.js';

new RuleTester().run(rule, {
  valid: [
    "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN a text;",
    "BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE users ADD COLUMN a text;\nCOMMIT;",
    "SELECT set_config('lock_timeout', '2s', false);\nCREATE INDEX CONCURRENTLY i ON t (a);",
    'CREATE TABLE t (a int);\nINSERT INTO t VALUES (1);',
    'CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (a_id bigint REFERENCES a (id));',
    'CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (a_id bigint, FOREIGN KEY (a_id) REFERENCES a (id));',
    { name: 'locks on a table created in the same migration block nobody', code: 'CREATE TABLE t (a int);\nCREATE INDEX i ON t (a);\nALTER TABLE t ADD COLUMN b text;' },
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (a int);\nALTER TABLE users ADD COLUMN a text;\nDROP INDEX i;',
      errors: [{ messageId: 'missing', data: { what: 'ALTER TABLE' }, line: 2, column: 1 }],
    },
    {
      name: 'a new table whose foreign key locks an existing table',
      code: 'CREATE TABLE folders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));',
      errors: [{ data: { what: 'CREATE TABLE with foreign keys' } }],
    },
    {
      name: 'a table-level foreign key',
      code: 'CREATE TABLE folders (id bigint PRIMARY KEY, user_id bigint, CONSTRAINT owner FOREIGN KEY (user_id) REFERENCES users (id));',
      errors: [{ data: { what: 'CREATE TABLE with foreign keys' } }],
    },
    { name: 'set after the first lock', code: "DROP TABLE old;\nSET lock_timeout = '1s';", errors: 1 },
  ],
});
