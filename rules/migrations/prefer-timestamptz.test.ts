import { RuleTester } from '../../src/testing.js';
import rule from './prefer-timestamptz.js';

new RuleTester().run(rule, {
  valid: ['CREATE TABLE t (a timestamptz, b timestamp with time zone, c date, d time);'],
  invalid: [
    {
      code: 'CREATE TABLE t (a timestamp, b timestamp(3) without time zone);\nALTER TABLE t ALTER COLUMN c TYPE timestamp;',
      errors: [{ messageId: 'timestamp', data: { column: 'a' }, line: 1, column: 19 }, { data: { column: 'b' } }, { data: { column: 'c' }, line: 2 }],
    },
  ],
});
