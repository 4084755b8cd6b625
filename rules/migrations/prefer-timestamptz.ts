import { defineRule } from '../../src/core/index.js';
import { columnDefinitions } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/prefer-timestamptz',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Timestamp columns are timestamptz, so instants do not depend on the session time zone.',
    severity: 'warn',
    recommended: true,
    tags: ['migrations', 'types', 'postgres'],
  },
  messages: {
    timestamp:
      'Column "{{column}}" is timestamp without time zone: the offset of written values is dropped, so the same instant reads differently from sessions in different time zones.',
  },
  create(context) {
    for (const statement of context.model.statements) {
      for (const column of columnDefinitions(statement)) {
        if (column.type?.name !== 'timestamp') continue;
        context.report({
          messageId: 'timestamp',
          data: { column: column.column },
          at: statement.locateWord(column.type.location),
          anchor: `${column.table}.${column.column}`,
          help: 'Use timestamptz (timestamp with time zone): it stores an instant and converts on read. Changing an existing column is a type change (see migrations/column-type-change).',
        });
      }
    }
  },
});
