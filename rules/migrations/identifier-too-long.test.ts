import { RuleTester } from '../../src/testing.js';
import rule from './identifier-too-long.js';

const long = 'a_very_long_identifier_that_goes_past_the_sixty_three_byte_limit_x';

new RuleTester().run(rule, {
  valid: ['CREATE TABLE orders (id bigint, customer_id bigint);', `SELECT '${long}';`],
  invalid: [
    { code: `CREATE TABLE ${long} (id bigint);`, errors: [{ messageId: 'tooLong', data: { name: long, bytes: long.length, truncated: long.slice(0, 63) }, column: 14 }] },
    { code: `CREATE INDEX ${long} ON t (a);`, errors: 1 },
    { code: `ALTER TABLE t ADD COLUMN ${long} text, ADD CONSTRAINT ${long}_check CHECK (true);`, errors: 2 },
    { code: `CREATE POLICY "${long}" ON t USING (true);`, errors: 1 },
  ],
});
