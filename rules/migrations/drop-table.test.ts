import { RuleTester } from '../../src/testing.js';
import rule from './drop-table.js';

new RuleTester().run(rule, {
  valid: ['DROP INDEX CONCURRENTLY i;', 'CREATE TABLE tmp (a int);\nDROP TABLE tmp;', { code: 'DROP TABLE users;', filename: 'migrations/0002_users.down.sql' },
    { code: 'DROP TABLE users;', filename: 'database/migrations/down/2022.10.07T13.49.19.users.sql' },
    { code: 'DROP TABLE users;', filename: 'migrations/001.undo.users.sql' },
  ],
  invalid: [
    { code: 'DROP TABLE IF EXISTS sessions;', errors: [{ messageId: 'drop', data: { table: 'sessions' }, line: 1, column: 1 }] },
    { code: 'DROP TABLE a, b CASCADE;', errors: 2 },
  ],
});
