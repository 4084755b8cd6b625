import { defineRule } from '../../src/core/index.js';
import { addedConstraint, alterCommands, tablesCreatedBefore, statementAnchor } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/exclusion-constraint',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Exclusion constraints are not added to existing tables, where they build an index under an ACCESS EXCLUSIVE lock.',
    severity: 'warn',
    recommended: true,
    tags: ['migrations', 'locking', 'postgres'],
  },
  messages: {
    exclusion:
      'Adding EXCLUDE constraint to "{{table}}" builds its index and checks every row under an ACCESS EXCLUSIVE lock; it cannot be added NOT VALID or from an existing index.',
  },
  create(context) {
    const { statements } = context.model;
    statements.forEach((statement, index) => {
      const created = tablesCreatedBefore(statements, index);
      for (const command of alterCommands(statement)) {
        const constraint = addedConstraint(command);
        if (constraint?.contype !== 'CONSTR_EXCLUSION' || created.has(command.table)) continue;
        context.report({
          messageId: 'exclusion',
          data: { table: command.table },
          at: statement.locate(constraint.location as number),
          anchor: statementAnchor(statement),
          help: 'Declare it when the table is created, or plan a maintenance window for it; a concurrent unique or GiST index plus application checks is the online alternative.',
        });
      }
    });
  },
});
