import { defineRule } from '../../src/core/index.js';
import { statementLocation, type Statement, statementAnchor, TRANSACTION_DEFAULT } from '../../src/sources/migrations/index.js';

function kind(statement: Statement): 'begin' | 'end' | undefined {
  if (statement.type !== 'TransactionStmt') return undefined;
  const k = statement.node.kind as string;
  if (k === 'TRANS_STMT_BEGIN' || k === 'TRANS_STMT_START') return 'begin';
  if (k === 'TRANS_STMT_COMMIT' || k === 'TRANS_STMT_ROLLBACK') return 'end';
  return undefined;
}

export default defineRule({
  id: 'migrations/transaction-nesting',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'A migration does not open or close transactions its tool already manages, nor nest BEGIN.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'transactions', 'postgres'],
  },
  messages: {
    nested: 'BEGIN inside a transaction that is already open: Postgres only warns, and the first COMMIT ends both.',
    managed:
      '{{statement}} in a migration that {{layout}} already runs in a transaction: it {{effect}}, so the tool can no longer roll the migration back as one unit.',
  },
  create(context) {
    const file = context.model;
    // Prisma, golang-migrate and Postgrator send the file as one query string: its implicit
    // transaction yields to an explicit BEGIN (statements before it join the block), which is how
    // these tools' users ask for one. Only a setting that says otherwise makes the wrapping managed.
    const managed = file.inTransaction && (TRANSACTION_DEFAULT[file.layout] !== 'multi-statement' || context.settings?.assumeInTransaction !== undefined);
    for (const statement of [...file.statements, ...file.down]) {
      const k = kind(statement);
      if (!k) continue;
      if (managed) {
        context.report({
          messageId: 'managed',
          data: {
            statement: k === 'begin' ? 'BEGIN' : statement.text.split(/\s+/)[0].toUpperCase(),
            layout: file.layout,
            effect: k === 'begin' ? 'nests a transaction (Postgres ignores it with a warning)' : "ends the tool's transaction early",
          },
          at: statementLocation(statement),
          anchor: statementAnchor(statement),
          help: 'Remove the BEGIN/COMMIT: the tool wraps the migration. To run a step outside a transaction, turn the wrapping off for that migration instead.',
        });
      } else if (k === 'begin' && statement.inExplicitTransaction) {
        context.report({
          messageId: 'nested',
          at: statementLocation(statement),
          anchor: statementAnchor(statement),
          help: 'COMMIT the first transaction before the next BEGIN, or use SAVEPOINT for a nested unit.',
        });
      }
    }
  },
});
