import { RuleTester } from '../../src/testing.js';
import rule from './transaction-nesting.js';

new RuleTester().run(rule, {
  valid: [
    'BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\nBEGIN;\nCOMMIT;',
    'CREATE TABLE t (a int);',
    {
      // Prisma's own generator writes enum changes this way.
      name: 'Prisma runs the file as one query string: BEGIN/COMMIT make its transaction explicit',
      code: "BEGIN;\nCREATE TYPE \"DataSource_new\" AS ENUM ('A', 'B');\nALTER TYPE \"DataSource\" RENAME TO \"DataSource_old\";\nCOMMIT;",
      filename: 'prisma/migrations/20221225084546_removed_rakuten/migration.sql',
    },
    {
      name: 'so does golang-migrate',
      code: 'BEGIN;\nCREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nCOMMIT;',
      filename: 'db/migrations/000001_t.up.sql',
    },
  ],
  invalid: [
    {
      name: 'a nested BEGIN in a Prisma migration',
      code: 'BEGIN;\nCREATE TABLE t (a int);\nBEGIN;\nCOMMIT;',
      filename: 'prisma/migrations/20221225084546_t/migration.sql',
      errors: [{ messageId: 'nested', line: 3 }],
    },
    {
      name: 'assumeInTransaction makes the wrapping managed, as Squawk assumes',
      code: 'BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;',
      filename: 'prisma/migrations/20221225084546_t/migration.sql',
      settings: { assumeInTransaction: true },
      errors: [{ messageId: 'managed', line: 1 }, { messageId: 'managed', line: 3 }],
    },
    { code: 'BEGIN;\nBEGIN;\nCOMMIT;', errors: [{ messageId: 'nested', line: 2, column: 1 }] },
    {
      name: 'db-migrate runs each migration in a transaction (Unleash), whatever its parameter is called',
      code: "exports.up = function (database, cb) {\n  database.runSql(`\n    ALTER TYPE change_type ADD VALUE 'archived';\n    COMMIT;\n  `, cb);\n};",
      filename: 'src/migrations/20231103064746-change-request-schedule-change-type.js',
      errors: [{ messageId: 'managed', data: { statement: 'COMMIT', layout: 'db-migrate', effect: "ends the tool's transaction early" }, line: 4 }],
    },
    {
      name: 'Flyway already wraps each migration',
      code: 'BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;',
      filename: 'db/V1__t.sql',
      errors: [
        { messageId: 'managed', data: { statement: 'BEGIN', layout: 'flyway', effect: 'nests a transaction (Postgres ignores it with a warning)' }, line: 1 },
        { messageId: 'managed', data: { statement: 'COMMIT', layout: 'flyway', effect: "ends the tool's transaction early" }, line: 3 },
      ],
    },
  ],
});
