import { RuleTester } from '../../src/testing.js';
import rule from './volatile-default.js';

new RuleTester().run(rule, {
  valid: [
    "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
    'ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now();',
    "ALTER TABLE users ADD COLUMN settings jsonb DEFAULT '{}'::jsonb;",
    'CREATE TABLE t (id uuid DEFAULT gen_random_uuid());',
    { code: 'ALTER TABLE users ADD COLUMN note text;', settings: { postgresVersion: 10 } },
  ],
  invalid: [
    {
      code: 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();',
      errors: [{ messageId: 'volatile', data: { column: 'token', table: 'users', what: 'gen_random_uuid()' }, column: 30 }],
    },
    { code: 'ALTER TABLE users ADD COLUMN n bigserial;', errors: [{ messageId: 'volatile' }] },
    { code: 'ALTER TABLE users ADD COLUMN n int GENERATED ALWAYS AS (a * 2) STORED;', errors: [{ messageId: 'generated' }] },
    {
      name: 'any default before Postgres 11',
      code: "ALTER TABLE users ADD COLUMN plan text DEFAULT 'free';",
      settings: { postgresVersion: 10 },
      errors: [{ messageId: 'beforeEleven', data: { column: 'plan', table: 'users', version: 10 } }],
    },
  ],
});
