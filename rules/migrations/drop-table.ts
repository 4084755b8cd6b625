import { defineRule } from '../../src/core/index.js';
import { names, tablesCreatedBefore } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/drop-table',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Dropping a table is flagged: its data is gone and running code that queries it breaks.',
    severity: 'warn',
    recommended: true,
    tags: ['migrations', 'data-loss', 'compatibility', 'postgres'],
  },
  messages: {
    drop: 'Dropping table "{{table}}" deletes its data and breaks running code that still queries it.',
  },
  create(context) {
    const { statements } = context.model;
    statements.forEach((statement, index) => {
      if (statement.type !== 'DropStmt' || statement.node.removeType !== 'OBJECT_TABLE') return;
      const created = tablesCreatedBefore(statements, index);
      const objects = (statement.node.objects as { List?: { items?: unknown } }[] | undefined) ?? [];
      for (const object of objects) {
        const table = names(object.List?.items).join('.');
        if (created.has(table)) continue;
        context.report({
          messageId: 'drop',
          data: { table },
          at: { offset: statement.offset, endOffset: statement.endOffset },
          anchor: table,
          help: 'Deploy code that no longer uses the table first, keep a backup (or rename it aside) for a while, then drop it; disable the rule on that line once that is true.',
        });
      }
    });
  },
});
