import { defineRule } from '../../src/core/index.js';
import { relationName, statementLocation, tablesCreatedBefore, type RangeVar, statementAnchor } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/rename-table',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Tables are not renamed in one step: code that is still running queries the old name.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'compatibility', 'postgres'],
  },
  messages: {
    rename: 'Renaming table "{{from}}" to "{{to}}" breaks every running client that still queries "{{from}}".',
  },
  create(context) {
    const { statements } = context.model;
    statements.forEach((statement, index) => {
      if (statement.type !== 'RenameStmt' || statement.node.renameType !== 'OBJECT_TABLE') return;
      const from = relationName(statement.node.relation as RangeVar);
      if (tablesCreatedBefore(statements, index).has(from)) return;
      context.report({
        messageId: 'rename',
        data: { from, to: statement.node.newname },
        at: statementLocation(statement),
        anchor: statementAnchor(statement),
        help: 'Rename, and create an updatable view with the old name in the same transaction; drop the view once no deployed code uses the old name.',
      });
    });
  },
});
