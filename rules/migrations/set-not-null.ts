import { defineRule } from '../../src/core/index.js';
import { alterCommands, tablesCreatedBefore } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/set-not-null',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'SET NOT NULL on an existing column goes through a validated CHECK constraint instead of a locked full scan.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'locking', 'postgres'],
  },
  messages: {
    setNotNull: 'SET NOT NULL on "{{table}}"."{{column}}" scans the whole table under an ACCESS EXCLUSIVE lock: reads and writes wait.',
  },
  create(context) {
    const { statements } = context.model;
    const version = context.settings.postgresVersion ?? 16;
    statements.forEach((statement, index) => {
      const created = tablesCreatedBefore(statements, index);
      for (const command of alterCommands(statement)) {
        if (command.subtype !== 'AT_SetNotNull' || created.has(command.table)) continue;
        context.report({
          messageId: 'setNotNull',
          data: { table: command.table, column: command.cmd.name },
          at: { offset: statement.offset, endOffset: statement.endOffset },
          anchor: `${command.table}.${String(command.cmd.name)}`,
          help:
            version >= 12
              ? 'Add CHECK (column IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL (Postgres 12+ skips the scan because the constraint proves it) and drop the CHECK.'
              : 'Before Postgres 12, SET NOT NULL always scans: use a validated CHECK (column IS NOT NULL) NOT VALID constraint instead of the column flag.',
        });
      }
    });
  },
});
