import { defineRule } from '../../src/core/index.js';
import { addedConstraint, alterCommands, tablesCreatedBefore, statementAnchor } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/unique-constraint-via-index',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'UNIQUE constraints on existing tables are built as a concurrent unique index first, then attached with USING INDEX.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'locking', 'postgres'],
  },
  messages: {
    unique: 'ADD CONSTRAINT ... UNIQUE on "{{table}}" builds its index under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build.',
  },
  create(context) {
    const { statements } = context.model;
    statements.forEach((statement, index) => {
      const created = tablesCreatedBefore(statements, index);
      for (const command of alterCommands(statement)) {
        const constraint = addedConstraint(command);
        if (constraint?.contype !== 'CONSTR_UNIQUE' || constraint.indexname || created.has(command.table)) continue;
        context.report({
          messageId: 'unique',
          data: { table: command.table },
          at: statement.locate(constraint.location as number),
          anchor: statementAnchor(statement),
          help: 'CREATE UNIQUE INDEX CONCURRENTLY first, then ALTER TABLE ... ADD CONSTRAINT name UNIQUE USING INDEX index_name (instant).',
        });
      }
    });
  },
});
