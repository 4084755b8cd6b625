import { RuleTester } from '../../src/testing.js';
import rule from './primary-key-via-index.js';

new RuleTester().run(rule, {
  valid: [
    'ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;',
    'CREATE TABLE t (id bigint);\nALTER TABLE t ADD PRIMARY KEY (id);',
  ],
  invalid: [
    { code: 'ALTER TABLE events ADD PRIMARY KEY (id);', errors: [{ messageId: 'primaryKey', data: { table: 'events' }, column: 24 }] },
    { code: 'ALTER TABLE events ADD COLUMN id bigserial PRIMARY KEY;', errors: 1 },
  ],
});
