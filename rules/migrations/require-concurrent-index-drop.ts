import { defineRule } from '../../src/core/index.js';
import { names, statementLocation, statementAnchor } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/require-concurrent-index-drop',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'DROP INDEX uses CONCURRENTLY, so the table is not locked against reads and writes while the index goes.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'locking', 'postgres'],
  },
  messages: {
    notConcurrent: 'DROP INDEX "{{index}}" without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on its table: every query on it waits.',
  },
  create(context) {
    for (const statement of context.model.statements) {
      if (statement.type !== 'DropStmt' || statement.node.removeType !== 'OBJECT_INDEX' || statement.node.concurrent) continue;
      const objects = (statement.node.objects as { List?: { items?: unknown } }[] | undefined) ?? [];
      const index = objects.map((o) => names(o.List?.items).join('.')).join(', ');
      context.report({
        messageId: 'notConcurrent',
        data: { index },
        at: statementLocation(statement),
        anchor: statementAnchor(statement),
        help: 'Use DROP INDEX CONCURRENTLY (one index per statement, outside a transaction block).',
      });
    }
  },
});
