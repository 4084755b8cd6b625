import { defineRule } from '../../src/core/index.js';
import { relationName, statementLocation, tablesCreatedBefore, type RangeVar, statementAnchor } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/require-concurrent-index',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'CREATE INDEX on an existing table uses CONCURRENTLY, so writes are not blocked while it builds.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'locking', 'postgres'],
  },
  messages: {
    notConcurrent:
      'CREATE INDEX on "{{table}}" without CONCURRENTLY takes a SHARE lock: inserts, updates and deletes wait until the index is built.',
  },
  create(context) {
    const { statements } = context.model;
    statements.forEach((statement, index) => {
      if (statement.type !== 'IndexStmt' || statement.node.concurrent) return;
      const table = relationName(statement.node.relation as RangeVar);
      if (tablesCreatedBefore(statements, index).has(table)) return;
      context.report({
        messageId: 'notConcurrent',
        data: { table },
        at: statementLocation(statement),
        anchor: statementAnchor(statement),
        help: 'Use CREATE INDEX CONCURRENTLY, outside a transaction block (one statement per migration where the tool wraps migrations in transactions).',
      });
    });
  },
});
