import { defineRule } from '../../src/core/index.js';
import { addedConstraint, alterCommands, columnDefinitions, tablesCreatedBefore, statementAnchor } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/primary-key-via-index',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Primary keys on existing tables are attached to a concurrently built unique index with USING INDEX.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'locking', 'postgres'],
  },
  messages: {
    primaryKey: 'Adding a primary key to "{{table}}" builds its index (and checks NOT NULL) under an ACCESS EXCLUSIVE lock: reads and writes wait.',
  },
  create(context) {
    const { statements } = context.model;
    statements.forEach((statement, index) => {
      const created = tablesCreatedBefore(statements, index);
      const report = (table: string, location: number | undefined) => {
        if (created.has(table)) return;
        context.report({
          messageId: 'primaryKey',
          data: { table },
          at: statement.locate(location),
          anchor: statementAnchor(statement),
          help: 'CREATE UNIQUE INDEX CONCURRENTLY on the key columns (already NOT NULL), then ALTER TABLE ... ADD CONSTRAINT name PRIMARY KEY USING INDEX index_name.',
        });
      };
      for (const command of alterCommands(statement)) {
        const constraint = addedConstraint(command);
        if (constraint?.contype === 'CONSTR_PRIMARY' && !constraint.indexname) report(command.table, constraint.location as number);
      }
      for (const column of columnDefinitions(statement)) {
        if (!column.added) continue;
        const pk = column.constraints.find((c) => c.contype === 'CONSTR_PRIMARY');
        if (pk) report(column.table, pk.location as number);
      }
    });
  },
});
