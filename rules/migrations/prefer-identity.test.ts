import { RuleTester } from '../../src/testing.js';
import rule from './prefer-identity.js';

new RuleTester().run(rule, {
  valid: ['CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);'],
  invalid: [
    { code: 'CREATE TABLE t (id bigserial PRIMARY KEY, n smallserial);', errors: [{ messageId: 'serial', data: { column: 'id', type: 'bigserial' }, column: 20 }, { data: { type: 'smallserial' } }] },
  ],
});
