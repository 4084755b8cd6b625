import { RuleTester } from '../../src/testing.js';
import rule from './drop-column.js';

new RuleTester().run(rule, {
  valid: ['ALTER TABLE users ADD COLUMN a text;', { code: '-- migrate:up\nSELECT 1;\n-- migrate:down\nALTER TABLE users DROP COLUMN a;', filename: 'db/migrations/20240101_x.sql' }],
  invalid: [
    { code: 'ALTER TABLE users DROP COLUMN legacy_flag;', errors: [{ messageId: 'drop', data: { table: 'users', column: 'legacy_flag' }, line: 1 }] },
    { code: 'ALTER TABLE users DROP COLUMN IF EXISTS a, DROP COLUMN b;', errors: 2 },
  ],
});
