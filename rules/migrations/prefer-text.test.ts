import { RuleTester } from '../../src/testing.js';
import rule from './prefer-text.js';

new RuleTester().run(rule, {
  valid: ['CREATE TABLE t (a text, b varchar, c char(2));'],
  invalid: [
    { code: 'CREATE TABLE t (email varchar(255));', errors: [{ messageId: 'varchar', data: { column: 'email' }, column: 23, endColumn: 35 }] },
    { code: 'ALTER TABLE t ADD COLUMN code character varying(10);', errors: 1 },
  ],
});
