import { RuleTester } from '../../src/testing.js';
import rule from './prefer-bigint.js';

new RuleTester().run(rule, {
  valid: ['CREATE TABLE t (id bigint, n int8, s bigserial, r real);', 'ALTER TABLE t ADD COLUMN n numeric(10, 2);'],
  invalid: [
    {
      code: 'CREATE TABLE t (id integer PRIMARY KEY, rank smallint);',
      errors: [
        { messageId: 'small', data: { column: 'id', type: 'integer', max: '2,147,483,647' }, line: 1, column: 20, endColumn: 27 },
        { data: { column: 'rank', type: 'smallint', max: '32,767' }, column: 46 },
      ],
    },
    { code: 'ALTER TABLE t ADD COLUMN n serial;', errors: [{ data: { column: 'n', type: 'serial', max: '2,147,483,647' } }] },
  ],
});
