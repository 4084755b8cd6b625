import { defineRule } from '../../src/core/index.js';
import { statementLocation, TRANSACTION_DEFAULT, type Statement, statementAnchor } from '../../src/sources/migrations/index.js';

function concurrentOperation(statement: Statement): string | undefined {
  const { type, node } = statement;
  if (type === 'IndexStmt' && node.concurrent) return 'CREATE INDEX CONCURRENTLY';
  if (type === 'DropStmt' && node.removeType === 'OBJECT_INDEX' && node.concurrent) return 'DROP INDEX CONCURRENTLY';
  if (type === 'ReindexStmt') {
    const params = (node.params as { DefElem?: { defname?: string } }[] | undefined) ?? [];
    if (params.some((p) => p.DefElem?.defname === 'concurrently')) return 'REINDEX CONCURRENTLY';
  }
  if (type === 'AlterTableStmt') {
    const cmds = (node.cmds as { AlterTableCmd?: { subtype?: string; def?: { PartitionCmd?: { concurrent?: boolean } } } }[] | undefined) ?? [];
    if (cmds.some((c) => c.AlterTableCmd?.subtype === 'AT_DetachPartition' && c.AlterTableCmd.def?.PartitionCmd?.concurrent)) {
      return 'DETACH PARTITION CONCURRENTLY';
    }
  }
  return undefined;
}

export default defineRule({
  id: 'migrations/concurrent-index-in-transaction',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'CONCURRENTLY operations do not run inside a transaction block, where Postgres refuses them.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'transactions', 'postgres'],
  },
  messages: {
    inTransaction: '{{operation}} cannot run inside a transaction block, and this migration runs in one ({{why}}).',
  },
  create(context) {
    const file = context.model;
    for (const statement of [...file.statements, ...file.down]) {
      const operation = concurrentOperation(statement);
      if (!operation || !statement.inTransaction) continue;
      const why = statement.inExplicitTransaction
        ? 'an explicit BEGIN'
        : TRANSACTION_DEFAULT[file.layout] === 'multi-statement'
          ? `${file.layout} sends the file as one query string, which Postgres runs as one transaction when it holds several statements`
          : `${file.layout} wraps each migration in a transaction`;
      context.report({
        messageId: 'inTransaction',
        data: { operation, why },
        at: statementLocation(statement),
        anchor: statementAnchor(statement),
        help: statement.inExplicitTransaction
          ? 'Move the statement outside BEGIN ... COMMIT.'
          : 'Put the statement in a migration of its own and turn the transaction off for it (see the doc page for each tool), or set migrations.assumeInTransaction if your runner does not wrap migrations.',
      });
    }
  },
});
