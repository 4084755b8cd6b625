import { RuleTester } from '../../src/testing.js';
import rule from './exclusion-constraint.js';

new RuleTester().run(rule, {
  valid: [
    'CREATE TABLE bookings (room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));',
    'CREATE TABLE b (room int, during tstzrange);\nALTER TABLE b ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);',
  ],
  invalid: [
    {
      code: 'ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);',
      errors: [{ messageId: 'exclusion', data: { table: 'bookings' }, column: 26 }],
    },
  ],
});
