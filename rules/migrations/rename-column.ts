import { defineRule } from '../../src/core/index.js';
import { relationName, statementLocation, tablesCreatedBefore, type RangeVar, statementAnchor } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/rename-column',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Columns are not renamed in one step: code that is still running reads the old name.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'compatibility', 'postgres'],
  },
  messages: {
    rename: 'Renaming "{{table}}"."{{from}}" to "{{to}}" breaks every running client that still uses "{{from}}".',
  },
  create(context) {
    const { statements } = context.model;
    statements.forEach((statement, index) => {
      if (statement.type !== 'RenameStmt' || statement.node.renameType !== 'OBJECT_COLUMN') return;
      const table = relationName(statement.node.relation as RangeVar);
      if (tablesCreatedBefore(statements, index).has(table)) return;
      context.report({
        messageId: 'rename',
        data: { table, from: statement.node.subname, to: statement.node.newname },
        at: statementLocation(statement),
        anchor: statementAnchor(statement),
        help: 'Expand and contract: add the new column, write both, backfill, move readers to it, then drop the old one. Or rename and keep a view with the old name for the deploy window.',
      });
    });
  },
});
