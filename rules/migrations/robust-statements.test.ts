import { RuleTester } from '../../src/testing.js';
import rule from './robust-statements.js';

new RuleTester().run(rule, {
  valid: [
    'CREATE TABLE IF NOT EXISTS t (a int);\nCREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a);\nDROP INDEX CONCURRENTLY IF EXISTS j;',
    'ALTER TABLE t ADD COLUMN IF NOT EXISTS b text, DROP COLUMN IF EXISTS c;',
    { name: 'inside the tool transaction a failure rolls everything back', code: 'CREATE TABLE t (a int);', filename: 'db/V1__t.sql' },
    'BEGIN;\nCREATE TABLE t (a int);\nALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);\nCOMMIT;',
    { name: 'the last statement leaves nothing behind when it fails', code: 'SELECT 1;\nCREATE TABLE t (a int);' },
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (a int);\nDROP TABLE old;\nALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);\nINSERT INTO t VALUES (1);',
      errors: [
        { messageId: 'guard', data: { what: 'CREATE TABLE', fix: 'IF NOT EXISTS' }, line: 1 },
        { messageId: 'guard', data: { what: 'DROP TABLE', fix: 'IF EXISTS' }, line: 2 },
        { messageId: 'transaction', data: { what: 'ADD CONSTRAINT' }, line: 3 },
      ],
    },
    {
      name: 'a failed concurrent build leaves an invalid index behind',
      code: 'CREATE INDEX CONCURRENTLY i ON t (a);',
      errors: [{ messageId: 'guard', data: { what: 'CREATE INDEX', fix: 'IF NOT EXISTS' } }],
    },
  ],
});
