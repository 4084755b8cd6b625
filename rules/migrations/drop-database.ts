import { defineRule } from '../../src/core/index.js';
import { statementLocation, statementAnchor } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/drop-database',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Migrations never drop a database.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'data-loss', 'postgres'],
  },
  messages: {
    drop: 'DROP DATABASE "{{database}}" in a migration deletes every table in it.',
  },
  create(context) {
    for (const statement of context.model.statements) {
      if (statement.type !== 'DropdbStmt') continue;
      context.report({
        messageId: 'drop',
        data: { database: statement.node.dbname },
        at: statementLocation(statement),
        anchor: statementAnchor(statement),
        help: 'Drop databases by hand, with a backup, outside the migration history.',
      });
    }
  },
});
