import { defineRule } from '../../src/core/index.js';
import { alterCommands, tablesCreatedBefore } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/drop-column',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Dropping a column is flagged: its data is gone and running code that selects it breaks.',
    severity: 'warn',
    recommended: true,
    tags: ['migrations', 'data-loss', 'compatibility', 'postgres'],
  },
  messages: {
    drop: 'Dropping "{{table}}"."{{column}}" deletes its data and breaks running code that still reads or writes it.',
  },
  create(context) {
    const { statements } = context.model;
    statements.forEach((statement, index) => {
      const created = tablesCreatedBefore(statements, index);
      for (const command of alterCommands(statement)) {
        if (command.subtype !== 'AT_DropColumn' || created.has(command.table)) continue;
        context.report({
          messageId: 'drop',
          data: { table: command.table, column: command.cmd.name },
          at: { offset: statement.offset, endOffset: statement.endOffset },
          anchor: `${command.table}.${String(command.cmd.name)}`,
          help: 'First deploy code that no longer uses the column (ORMs: mark it ignored), then drop it in a later migration; disable the rule on that line once that is true.',
        });
      }
    });
  },
});
