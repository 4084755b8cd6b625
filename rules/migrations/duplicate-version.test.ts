import { RuleTester } from '../../src/testing.js';
import rule from './duplicate-version.js';

new RuleTester().run(rule, {
  valid: [
    { files: { 'db/migrations/000001_users.up.sql': 'SELECT 1;', 'db/migrations/000001_users.down.sql': 'SELECT 1;', 'db/migrations/000002_orders.up.sql': 'SELECT 1;' } },
    { name: 'the same version in two folders', files: { 'a/migrations/0001_x.sql': 'SELECT 1;', 'b/migrations/0001_y.sql': 'SELECT 1;' } },
    { name: 'Postgrator do and undo files', files: { 'migrations/001.do.users.sql': 'SELECT 1;', 'migrations/001.undo.users.sql': 'SELECT 1;' } },
    {
      name: 'Knex and db-migrate record names: two files of one timestamp both run',
      files: {
        'src/migrations/20210428103924-patch-admin-role-name.js': "exports.up = (db, cb) => db.runSql('SELECT 1', cb);",
        'src/migrations/20210428103924-patch-admin_role.js': "exports.up = (db, cb) => db.runSql('SELECT 2', cb);",
      },
    },
    {
      name: 'umzug records names: one date or timestamp may start several of them',
      files: {
        'database/migrations/2022.10.07.users.sql': 'SELECT 1;',
        'database/migrations/2022.10.07.teams.sql': 'SELECT 1;',
        'database/migrations/2022.10.07T13.49.19.a.sql': 'SELECT 1;',
        'database/migrations/2022.10.07T13.49.19.b.sql': 'SELECT 1;',
      },
    },
    {
      name: 'umzug timestamps of one day, with their down/ files',
      files: {
        'database/migrations/2022.10.07T13.49.19.users.sql': 'SELECT 1;',
        'database/migrations/2022.10.07T13.49.54.wallets.sql': 'SELECT 1;',
        'database/migrations/down/2022.10.07T13.49.19.users.sql': 'SELECT 1;',
        'database/migrations/down/2022.10.07T13.49.54.wallets.sql': 'SELECT 1;',
      },
    },
  ],
  invalid: [
    {
      files: { 'db/migrations/0002_orders.sql': 'SELECT 1;', 'db/migrations/0002_invoices.sql': 'SELECT 1;', 'db/migrations/0001_users.sql': 'SELECT 1;' },
      errors: [{ messageId: 'duplicate', data: { version: '0002', other: 'db/migrations/0002_invoices.sql' }, file: 'db/migrations/0002_orders.sql', line: 1 }],
    },
    {
      name: 'Flyway versions compare numerically',
      files: { 'db/V1_1__a.sql': 'SELECT 1;', 'db/V1.1__b.sql': 'SELECT 1;', 'db/V01_01__c.sql': 'SELECT 1;' },
      errors: 2,
    },
    {
      name: 'a plain folder of dated names still compares versions that are not umzug names',
      files: { 'db/migrations/20240101_users.sql': 'SELECT 1;', 'db/migrations/20240101_teams.sql': 'SELECT 1;' },
      errors: [{ messageId: 'duplicate', data: { version: '20240101', other: 'db/migrations/20240101_teams.sql' } }],
    },
  ],
});
