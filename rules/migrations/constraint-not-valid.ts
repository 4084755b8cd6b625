import { defineRule } from '../../src/core/index.js';
import { addedConstraint, alterCommands, tablesCreatedBefore, statementAnchor } from '../../src/sources/migrations/index.js';

export default defineRule({
  id: 'migrations/constraint-not-valid',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'CHECK constraints on existing tables are added NOT VALID and validated outside the adding transaction.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'locking', 'postgres'],
  },
  messages: {
    check: 'Adding CHECK constraint "{{name}}" to "{{table}}" scans the whole table under an ACCESS EXCLUSIVE lock: reads and writes wait.',
    validateSameTransaction:
      'VALIDATE CONSTRAINT "{{name}}" runs in the same transaction that added it NOT VALID: the ACCESS EXCLUSIVE lock of the ADD is still held while the table is scanned.',
  },
  create(context) {
    const { statements } = context.model;
    const addedNotValid = new Set<string>();
    statements.forEach((statement, index) => {
      const created = tablesCreatedBefore(statements, index);
      for (const command of alterCommands(statement)) {
        const constraint = addedConstraint(command);
        const name = (constraint?.conname as string | undefined) ?? '(unnamed)';
        if (constraint?.skip_validation) addedNotValid.add(`${command.table}\0${name}`);
        if (constraint?.contype === 'CONSTR_CHECK' && !constraint.skip_validation && !created.has(command.table)) {
          context.report({
            messageId: 'check',
            data: { name, table: command.table },
            at: statement.locate(constraint.location as number),
            anchor: statementAnchor(statement),
            help: 'Add it with NOT VALID (only new rows are checked, instantly), then ALTER TABLE ... VALIDATE CONSTRAINT in a later migration: validation lets reads and writes through.',
          });
        }
        if (command.subtype === 'AT_ValidateConstraint' && statement.inTransaction) {
          const validated = command.cmd.name as string;
          if (!addedNotValid.has(`${command.table}\0${validated}`)) continue;
          context.report({
            messageId: 'validateSameTransaction',
            data: { name: validated },
            at: { offset: statement.offset, endOffset: statement.endOffset },
            anchor: statementAnchor(statement),
            help: 'Validate the constraint in a separate migration (or after COMMIT), so the ADD ... NOT VALID lock is released first.',
          });
        }
      }
    });
  },
});
