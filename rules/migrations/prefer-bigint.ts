import { defineRule } from '../../src/core/index.js';
import { columnDefinitions } from '../../src/sources/migrations/index.js';

const SMALL = new Map([
  ['int4', 'integer'],
  ['int2', 'smallint'],
  ['serial', 'serial'],
  ['serial4', 'serial'],
  ['smallserial', 'smallserial'],
  ['serial2', 'smallserial'],
]);

export default defineRule({
  id: 'migrations/prefer-bigint',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Integer columns are bigint: int and smallint run out, and widening them later rewrites the table.',
    severity: 'warn',
    recommended: false,
    tags: ['migrations', 'types', 'postgres'],
  },
  messages: {
    small: 'Column "{{column}}" is {{type}}: it overflows at {{max}}, and changing its type later rewrites the table under an ACCESS EXCLUSIVE lock.',
  },
  create(context) {
    for (const statement of context.model.statements) {
      for (const column of columnDefinitions(statement)) {
        const type = column.type ? SMALL.get(column.type.name) : undefined;
        if (!type) continue;
        context.report({
          messageId: 'small',
          data: { column: column.column, type, max: type.startsWith('small') ? '32,767' : '2,147,483,647' },
          at: statement.locateWord(column.type!.location),
          anchor: `${column.table}.${column.column}`,
          help: 'Use bigint (or bigint GENERATED ... AS IDENTITY for keys); the extra 4 bytes a row rarely matter.',
        });
      }
    }
  },
});
