import { RuleTester } from '../../src/testing.js';
import rule from './identifier-too-long.js';

const long = 'a_very_long_identifier_that_goes_past_the_sixty_three_byte_limit_x';
// 40 characters, 80 bytes: short to the eye, truncated all the same.
const wide = 'é'.repeat(40);

new RuleTester().run(rule, {
  valid: ['CREATE TABLE orders (id bigint, customer_id bigint);', `SELECT '${long}';`],
  invalid: [
    { code: `CREATE TABLE ${long} (id bigint);`, errors: [{ messageId: 'tooLong', data: { name: long, bytes: long.length, truncated: long.slice(0, 63) }, column: 14 }] },
    { code: `CREATE INDEX ${long} ON t (a);`, errors: 1 },
    { code: `ALTER TABLE t ADD COLUMN ${long} text, ADD CONSTRAINT ${long}_check CHECK (true);`, errors: 2 },
    { code: `CREATE POLICY "${long}" ON t USING (true);`, errors: 1 },
    { code: `CREATE TABLE "${wide}" (id bigint);`, errors: [{ messageId: 'tooLong', data: { name: wide, bytes: 80, truncated: 'é'.repeat(31) } }] },
    // A stray quote in a string does not hide a long name after it.
    { code: `CREATE TABLE t (note text DEFAULT 'say "hi', ${long} bigint);`, errors: 1 },
  ],
});
