import { RuleTester } from '../../src/testing.js';
import rule from './transaction-nesting.js';

new RuleTester().run(rule, {
  valid: ['BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\nBEGIN;\nCOMMIT;', 'CREATE TABLE t (a int);'],
  invalid: [
    { code: 'BEGIN;\nBEGIN;\nCOMMIT;', errors: [{ messageId: 'nested', line: 2, column: 1 }] },
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
