import { defineRule } from '../../src/core/index.js';
import { alterCommands, tablesCreatedBefore } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/drop-not-null',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Dropping NOT NULL is flagged: readers that assume a value start getting NULLs.',
    severity: 'warn',
    recommended: true,
    tags: ['migrations', 'compatibility', 'postgres'],
  },
  messages: {
    dropNotNull: 'DROP NOT NULL on "{{table}}"."{{column}}": running code that assumes a value will meet NULLs once new writers store them.',
  },
  create(context) {
    const { statements } = context.model;
    statements.forEach((statement, index) => {
      const created = tablesCreatedBefore(statements, index);
      for (const command of alterCommands(statement)) {
        if (command.subtype !== 'AT_DropNotNull' || created.has(command.table)) continue;
        context.report({
          messageId: 'dropNotNull',
          data: { table: command.table, column: command.cmd.name },
          at: { offset: statement.offset, endOffset: statement.endOffset },
          anchor: `${command.table}.${String(command.cmd.name)}`,
          help: 'Make every reader handle NULL first (types, API schemas, clients), then drop the constraint.',
        });
      }
    });
  },
});
