import { RuleTester } from '../../src/testing.js';
import rule from './edited-after-merge.js';

const base = {
  'db/migrations/0001_users.sql': 'CREATE TABLE users (\n  id bigint\n);\n',
  'db/migrations/0002_orders.sql': 'CREATE TABLE orders (id bigint);\n',
};

new RuleTester().run(rule, {
  valid: [
    { files: { ...base, 'db/migrations/0003_items.sql': 'SELECT 1;' }, base },
    { name: 'line endings only', files: { ...base, 'db/migrations/0001_users.sql': 'CREATE TABLE users (\r\n  id bigint\r\n);\r\n' }, base },
  ],
  invalid: [
    {
      files: { ...base, 'db/migrations/0001_users.sql': 'CREATE TABLE users (\n  id bigint,\n  email text\n);\n' },
      base,
      errors: [{ messageId: 'edited', data: { base: 'base' }, file: 'db/migrations/0001_users.sql', line: 2, column: 1 }],
    },
    {
      name: 'deleted migration',
      files: { 'db/migrations/0001_users.sql': base['db/migrations/0001_users.sql'] },
      base,
      errors: [{ messageId: 'deleted', file: 'db/migrations/0002_orders.sql' }],
    },
  ],
});
