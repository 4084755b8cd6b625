import { RuleTester } from '../../src/testing.js';
import rule from './missing-down.js';

new RuleTester().run(rule, {
  valid: [
    { files: { 'db/migrations/0001_users.up.sql': 'SELECT 1;', 'db/migrations/0001_users.down.sql': 'SELECT 1;' } },
    { name: 'a folder with no down files at all', files: { 'db/migrations/0001_users.up.sql': 'SELECT 1;', 'db/migrations/0002_orders.up.sql': 'SELECT 1;' } },
    { name: 'Prisma has no down migrations', files: { 'prisma/migrations/20240101000000_init/migration.sql': 'SELECT 1;' }, options: { always: true } },
  ],
  invalid: [
    {
      files: { 'db/migrations/0001_users.up.sql': 'SELECT 1;', 'db/migrations/0001_users.down.sql': 'SELECT 1;', 'db/migrations/0002_orders.up.sql': 'SELECT 1;' },
      errors: [{ messageId: 'missing', data: { path: 'db/migrations/0002_orders.up.sql', dir: 'db/migrations' }, file: 'db/migrations/0002_orders.up.sql' }],
    },
    {
      name: 'goose file without a Down section',
      files: {
        'db/00001_users.sql': '-- +goose Up\nCREATE TABLE users (id bigint);\n-- +goose Down\nDROP TABLE users;',
        'db/00002_orders.sql': '-- +goose Up\nCREATE TABLE orders (id bigint);',
      },
      errors: [{ file: 'db/00002_orders.sql' }],
    },
    { files: { 'db/migrations/0001_users.up.sql': 'SELECT 1;' }, options: { always: true }, errors: [{ messageId: 'missingAlways' }] },
    {
      name: 'Postgrator undo files',
      files: {
        'migrations/001.do.users.sql': 'CREATE TABLE users (id bigint);',
        'migrations/001.undo.users.sql': 'DROP TABLE users;',
        'migrations/002.do.tasks.sql': 'CREATE TABLE tasks (id bigint);',
      },
      errors: [{ messageId: 'missing', file: 'migrations/002.do.tasks.sql' }],
    },
    {
      name: '@slonik/migrator keeps down migrations in down/',
      files: {
        'database/migrations/2022.10.07T13.49.19.users.sql': 'CREATE TABLE users (id bigint);',
        'database/migrations/2022.10.07T13.49.54.wallets.sql': 'CREATE TABLE wallets (id bigint);',
        'database/migrations/down/2022.10.07T13.49.19.users.sql': 'DROP TABLE users;',
      },
      errors: [{ messageId: 'missing', file: 'database/migrations/2022.10.07T13.49.54.wallets.sql' }],
    },
  ],
});
