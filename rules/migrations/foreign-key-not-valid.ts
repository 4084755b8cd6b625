import { defineRule } from '../../src/core/index.js';
import { addedConstraint, alterCommands, columnDefinitions, relationName, tablesCreatedBefore, type RangeVar, statementAnchor } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/foreign-key-not-valid',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Foreign keys on existing tables are added NOT VALID and validated in a later step.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'locking', 'postgres'],
  },
  messages: {
    foreignKey:
      'Adding a foreign key on "{{table}}" checks every row while holding SHARE ROW EXCLUSIVE locks on "{{table}}" and "{{referenced}}": writes to both wait.',
  },
  create(context) {
    const { statements } = context.model;
    statements.forEach((statement, index) => {
      if (statement.type !== 'AlterTableStmt') return;
      const created = tablesCreatedBefore(statements, index);
      const report = (table: string, referenced: RangeVar | undefined, location: number | undefined) => {
        if (created.has(table)) return;
        context.report({
          messageId: 'foreignKey',
          data: { table, referenced: relationName(referenced) },
          at: statement.locate(location),
          anchor: statementAnchor(statement),
          help: 'Add the constraint with NOT VALID (instant), then run ALTER TABLE ... VALIDATE CONSTRAINT in a separate migration: validation takes a lock that lets reads and writes through.',
        });
      };
      for (const command of alterCommands(statement)) {
        const constraint = addedConstraint(command);
        if (constraint?.contype === 'CONSTR_FOREIGN' && !constraint.skip_validation) {
          report(command.table, constraint.pktable as RangeVar, constraint.location as number);
        }
      }
      for (const column of columnDefinitions(statement)) {
        if (!column.added) continue;
        for (const constraint of column.constraints) {
          if (constraint.contype === 'CONSTR_FOREIGN') report(column.table, constraint.pktable as RangeVar, constraint.location as number);
        }
      }
    });
  },
});
