import { RuleTester } from '../../src/testing.js';
import rule from './ban-char.js';

new RuleTester().run(rule, {
  valid: ['CREATE TABLE t (a text, b varchar(2), c "char");'],
  invalid: [
    { code: 'CREATE TABLE t (country char(2), flag character);', errors: [{ messageId: 'char', data: { column: 'country' }, column: 25 }, { data: { column: 'flag' } }] },
  ],
});
