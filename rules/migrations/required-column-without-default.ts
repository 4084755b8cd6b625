import { defineRule } from '../../src/core/index.js';
import { columnDefinitions, tablesCreatedBefore } from '../../src/sources/migrations/index.js';

const SERIAL = new Set(['serial', 'serial4', 'serial8', 'bigserial', 'smallserial', 'serial2']);

export default defineRule({
  id: 'migrations/required-column-without-default',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'A NOT NULL column added to an existing table has a default.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'compatibility', 'postgres'],
  },
  messages: {
    required:
      'Column "{{column}}" is added to "{{table}}" as NOT NULL without a default: the migration fails if the table has rows, and running code that inserts without it breaks.',
  },
  create(context) {
    const { statements } = context.model;
    statements.forEach((statement, index) => {
      const created = tablesCreatedBefore(statements, index);
      for (const column of columnDefinitions(statement)) {
        if (!column.added || created.has(column.table)) continue;
        const types = new Set(column.constraints.map((c) => c.contype as string));
        if (!types.has('CONSTR_NOTNULL') && !types.has('CONSTR_PRIMARY')) continue;
        if (types.has('CONSTR_DEFAULT') || types.has('CONSTR_IDENTITY') || types.has('CONSTR_GENERATED')) continue;
        if (column.type && SERIAL.has(column.type.name)) continue;
        context.report({
          messageId: 'required',
          data: { column: column.column, table: column.table },
          at: statement.locate(column.location),
          anchor: `${column.table}.${column.column}`,
          help: 'Add the column nullable (or with a constant DEFAULT), backfill it, then make it NOT NULL once every writer sets it.',
        });
      }
    });
  },
});
