import { RuleTester } from '../../src/testing.js';
import rule from './naming.js';

new RuleTester().run(rule, {
  valid: [
    { files: { 'db/migrations/0001_users.sql': 'SELECT 1;', 'db/migrations/0002_orders.sql': 'SELECT 1;', 'db/migrations/0010_x.sql': 'SELECT 1;' } },
    { files: { 'db/V1__a.sql': 'SELECT 1;', 'db/V1_1__b.sql': 'SELECT 1;', 'db/R__views.sql': 'SELECT 1;' } },
    { name: 'a plain folder without versions', files: { 'sql/migrations/users.sql': 'SELECT 1;', 'sql/migrations/orders.sql': 'SELECT 1;' } },
    {
      name: 'umzug timestamps and 14-digit timestamps are one scheme',
      files: { 'database/migrations/2022.10.07T13.49.19.users.sql': 'SELECT 1;', 'database/migrations/20221008120000_wallets.sql': 'SELECT 1;' },
    },
    {
      name: "umzug's date prefix is a timestamp scheme too",
      files: { 'database/migrations/2022.10.07.users.sql': 'SELECT 1;', 'database/migrations/2022.10.08T09.00.00.wallets.sql': 'SELECT 1;' },
    },
  ],
  invalid: [
    {
      name: 'a timestamp among sequence numbers',
      files: { 'db/migrations/0001_users.sql': 'SELECT 1;', 'db/migrations/0002_orders.sql': 'SELECT 1;', 'db/migrations/20240101120000_x.sql': 'SELECT 1;' },
      errors: [{ messageId: 'scheme', data: { name: '20240101120000_x.sql', scheme: 'timestamp', expected: 'sequence of 4 digits' }, file: 'db/migrations/20240101120000_x.sql' }],
    },
    {
      name: 'a sequence number among umzug timestamps',
      files: {
        'database/migrations/2022.10.07T13.49.19.users.sql': 'SELECT 1;',
        'database/migrations/2022.10.07T13.49.54.wallets.sql': 'SELECT 1;',
        'database/migrations/3_orders.sql': 'SELECT 1;',
      },
      errors: [{ messageId: 'scheme', data: { name: '3_orders.sql', scheme: 'sequence', expected: 'timestamp' } }],
    },
    {
      name: 'a file without a version',
      files: { 'db/migrations/0001_users.sql': 'SELECT 1;', 'db/migrations/add_orders.sql': 'SELECT 1;' },
      errors: [{ messageId: 'unversioned', data: { name: 'add_orders.sql', layout: 'plain' } }],
    },
    {
      name: 'configured pattern, Prisma folders',
      files: {
        'prisma/migrations/20240101000000_init/migration.sql': 'SELECT 1;',
        'prisma/migrations/20240102000000_Add-Users/migration.sql': 'SELECT 1;',
      },
      options: { pattern: '^\\d{14}_[a-z_]+$' },
      errors: [{ messageId: 'pattern', data: { name: '20240102000000_Add-Users', pattern: '/^\\d{14}_[a-z_]+$/' } }],
    },
  ],
});
