import { RuleTester } from '../../src/testing.js';
import rule from './out-of-order.js';

const base = {
  'db/migrations/20240101000000_users.sql': 'CREATE TABLE users (id bigint);',
  'db/migrations/20240301000000_orders.sql': 'CREATE TABLE orders (id bigint);',
};

new RuleTester().run(rule, {
  valid: [
    { files: { ...base, 'db/migrations/20240401000000_items.sql': 'SELECT 1;' }, base },
    { name: 'without a base the rule does not run', files: { 'db/migrations/20230101000000_old.sql': 'SELECT 1;' } },
    { name: 'a new folder', files: { 'other/migrations/0001_x.sql': 'SELECT 1;' }, base },
  ],
  invalid: [
    {
      files: { ...base, 'db/migrations/20240201000000_items.sql': 'SELECT 1;' },
      base,
      errors: [
        {
          messageId: 'outOfOrder',
          data: { version: '20240201000000', newest: '20240301000000', newestPath: 'db/migrations/20240301000000_orders.sql', base: 'base' },
          file: 'db/migrations/20240201000000_items.sql',
        },
      ],
    },
  ],
});
