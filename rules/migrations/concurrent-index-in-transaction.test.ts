import { RuleTester } from '../../src/testing.js';
import rule from './concurrent-index-in-transaction.js';

new RuleTester().run(rule, {
  valid: [
    'CREATE INDEX CONCURRENTLY i ON t (a);',
    'BEGIN;\nCREATE INDEX i ON t (a);\nCOMMIT;\nCREATE INDEX CONCURRENTLY j ON t (b);',
    { name: 'goose with NO TRANSACTION', code: '-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY i ON t (a);', filename: 'db/00001_i.sql' },
    { name: 'Prisma migration with the one statement', code: 'CREATE INDEX CONCURRENTLY i ON t (a);', filename: 'prisma/migrations/20240101000000_i/migration.sql' },
    { name: 'Postgrator migration with the one statement', code: 'CREATE INDEX CONCURRENTLY i ON t (a);', filename: 'migrations/003.do.index_a.sql' },
    { code: 'CREATE INDEX CONCURRENTLY i ON t (a);', filename: 'db/V2__i.sql', settings: { assumeInTransaction: false } },
  ],
  invalid: [
    {
      code: 'BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;',
      errors: [{ messageId: 'inTransaction', data: { operation: 'CREATE INDEX CONCURRENTLY', why: 'an explicit BEGIN' }, line: 2, column: 1 }],
    },
    { name: 'Flyway wraps migrations', code: 'DROP INDEX CONCURRENTLY i;', filename: 'db/V2__drop.sql', errors: [{ data: { operation: 'DROP INDEX CONCURRENTLY' } }] },
    {
      name: 'Prisma runs several statements as one implicit transaction',
      code: 'ALTER TABLE t ADD COLUMN b text;\nCREATE INDEX CONCURRENTLY i ON t (b);',
      filename: 'prisma/migrations/20240101000000_i/migration.sql',
      errors: [{ line: 2 }],
    },
    { code: 'REINDEX INDEX CONCURRENTLY i;', settings: { assumeInTransaction: true }, errors: [{ data: { operation: 'REINDEX CONCURRENTLY' } }] },
    {
      name: 'Postgrator sends the file as one query string too',
      code: 'ALTER TABLE t ADD COLUMN b text;\nCREATE INDEX CONCURRENTLY i ON t (b);',
      filename: 'migrations/003.do.index_b.sql',
      errors: [{ line: 2 }],
    },
  ],
});
