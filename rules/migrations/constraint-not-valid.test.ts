import { RuleTester } from '../../src/testing.js';
import rule from './constraint-not-valid.js';

new RuleTester().run(rule, {
  valid: [
    'ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0) NOT VALID;',
    'ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT total_positive;',
    'CREATE TABLE t (a int);\nALTER TABLE t ADD CONSTRAINT a_positive CHECK (a > 0);',
  ],
  invalid: [
    {
      code: 'ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0);',
      errors: [{ messageId: 'check', data: { name: 'total_positive', table: 'orders' }, line: 1, column: 24 }],
    },
    {
      name: 'validated in the transaction that added it',
      code: 'ALTER TABLE orders ADD CONSTRAINT c CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT c;',
      settings: { assumeInTransaction: true },
      errors: [{ messageId: 'validateSameTransaction', data: { name: 'c' }, line: 2 }],
    },
  ],
});
