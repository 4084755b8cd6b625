import { defineRule } from '../../src/core/index.js';
import { columnDefinitions } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/prefer-text',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'String columns are text (with a CHECK on length if needed), not varchar(n), whose limit is costly to change.',
    severity: 'warn',
    recommended: false,
    tags: ['migrations', 'types', 'postgres'],
  },
  messages: {
    varchar: 'Column "{{column}}" is varchar(n): lowering the limit later rewrites the table under an ACCESS EXCLUSIVE lock, and the limit is no cheaper than text.',
  },
  create(context) {
    for (const statement of context.model.statements) {
      for (const column of columnDefinitions(statement)) {
        if (column.type?.name !== 'varchar' || !column.type.hasModifiers) continue;
        context.report({
          messageId: 'varchar',
          data: { column: column.column },
          at: statement.locateWord(column.type.location),
          anchor: `${column.table}.${column.column}`,
          help: 'Use text, with CHECK (char_length(column) <= n) NOT VALID if the limit matters: a CHECK can be changed without a rewrite.',
        });
      }
    }
  },
});
