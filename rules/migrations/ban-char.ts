import { defineRule } from '../../src/core/index.js';
import { columnDefinitions } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/ban-char',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Columns are not char(n): it pads values with spaces and is never faster than text.',
    severity: 'warn',
    recommended: true,
    tags: ['migrations', 'types', 'postgres'],
  },
  messages: {
    char: 'Column "{{column}}" is char(n): values are blank-padded to the length, comparisons ignore trailing spaces, and it is slower than text.',
  },
  create(context) {
    for (const statement of context.model.statements) {
      for (const column of columnDefinitions(statement)) {
        // `bpchar` is char(n) / character(n); the one-byte internal `"char"` type is spelled `char`.
        if (column.type?.name !== 'bpchar') continue;
        context.report({
          messageId: 'char',
          data: { column: column.column },
          at: statement.locateWord(column.type.location),
          anchor: `${column.table}.${column.column}`,
          help: 'Use text (or varchar), with a CHECK constraint on the length if the length matters.',
        });
      }
    }
  },
});
